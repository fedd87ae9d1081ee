package org.kaohe.web;

import java.security.Principal;

import org.kaohe.security.UserAccount;
import org.kaohe.security.UserAccountService;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is logged in, to show their display name in the top bar. */
@ControllerAdvice(basePackageClasses = CurrentUser.class)
class CurrentUser {

    private final UserAccountService accounts;

    CurrentUser(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("me")
    UserAccount me(Principal who) {
        return who == null ? null : accounts.find(who.getName()).orElse(null);
    }
}

package org.kaohe.web;

import java.security.Principal;

import org.kaohe.security.UserAccountService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.kaohe.errors.InvalidInputException;

/**
 * Everyone's own account: change the password (required first of all while it is a one-time one)
 * and the display name shown in the top bar and the audit log.
 */
@Controller
class AccountController {

    private final UserAccountService accounts;

    AccountController(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping({"/account", "/account/password"})
    String page(Principal who, Model model) {
        model.addAttribute("account", accounts.find(who.getName()).orElseThrow());
        return "account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                          @RequestParam String confirmPassword, Principal who, RedirectAttributes flash) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("两次输入的新密码不一致 / the two new passwords differ");
            }
            accounts.changeOwnPassword(who.getName(), currentPassword, newPassword);
            flash.addFlashAttribute("passwordChanged", true);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/name")
    String changeName(@RequestParam String displayName, Principal who, RedirectAttributes flash) {
        try {
            accounts.setDisplayName(who.getName(), who.getName(), displayName);
            flash.addFlashAttribute("nameChanged", true);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/account";
    }
}

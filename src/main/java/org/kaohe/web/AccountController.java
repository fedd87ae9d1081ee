package org.kaohe.web;

import java.security.Principal;

import jakarta.servlet.http.HttpSession;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.security.ApiTokens;
import org.kaohe.security.UserAccountService;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone's own account: change the password (required first of all while it is a one-time one;
 * it ends one's other sessions and revokes one's API tokens), the display name shown in the top bar
 * and the audit log, and one's API tokens (made, listed with their expiry and last use, revoked).
 */
@Controller
class AccountController {

    private final UserAccountService accounts;
    private final ApiTokens tokens;

    AccountController(UserAccountService accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping({"/account", "/account/password"})
    String page(Principal who, Model model) {
        model.addAttribute("account", accounts.find(who.getName()).orElseThrow());
        model.addAttribute("tokens", tokens.list(who.getName()));
        model.addAttribute("tokenDefaultDays", tokens.defaultDays());
        model.addAttribute("tokenMaxDays", tokens.maxDays());
        model.addAttribute("now", java.time.OffsetDateTime.now());
        return "account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                          @RequestParam String confirmPassword, Principal who, HttpSession session,
                          RedirectAttributes flash) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException(Message.of("input.user.passwordsDiffer"));
            }
            accounts.changeOwnPassword(who.getName(), currentPassword, newPassword, session.getId());
            flash.addFlashAttribute("passwordChanged", true);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage(LocaleContextHolder.getLocale()));
        }
        return "redirect:/account";
    }

    @PostMapping("/account/name")
    String changeName(@RequestParam String displayName, Principal who, RedirectAttributes flash) {
        try {
            accounts.setDisplayName(who.getName(), who.getName(), displayName);
            flash.addFlashAttribute("nameChanged", true);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage(LocaleContextHolder.getLocale()));
        }
        return "redirect:/account";
    }

    /** The new token is shown in this answer only (never as a flash attribute, which the session table would keep). */
    @PostMapping("/account/tokens")
    String createToken(@RequestParam(required = false) String name, @RequestParam(required = false) Integer days,
                       Principal who, Model model, RedirectAttributes flash) {
        ApiTokens.NewToken made;
        try {
            made = tokens.create(who.getName(), name, days);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage(LocaleContextHolder.getLocale()));
            return "redirect:/account";
        }
        model.addAttribute("newToken", made.token());
        return page(who, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, Principal who, RedirectAttributes flash) {
        if (tokens.revoke(who.getName(), id)) {
            flash.addFlashAttribute("tokenRevoked", true);
        }
        return "redirect:/account";
    }
}

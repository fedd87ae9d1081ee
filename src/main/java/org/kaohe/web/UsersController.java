package org.kaohe.web;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;

import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.kaohe.errors.InvalidInputException;

/** Users and roles (ADMIN). */
@Controller
class UsersController {

    private final UserAccountService accounts;

    UsersController(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/users")
    String list(Model model) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("allRoles", Role.values());
        return "users";
    }

    @PostMapping("/users")
    String create(@RequestParam String username, @RequestParam(required = false) List<Role> roles,
                  @RequestParam(required = false) String password, @RequestParam(required = false) String displayName,
                  Principal who, RedirectAttributes flash) {
        return change(flash, () -> {
            UserAccountService.CreatedUser created = accounts.create(who.getName(), username.trim(), displayName,
                    roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), password);
            flash.addFlashAttribute("createdUser", created.account().username());
            if (created.passwordGenerated()) {
                flash.addFlashAttribute("newPassword", created.password());
            }
        });
    }

    @PostMapping("/users/{username}/enabled")
    String setEnabled(@PathVariable String username, @RequestParam boolean enabled, Principal who,
                      RedirectAttributes flash) {
        return change(flash, () -> accounts.setEnabled(who.getName(), username, enabled));
    }

    @PostMapping("/users/{username}/roles")
    String setRoles(@PathVariable String username, @RequestParam(required = false) List<Role> roles, Principal who,
                    RedirectAttributes flash) {
        return change(flash, () -> accounts.setRoles(who.getName(), username,
                roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles)));
    }

    @PostMapping("/users/{username}/name")
    String setName(@PathVariable String username, @RequestParam String displayName, Principal who,
                   RedirectAttributes flash) {
        return change(flash, () -> accounts.setDisplayName(who.getName(), username, displayName));
    }

    @PostMapping("/users/{username}/password")
    String resetPassword(@PathVariable String username, Principal who, RedirectAttributes flash) {
        return change(flash, () -> {
            flash.addFlashAttribute("newPassword", accounts.resetPassword(who.getName(), username));
            flash.addFlashAttribute("createdUser", username);
        });
    }

    private static String change(RedirectAttributes flash, Runnable change) {
        try {
            change.run();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/users";
    }
}

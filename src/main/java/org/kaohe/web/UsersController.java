package org.kaohe.web;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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
        model.addAttribute("lockouts", accounts.lockouts().stream()
                .collect(java.util.stream.Collectors.groupingBy(org.kaohe.security.Lockout::username)));
        return "users";
    }

    @PostMapping("/users")
    String create(@RequestParam String username, @RequestParam(required = false) List<Role> roles,
                  @RequestParam(required = false) String password, @RequestParam(required = false) String displayName,
                  Principal who, Model model, RedirectAttributes flash) {
        UserAccountService.CreatedUser created;
        try {
            created = accounts.create(who.getName(), username.trim(), displayName,
                    roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), password);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage(LocaleContextHolder.getLocale()));
            return "redirect:/users";
        }
        if (created.passwordGenerated()) {
            return oneTimePassword(created.account().username(), created.password(), model);
        }
        flash.addFlashAttribute("createdUser", created.account().username());
        return "redirect:/users";
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
    String resetPassword(@PathVariable String username, Principal who, Model model, RedirectAttributes flash) {
        String password;
        try {
            password = accounts.resetPassword(who.getName(), username);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage(LocaleContextHolder.getLocale()));
            return "redirect:/users";
        }
        return oneTimePassword(username, password, model);
    }

    /** An account changed outside Kaohe: its roles set again and a new one-time password, shown once. */
    @PostMapping("/users/{username}/repair")
    String repair(@PathVariable String username, @RequestParam(required = false) List<Role> roles, Principal who,
                  Model model, RedirectAttributes flash) {
        String password;
        try {
            password = accounts.repair(who.getName(), username,
                    roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage(LocaleContextHolder.getLocale()));
            return "redirect:/users";
        }
        return oneTimePassword(username, password, model);
    }

    /**
     * A generated one-time password is shown once, in this very answer, and kept nowhere else: not
     * as a flash attribute (Spring Session writes those into the database, SPRING_SESSION_ATTRIBUTES)
     * nor in a URL. So this success is the one that renders the page instead of redirecting; a reload
     * asks to send the form again, which would only make another one-time password (or find the user
     * already there). Spring Security's headers keep the answer out of every cache (no-store).
     */
    private String oneTimePassword(String username, String password, Model model) {
        model.addAttribute("createdUser", username);
        model.addAttribute("newPassword", password);
        return list(model);
    }

    private static String change(RedirectAttributes flash, Runnable change) {
        try {
            change.run();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage(LocaleContextHolder.getLocale()));
        }
        return "redirect:/users";
    }
}

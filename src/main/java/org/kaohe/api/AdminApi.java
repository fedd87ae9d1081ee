package org.kaohe.api;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;

import org.kaohe.audit.AuditLog;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccount;
import org.kaohe.security.UserAccountService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit log (AUDITOR, ADMIN) and user administration (ADMIN). */
@RestController
@RequestMapping("/api")
@Tag(name = "admin", description = "操作日志与用户 / audit log and users")
class AdminApi {

    /** A new user: roles like {@code ["HR","LEADER"]}; the password is generated when empty. */
    record NewUser(String username, List<Role> roles, String password) {}

    /** The created user and, when it was generated, the password (shown only in this response). */
    record CreatedUser(UserAccount user, String generatedPassword) {}

    private final AuditLog auditLog;
    private final UserAccountService accounts;

    AdminApi(AuditLog auditLog, UserAccountService accounts) {
        this.auditLog = auditLog;
        this.accounts = accounts;
    }

    @GetMapping("/audit")
    @Operation(summary = "操作日志,最新在前 / audit log, newest first")
    List<AuditLog.Entry> audit(@RequestParam(defaultValue = "200") int limit) {
        return auditLog.latest(Math.max(1, Math.min(limit, 5000)));
    }

    @GetMapping("/users")
    @Operation(summary = "用户列表 / users")
    List<UserAccount> users() {
        return accounts.list();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新增用户 / add a user")
    CreatedUser addUser(@RequestBody NewUser user, Principal who) {
        UserAccountService.CreatedUser created = accounts.create(who.getName(), user.username(),
                user.roles() == null || user.roles().isEmpty() ? EnumSet.noneOf(Role.class)
                        : EnumSet.copyOf(user.roles()), user.password());
        return new CreatedUser(created.account(), created.passwordGenerated() ? created.password() : null);
    }

    @PostMapping("/users/{username}/disable")
    @Operation(summary = "停用用户 / disable a user")
    UserAccount disable(@PathVariable String username, Principal who) {
        return setEnabled(username, false, who);
    }

    @PostMapping("/users/{username}/enable")
    @Operation(summary = "启用用户 / enable a user")
    UserAccount enable(@PathVariable String username, Principal who) {
        return setEnabled(username, true, who);
    }

    private UserAccount setEnabled(String username, boolean enabled, Principal who) {
        accounts.setEnabled(who.getName(), username, enabled);
        return accounts.list().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }
}

package org.kaohe.api;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;

import org.kaohe.audit.AuditLog;
import org.kaohe.audit.AuditLogCheck;
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
    private final AuditLogCheck auditLogCheck;
    private final UserAccountService accounts;
    private final org.kaohe.audit.AuditText text;

    AdminApi(AuditLog auditLog, AuditLogCheck auditLogCheck, UserAccountService accounts,
             org.kaohe.audit.AuditText text) {
        this.auditLog = auditLog;
        this.auditLogCheck = auditLogCheck;
        this.accounts = accounts;
        this.text = text;
    }

    /** An entry with its action and detail as a person reads them (Chinese, or English with Accept-Language: en). */
    record AuditEntry(long seq, java.time.OffsetDateTime at, String actor, String actorName, String action,
                      String actionText, String detail, String detailText, boolean broken) {}

    record AuditPage(List<AuditEntry> entries, long total, int page, int pages, boolean chainIntact) {}

    @GetMapping("/audit")
    @Operation(summary = "操作日志,最新在前,可筛选、分页 / audit log, newest first; filter by actor, action, period, "
            + "from/to (yyyy-MM-dd); page from 1; broken marks an entry the chain check found altered")
    AuditPage audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                    @RequestParam(required = false) String period,
                    @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate from,
                    @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate to,
                    @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "200") int size,
                    java.util.Locale locale) {
        AuditLog.Page shown = auditLog.search(new AuditLog.Query(actor, action, period, from, to), page,
                Math.max(1, Math.min(size, 5000)));
        AuditLog.Verification verification = auditLog.verify();
        java.util.Map<String, String> names = accounts.displayNames();
        return new AuditPage(shown.entries().stream().map(e -> new AuditEntry(e.seq(), e.at(), e.actor(),
                        names.getOrDefault(e.actor(), ""), e.action(), text.action(e.action(), locale), e.detail(),
                        text.detail(e, locale), verification.brokenSeqs().contains(e.seq()))).toList(),
                shown.total(), shown.page(), shown.pages(), verification.intact());
    }

    @GetMapping("/audit/verify")
    @Operation(summary = "核验日志链 / verify the audit log's chain: every changed, inserted or deleted entry named")
    AuditVerification verifyAudit(Principal who) {
        return AuditVerification.of(auditLogCheck.verify(who.getName()));
    }

    /** The chain's check, its problems in the request's language (both without {@code Accept-Language}). */
    record AuditVerification(long entries, long legacyEntries, List<String> problems, java.util.Set<Long> brokenSeqs) {
        static AuditVerification of(AuditLog.Verification v) {
            return new AuditVerification(v.entries(), v.legacyEntries(), v.problems().stream().map(ApiText::worded).toList(),
                    v.brokenSeqs());
        }
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

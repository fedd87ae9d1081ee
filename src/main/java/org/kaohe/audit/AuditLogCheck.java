package org.kaohe.audit;

import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * The auditor's check of the audit log's chain, recorded in the log itself as
 * {@code AUDIT_VERIFIED} once, here, whichever face asks (API, command line). The pages read
 * {@link AuditLog#verify()} to mark broken entries as they show them: a view, not the act.
 */
@Service
public class AuditLogCheck {

    private final AuditLog auditLog;

    AuditLogCheck(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    public AuditLog.Verification verify(String who) {
        AuditLog.Verification verification = auditLog.verify();
        auditLog.record(who, "AUDIT_VERIFIED", Map.of("entries", verification.entries(),
                "problems", verification.problems().size()));
        return verification;
    }
}

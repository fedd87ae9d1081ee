package org.kaohe.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kaohe.audit.AuditLog;
import org.kaohe.errors.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a checked draft as the published book once nothing refuses it (its problems, a missing or
 * over-long reason): the publication, the draft it closes, its audit entry (a publication or a
 * rollback, and a refusal too), and the book in force from then on.
 */
@Component
class RulebookPublication {

    private static final int REASON_MAX = 500;

    private final RulebookRepository repository;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final CompiledVersions versions;

    RulebookPublication(RulebookRepository repository, AuditLog auditLog, TransactionTemplate transaction,
                        CompiledVersions versions) {
        this.repository = repository;
        this.auditLog = auditLog;
        this.transaction = transaction;
        this.versions = versions;
    }

    RulebookService.Published publish(DraftCheck check, String who, String reason, String draftedBy, Long draftId)
            throws RulebookInvalidException {
        String why = reason == null ? "" : reason.strip();
        List<RuleProblem> problems = new ArrayList<>(check.problems());
        if (why.isEmpty()) {
            problems.add(new RuleProblem("", 0, Message.of("rules.publish.reasonRequired")));
        } else if (why.length() > REASON_MAX) {
            problems.add(new RuleProblem("", 0, Message.of("rules.publish.reasonTooLong", Integer.toString(REASON_MAX))));

        }
        if (!problems.isEmpty()) {
            auditLog.record(who, "RULES_PUBLISH_REFUSED", java.util.Map.of("version", check.version(),
                    "problems", problems.size()));
            throw new RulebookInvalidException(problems);
        }
        CompiledRulebook compiled = versions.compileArchived(check.version(), check.source());
        boolean newVersion = transaction.execute(status -> {
            boolean unknown = !repository.known(check.version());
            repository.publish(check.version(), check.source().files(), who, why, draftedBy, check.rollbackOf());
            if (draftId != null) {
                repository.closeDraft(draftId, "PUBLISHED", check.version());
            }
            if (check.rollbackOf() != null) {
                auditLog.record(who, "RULES_ROLLBACK", rollbackDetail(check, unknown, why));
            } else {
                auditLog.record(who, "RULES_PUBLISH", publishDetail(check, unknown, why));
            }
            return unknown;
        });
        versions.published(compiled);
        return new RulebookService.Published(check.version(), newVersion, check.source().files().size(), check);
    }

    /** A publication's audit entry: the version, new or published again, the trial, why. */
    private static Map<String, Object> publishDetail(DraftCheck check, boolean newVersion, String reason) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("version", check.version());
        detail.put("state", newVersion ? "NEW" : "AGAIN");
        detail.put("scores", check.scoresChanged());
        detail.put("grades", check.gradesChanged());
        detail.put("reason", reason);
        return detail;
    }

    /** A rollback's audit entry: the version asked for, the one published, every row carried over, the trial, why. */
    private static Map<String, Object> rollbackDetail(DraftCheck check, boolean newVersion, String reason) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("rollbackOf", check.rollbackOf());
        detail.put("version", check.version());
        detail.put("state", newVersion ? "NEW" : "AGAIN");
        detail.put("carriedCount", check.carried().size());
        detail.put("carried", check.carried().isEmpty() ? "—" : String.join(";", check.carried().stream()
                .map(c -> c.file() + ":" + c.line() + " " + c.about()).toList()));
        detail.put("scores", check.scoresChanged());
        detail.put("grades", check.gradesChanged());
        detail.put("reason", reason);
        return detail;
    }
}

package org.kaohe.rules;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.audit.AuditLog;
import org.springframework.stereotype.Service;

/**
 * Validating a draft rulebook, as every face asks for it (the rules page's and the API's upload, the
 * editor's check, {@code rules validate}): the whole check of {@link RulebookService#check}, recorded
 * once in the audit log (RULES_VALIDATE) with what was checked. A draft that cannot even be read is a
 * check holding the problems that stopped it, recorded the same way.
 */
@Service
public class RulebookValidation {

    private final RulebookService rulebooks;
    private final AuditLog auditLog;

    RulebookValidation(RulebookService rulebooks, AuditLog auditLog) {
        this.rulebooks = rulebooks;
        this.auditLog = auditLog;
    }

    /**
     * Checks the draft for {@code who} (who may cancel it) and records the check. {@code what} names
     * what was checked in the audit entry: a {@code folder}, the number of {@code files} uploaded, a draft.
     */
    public DraftCheck validate(RulebookSource draft, String who, Map<String, ?> what) {
        return recorded(rulebooks.check(draft, who), who, what);
    }

    /** What names a draft kept on the server in the check's audit entry (its wording shows it after the version). */
    public static Map<String, ?> keptDraft(long id) {
        return Map.of("folder", " (草稿 draft #" + id + ")");
    }

    /** Reads a rulebook folder and validates it ({@code rules validate DIR}); a folder that cannot be read is a check with its problem. */
    public DraftCheck validate(Path folder, String who) {
        Map<String, ?> what = Map.of("folder", folder.toString());
        try {
            return validate(RulebookService.read(folder), who, what);
        } catch (RulebookInvalidException e) {
            return unreadable(e.problems(), who, what);
        }
    }

    /** A draft that could not be read: the check is its problems, recorded as any other. */
    public DraftCheck unreadable(List<RuleProblem> problems, String who, Map<String, ?> what) {
        return recorded(DraftCheck.unreadable(problems), who, what);
    }

    private DraftCheck recorded(DraftCheck check, String who, Map<String, ?> what) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", check.version());
        detail.putAll(what);
        detail.put("problems", check.problems().size());
        auditLog.record(who, "RULES_VALIDATE", detail);
        return check;
    }
}

package org.kaohe.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.kaohe.audit.AuditLog;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Validates and publishes uploaded draft rulebooks through {@link RulebookService}, for the page and the API. */
@Component
public class DraftChecks {

    /** The outcome of validating a draft: its version and every problem (none when valid). */
    public record Validation(int fileCount, String version, List<RuleProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final RulebookService rulebooks;
    private final AuditLog auditLog;

    DraftChecks(RulebookService rulebooks, AuditLog auditLog) {
        this.rulebooks = rulebooks;
        this.auditLog = auditLog;
    }

    /** Validates the draft (nothing is published) and logs who validated what, with the outcome. */
    public Validation validate(List<MultipartFile> files, String who) throws IOException {
        Validation validation = validate(files);
        auditLog.record(who, "RULES_VALIDATE", Map.of("version", validation.version(),
                "files", validation.fileCount(), "problems", validation.problems().size()));
        return validation;
    }

    private Validation validate(List<MultipartFile> files) throws IOException {
        try (DraftRulebook draft = DraftRulebook.of(files)) {
            RulebookSource source = RulebookService.read(draft.folder());
            return new Validation(source.files().size(), source.version(), rulebooks.validate(source));
        } catch (RulebookInvalidException e) {
            return new Validation(0, "", e.problems());
        }
    }

    /** Publishes the draft when it is valid; otherwise throws with every problem, publishes nothing and logs the refusal. */
    public RulebookService.Published publish(List<MultipartFile> files, String who)
            throws IOException, RulebookInvalidException {
        try (DraftRulebook draft = DraftRulebook.of(files)) {
            return rulebooks.publish(RulebookService.read(draft.folder()), who);
        } catch (RulebookInvalidException e) {
            auditLog.record(who, "RULES_PUBLISH_REFUSED", Map.of("problems", e.problems().size()));
            throw e;
        }
    }
}

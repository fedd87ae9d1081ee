package org.kaohe.web;

import java.io.IOException;
import java.util.List;

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

    DraftChecks(RulebookService rulebooks) {
        this.rulebooks = rulebooks;
    }

    public Validation validate(List<MultipartFile> files) throws IOException {
        try (DraftRulebook draft = DraftRulebook.of(files)) {
            RulebookSource source = RulebookService.read(draft.folder());
            return new Validation(source.files().size(), source.version(), rulebooks.validate(source));
        } catch (RulebookInvalidException e) {
            return new Validation(0, "", e.problems());
        }
    }

    /** Publishes the draft when it is valid; otherwise throws with every problem and publishes nothing. */
    public RulebookService.Published publish(List<MultipartFile> files, String who)
            throws IOException, RulebookInvalidException {
        try (DraftRulebook draft = DraftRulebook.of(files)) {
            return rulebooks.publish(RulebookService.read(draft.folder()), who);
        }
    }
}

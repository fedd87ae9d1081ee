package org.kaohe.uploads;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.kaohe.rules.DraftCheck;
import org.kaohe.rules.RulebookDrafts;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.RulebookValidation;
import org.kaohe.rules.edit.RulebookZip;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Uploaded rule tables checked, kept as a draft or published through {@link RulebookService}, for the page and the API. */
@Component
public class DraftChecks {

    private final RulebookService rulebooks;
    private final RulebookDrafts drafts;
    private final RulebookValidation validation;

    DraftChecks(RulebookService rulebooks, RulebookDrafts drafts, RulebookValidation validation) {
        this.rulebooks = rulebooks;
        this.drafts = drafts;
        this.validation = validation;
    }

    /** The whole check of an upload (some tables or all), logged with who checked what; files that cannot be read are a check with their problems. */
    public DraftCheck check(List<MultipartFile> files, String who) throws IOException {
        Map<String, Object> what = Map.of("files", files.size());
        RulebookSource draft;
        try {
            draft = read(files);
        } catch (RulebookInvalidException e) {
            return validation.unreadable(e.problems(), who, what);
        }
        return validation.validate(draft, who, what);
    }

    /** Publishes the upload when nothing refuses it; otherwise throws with every problem and publishes nothing. */
    public RulebookService.Published publish(List<MultipartFile> files, String who, String reason)
            throws IOException, RulebookInvalidException {
        return rulebooks.publish(read(files), who, reason);
    }

    /** Keeps the upload as the author's draft; returns its number. */
    public long saveDraft(List<MultipartFile> files, String author) throws IOException, RulebookInvalidException {
        return drafts.saveDraft(read(files), author);
    }

    /**
     * The files as the command line reads a folder (same selection, same decoding); one zip is
     * unpacked with its folders, so it may carry scenario cases ({@code tests/CASE/...}).
     */
    public static RulebookSource read(List<MultipartFile> files) throws IOException, RulebookInvalidException {
        List<MultipartFile> chosen = files.stream().filter(f -> !f.isEmpty()).toList();
        if (chosen.size() == 1 && Uploads.name(chosen.get(0)).toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            try (java.io.InputStream zip = chosen.get(0).getInputStream()) {
                return RulebookZip.unzip(Uploads.name(chosen.get(0)), zip);
            }
        }
        try (DraftRulebook draft = DraftRulebook.of(files)) {
            return RulebookService.read(draft.folder());
        }
    }
}

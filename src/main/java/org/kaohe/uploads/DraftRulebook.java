package org.kaohe.uploads;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;
import org.kaohe.errors.Echo;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;

/**
 * An uploaded draft rulebook written to a temporary folder, so it is read exactly as
 * {@code rules validate DIR} reads a folder (same file selection, same decoding). Deleted on close.
 */
public final class DraftRulebook implements AutoCloseable {

    private final UploadFolder folder;

    private DraftRulebook(UploadFolder folder) {
        this.folder = folder;
    }

    public static DraftRulebook of(List<MultipartFile> files) throws IOException {
        List<MultipartFile> chosen = files.stream().filter(f -> !f.isEmpty()).toList();
        if (chosen.isEmpty()) {
            throw new InvalidInputException(Message.of("input.rules.chooseFiles"));
        }
        DraftRulebook draft = new DraftRulebook(new UploadFolder("kaohe-draft-rules"));
        for (MultipartFile file : chosen) {
            String name = Uploads.name(file);
            if (name.isBlank() || name.startsWith(".")) {
                draft.close();
                throw new InvalidInputException(
                        Message.of("input.rules.fileName", Echo.of(file.getOriginalFilename())));
            }
            draft.folder.save(file, name);
        }
        return draft;
    }

    public Path folder() {
        return folder.folder();
    }

    @Override
    public void close() throws IOException {
        folder.close();
    }
}

package org.kaohe.imports;

import java.util.List;

import org.kaohe.errors.Message;
import org.kaohe.records.SourceRef;
import org.springframework.modulith.NamedInterface;

/**
 * What checking an import version against its seals found: each problem names its table, record
 * and {@code file:line}.
 */
@NamedInterface("imports") // the import module's API
public record ImportCheck(long importId, String period, int version, Status status, List<Message> problems) {

    /** What a version's seal check can find; worded by the bundles' {@code import.seal.status.*}. */
    public enum Status {
        INTACT, ALTERED, OTHER_KEY, UNSEALED;

        public Message message() {
            return Message.of("import.seal.status." + name());
        }
    }

    /** True when the records must not be used: altered, or sealed under a key this installation does not hold. */
    public boolean failed() {
        return status == Status.ALTERED || status == Status.OTHER_KEY;
    }

    /** One line naming the version and what its check found (the status, a message within it). */
    public Message summary() {
        return Message.ofValues("import.seal.summary", version, period, importId, status.message());
    }

    /** A stored record row that fails its seal, named by its source line, table and id: imports and year-end appraisals alike. */
    public static Message rowAltered(SourceRef source, String table, String id) {
        return Message.of("import.seal.row", source.toString(), table, id);
    }
}

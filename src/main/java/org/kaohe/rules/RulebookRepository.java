package org.kaohe.rules;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kaohe.errors.SealBrokenException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rulebooks in the database. A version (content hash) is stored once with its files; each
 * publication is a new row with who, when and why, and the newest publication is the rulebook
 * evaluations use. Drafts are whole rulebooks kept per author until published or discarded.
 */
@Repository
public class RulebookRepository {

    /**
     * One publication: which version, who published it, when, why, and who drafted it;
     * {@code rollbackOf} the earlier version a rollback asked for (null for any other publication).
     */
    public record Publication(long id, String version, String publishedBy, OffsetDateTime publishedAt,
                              String reason, String draftedBy, List<String> fileNames, String rollbackOf) {

        /** True when this publication rolled back to an earlier version by publishing it with rows carried over. */
        public boolean carriedOver() {
            return rollbackOf != null && !rollbackOf.equals(version);
        }
    }

    /** A draft: its author, the version it started from, and whether it is still open. */
    public record Draft(long id, String author, OffsetDateTime createdAt, OffsetDateTime updatedAt, String baseVersion,
                        String status, String publishedVersion) {
        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    private final JdbcClient jdbc;
    private final RulebookSeals seals;

    RulebookRepository(JdbcClient jdbc, RulebookSeals seals) {
        this.jdbc = jdbc;
        this.seals = seals;
    }

    /**
     * Stores the version's files (once, each sealed, and the version sealed over them) and a sealed
     * publication of it; the caller provides the transaction.
     */
    void publish(String version, Map<String, String> files, String who, String reason, String draftedBy,
                 String rollbackOf) {
        // whole milliseconds, as the seals read the time back from any database
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        long millis = now.toInstant().toEpochMilli();
        if (!known(version)) {
            String createdBy = draftedBy == null ? who : draftedBy;
            jdbc.sql("INSERT INTO rulebook_version (version, created_by, created_at, seal, key_id) VALUES (?, ?, ?, ?, ?)")
                    .params(version, createdBy, now, seals.version(version, createdBy, millis, files), seals.keyId())
                    .update();
            files.forEach((name, content) -> jdbc.sql(
                            "INSERT INTO rulebook_file (version, file_name, content, seal) VALUES (?, ?, ?, ?)")
                    .params(version, name, content, seals.file(version, name, content)).update());
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rulebook_publication (version, published_by, published_at, reason, drafted_by, rollback_of)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(version, who, now, reason, draftedBy, rollbackOf).update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE rulebook_publication SET seal = ? WHERE id = ?")
                .params(seals.publication(id, version, who, millis, reason, draftedBy, rollbackOf), id).update();
    }

    boolean known(String version) {
        return jdbc.sql("SELECT COUNT(*) FROM rulebook_version WHERE version = ?")
                .param(version).query(Integer.class).single() > 0;
    }

    /** The version evaluations use now, if any was ever published. */
    public Optional<Publication> current() {
        return jdbc.sql(PUBLICATIONS + " ORDER BY id DESC LIMIT 1").query((rs, n) -> toPublication(rs)).optional();
    }

    /** Every publication, newest first. */
    public List<Publication> publications() {
        return jdbc.sql(PUBLICATIONS + " ORDER BY id DESC").query((rs, n) -> toPublication(rs)).list();
    }

    private static final String PUBLICATIONS =
            "SELECT id, version, published_by, published_at, reason, drafted_by, rollback_of FROM rulebook_publication";

    private Publication toPublication(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Publication(rs.getLong("id"), rs.getString("version"), rs.getString("published_by"),
                rs.getObject("published_at", OffsetDateTime.class), rs.getString("reason"), rs.getString("drafted_by"),
                fileNames(rs.getString("version")), rs.getString("rollback_of"));
    }

    private List<String> fileNames(String version) {
        return jdbc.sql("SELECT file_name FROM rulebook_file WHERE version = ? ORDER BY file_name").param(version)
                .query(String.class).list();
    }

    /**
     * The files of a stored version by name (empty when the version is unknown), each checked against
     * its seal and the set against the version's: throws {@link SealBrokenException} naming every
     * changed, added or deleted file, so no page, export, evaluation or replay uses a forged book.
     */
    public Map<String, String> files(String version) {
        return RulebookSealCheck.checked(jdbc, seals, version);
    }

    /**
     * Throws {@link SealBrokenException} when the publication row was not written by Kaohe: its seal
     * does not match, or it has none though it is newer than the first sealed publication.
     */
    void requireSealed(Publication publication) {
        RulebookSealCheck.requirePublication(jdbc, seals, publication);
    }

    // --- drafts ---------------------------------------------------------------------------------

    /** Stores a new open draft for the author, discarding the author's previous open draft. */
    long saveDraft(String author, Map<String, String> files, String baseVersion) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("UPDATE rulebook_draft SET status = 'DISCARDED', updated_at = ? WHERE author = ? AND status = 'OPEN'")
                .params(now, author).update();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rulebook_draft (author, created_at, updated_at, base_version, status)"
                        + " VALUES (?, ?, ?, ?, 'OPEN')")
                .params(author, now, now, baseVersion).update(keys, "id");
        long id = keys.getKey().longValue();
        files.forEach((name, content) -> jdbc.sql(
                        "INSERT INTO rulebook_draft_file (draft_id, file_name, content) VALUES (?, ?, ?)")
                .params(id, name, content).update());
        return id;
    }

    public Optional<Draft> draft(long id) {
        return jdbc.sql(DRAFTS + " WHERE id = ?").param(id).query((rs, n) -> toDraft(rs)).optional();
    }

    /** The author's open draft, if any. */
    public Optional<Draft> openDraft(String author) {
        return jdbc.sql(DRAFTS + " WHERE author = ? AND status = 'OPEN' ORDER BY id DESC LIMIT 1").param(author)
                .query((rs, n) -> toDraft(rs)).optional();
    }

    /** Every open draft, newest first. */
    public List<Draft> openDrafts() {
        return jdbc.sql(DRAFTS + " WHERE status = 'OPEN' ORDER BY id DESC").query((rs, n) -> toDraft(rs)).list();
    }

    public Map<String, String> draftFiles(long id) {
        Map<String, String> files = new LinkedHashMap<>();
        jdbc.sql("SELECT file_name, content FROM rulebook_draft_file WHERE draft_id = ? ORDER BY file_name")
                .param(id)
                .query(rs -> {
                    files.put(rs.getString("file_name"), rs.getString("content"));
                });
        return files;
    }

    /** Replaces the files of an open draft (the editor saving again): the draft keeps its number and author. */
    void replaceDraftFiles(long id, Map<String, String> files) {
        jdbc.sql("DELETE FROM rulebook_draft_file WHERE draft_id = ?").param(id).update();
        files.forEach((name, content) -> jdbc.sql(
                        "INSERT INTO rulebook_draft_file (draft_id, file_name, content) VALUES (?, ?, ?)")
                .params(id, name, content).update());
        jdbc.sql("UPDATE rulebook_draft SET updated_at = ? WHERE id = ?").params(OffsetDateTime.now(), id).update();
    }

    void closeDraft(long id, String status, String publishedVersion) {
        jdbc.sql("UPDATE rulebook_draft SET status = ?, published_version = ?, updated_at = ? WHERE id = ?")
                .params(status, publishedVersion, OffsetDateTime.now(), id).update();
    }

    private static final String DRAFTS =
            "SELECT id, author, created_at, updated_at, base_version, status, published_version FROM rulebook_draft";

    private Draft toDraft(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Draft(rs.getLong("id"), rs.getString("author"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("base_version"), rs.getString("status"),
                rs.getString("published_version"));
    }
}

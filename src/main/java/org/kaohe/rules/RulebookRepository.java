package org.kaohe.rules;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Published rulebooks in the database. A version (content hash) is stored once with its files;
 * each publication is a new row, and the newest publication is the rulebook evaluations use.
 */
@Repository
public class RulebookRepository {

    /** One publication: which version, who published it and when. */
    public record Publication(long id, String version, String publishedBy, OffsetDateTime publishedAt,
                              List<String> fileNames) {}

    private final JdbcClient jdbc;

    RulebookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the version's files (once) and a publication of it; the caller provides the transaction. */
    void publish(String version, Map<String, String> files, String who) {
        OffsetDateTime now = OffsetDateTime.now();
        boolean known = jdbc.sql("SELECT COUNT(*) FROM rulebook_version WHERE version = ?")
                .param(version).query(Integer.class).single() > 0;
        if (!known) {
            jdbc.sql("INSERT INTO rulebook_version (version, created_by, created_at) VALUES (?, ?, ?)")
                    .params(version, who, now).update();
            files.forEach((name, content) -> jdbc.sql(
                            "INSERT INTO rulebook_file (version, file_name, content) VALUES (?, ?, ?)")
                    .params(version, name, content).update());
        }
        jdbc.sql("INSERT INTO rulebook_publication (version, published_by, published_at) VALUES (?, ?, ?)")
                .params(version, who, now).update();
    }

    /** The version evaluations use now, if any was ever published. */
    public Optional<Publication> current() {
        return publications().stream().findFirst();
    }

    /** Every publication, newest first. */
    public List<Publication> publications() {
        return jdbc.sql("SELECT id, version, published_by, published_at FROM rulebook_publication ORDER BY id DESC")
                .query((rs, n) -> new Publication(rs.getLong("id"), rs.getString("version"),
                        rs.getString("published_by"), rs.getObject("published_at", OffsetDateTime.class),
                        List.copyOf(files(rs.getString("version")).keySet())))
                .list();
    }

    /** The files of a stored version by name (empty when the version is unknown). */
    public Map<String, String> files(String version) {
        Map<String, String> files = new LinkedHashMap<>();
        jdbc.sql("SELECT file_name, content FROM rulebook_file WHERE version = ? ORDER BY file_name")
                .param(version)
                .query(rs -> {
                    files.put(rs.getString("file_name"), rs.getString("content"));
                });
        return files;
    }
}

package org.kaohe.uploads;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads held while HR is asked to confirm a large removal (a new version that removes more than
 * the threshold's share of a file's rows): the files exactly as uploaded under a random token, so
 * the page's confirm button stores what HR saw the changes of without sending the files again, and
 * only against the version HR saw them against. Only the user who uploaded may confirm it. Kept in
 * the database (V26), so any server behind a load balancer finds it; the user's next held upload
 * replaces it, and any is removed when a day old.
 */
@Repository
public class PendingUploads {

    /** What is held: a quarter's upload (target: the period) or a year-end appraisal (target: the year). */
    public enum Kind { QUARTER, YEAR }

    /** A held upload: its files by name in the order uploaded, and the version its changes were shown against. */
    public record Pending(String token, Kind kind, String target, int baseVersion, Map<String, byte[]> files) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    PendingUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the files; returns the token that finds them again. */
    @Transactional
    public String hold(String owner, Kind kind, String target, int baseVersion, Map<String, byte[]> files) {
        jdbc.sql("DELETE FROM pending_upload WHERE owner = ? OR created_at < ?")
                .params(owner, OffsetDateTime.now().minusDays(1)).update();
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO pending_upload (token, owner, kind, target, base_version, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(token, owner, kind.name(), target, baseVersion, OffsetDateTime.now())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        int position = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            jdbc.sql("INSERT INTO pending_upload_file (upload_id, position, file_name, content) VALUES (?, ?, ?, ?)")
                    .params(id, position++, file.getKey(), Base64.getEncoder().encodeToString(file.getValue()))
                    .update();
        }
        return token;
    }

    /** The upload this user holds under the token; empty when there is none (confirmed, cancelled, replaced, expired, another's). */
    public Optional<Pending> find(String token, String owner) {
        return jdbc.sql("SELECT id, kind, target, base_version FROM pending_upload WHERE token = ? AND owner = ?"
                        + " AND created_at >= ?")
                .params(token, owner, OffsetDateTime.now().minusDays(1))
                .query((rs, n) -> new Pending(token, Kind.valueOf(rs.getString("kind")), rs.getString("target"),
                        rs.getInt("base_version"), files(rs.getLong("id"))))
                .optional();
    }

    /** Removes this user's upload held under the token (confirmed or cancelled). */
    public void discard(String token, String owner) {
        jdbc.sql("DELETE FROM pending_upload WHERE token = ? AND owner = ?").params(token, owner).update();
    }

    private Map<String, byte[]> files(long id) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        jdbc.sql("SELECT file_name, content FROM pending_upload_file WHERE upload_id = ? ORDER BY position")
                .param(id)
                .query(rs -> {
                    files.put(rs.getString("file_name"), Base64.getDecoder().decode(rs.getString("content")));
                });
        return files;
    }
}

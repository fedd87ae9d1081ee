package org.kaohe.uploads;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
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
 * the database (V26, V56), so any server behind a load balancer finds it; the user's next held upload
 * replaces it, and any is removed when a day old. A file is written and read in parts of
 * {@link #PART_BYTES} (V56), never held in memory whole.
 */
@Repository
public class PendingUploads {

    /** What is held: a quarter's upload (target: the period) or a year-end appraisal (target: the year). */
    public enum Kind { QUARTER, YEAR }

    /** A held upload: its files' names in the order uploaded, and the version its changes were shown against. */
    public record Pending(String token, long id, Kind kind, String target, int baseVersion, List<String> fileNames) {}

    /** Bytes of a file per stored part: 1 MB once in Base64. */
    static final int PART_BYTES = 768 * 1024;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    PendingUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the files (name → file on disk), read a part at a time; returns the token that finds them again. */
    @Transactional
    public String hold(String owner, Kind kind, String target, int baseVersion, Map<String, Path> files)
            throws IOException {
        long id = newUpload(owner, kind, target, baseVersion);
        int position = 0;
        for (Map.Entry<String, Path> file : files.entrySet()) {
            try (InputStream in = Files.newInputStream(file.getValue())) {
                storeFile(id, position++, file.getKey(), in);
            }
        }
        return tokenOf(id);
    }

    /** Holds one small file given as bytes (a year-end appraisal); returns the token. */
    @Transactional
    public String hold(String owner, Kind kind, String target, int baseVersion, String fileName, byte[] content) {
        long id = newUpload(owner, kind, target, baseVersion);
        try {
            storeFile(id, 0, fileName, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes cannot fail", e);
        }
        return tokenOf(id);
    }

    /** The upload this user holds under the token; empty when there is none (confirmed, cancelled, replaced, expired, another's). */
    public Optional<Pending> find(String token, String owner) {
        return jdbc.sql("SELECT id, kind, target, base_version FROM pending_upload WHERE token = ? AND owner = ?"
                        + " AND created_at >= ?")
                .params(token, owner, OffsetDateTime.now().minusDays(1))
                .query((rs, n) -> new Pending(token, rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
                        rs.getString("target"), rs.getInt("base_version"), fileNames(rs.getLong("id"))))
                .optional();
    }

    /** Writes the held file at {@code position} to {@code out}, a part at a time. */
    public void copy(Pending pending, int position, OutputStream out) throws IOException {
        List<Integer> parts = jdbc.sql("SELECT part FROM pending_upload_part WHERE upload_id = ? AND position = ? ORDER BY part")
                .params(pending.id(), position).query(Integer.class).list();
        for (int part : parts) {
            String content = jdbc.sql("SELECT content FROM pending_upload_part WHERE upload_id = ? AND position = ? AND part = ?")
                    .params(pending.id(), position, part).query(String.class).single();
            out.write(Base64.getDecoder().decode(content));
        }
    }

    /** The held file at {@code position} as bytes: for a small one (a year-end appraisal). */
    public byte[] bytes(Pending pending, int position) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            copy(pending, position, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing bytes cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Removes this user's upload held under the token (confirmed or cancelled). */
    public void discard(String token, String owner) {
        jdbc.sql("DELETE FROM pending_upload WHERE token = ? AND owner = ?").params(token, owner).update();
    }

    /** A new upload's row, the owner's earlier one and any a day old removed; its id. */
    private long newUpload(String owner, Kind kind, String target, int baseVersion) {
        jdbc.sql("DELETE FROM pending_upload WHERE owner = ? OR created_at < ?")
                .params(owner, OffsetDateTime.now().minusDays(1)).update();
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO pending_upload (token, owner, kind, target, base_version, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(HexFormat.of().formatHex(bytes), owner, kind.name(), target, baseVersion, OffsetDateTime.now())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private String tokenOf(long id) {
        return jdbc.sql("SELECT token FROM pending_upload WHERE id = ?").param(id).query(String.class).single();
    }

    /** The file's name, then its bytes in parts of {@link #PART_BYTES}, each its own row. */
    private void storeFile(long id, int position, String name, InputStream in) throws IOException {
        jdbc.sql("INSERT INTO pending_upload_file (upload_id, position, file_name, content) VALUES (?, ?, ?, '')")
                .params(id, position, name).update();
        byte[] buffer = new byte[PART_BYTES];
        int part = 0;
        int read;
        while ((read = in.readNBytes(buffer, 0, PART_BYTES)) > 0) {
            jdbc.sql("INSERT INTO pending_upload_part (upload_id, position, part, content) VALUES (?, ?, ?, ?)")
                    .params(id, position, part++, Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer, read)))
                    .update();
        }
    }

    private List<String> fileNames(long id) {
        return jdbc.sql("SELECT file_name FROM pending_upload_file WHERE upload_id = ? ORDER BY position")
                .param(id).query(String.class).list();
    }
}

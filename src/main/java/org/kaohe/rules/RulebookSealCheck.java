package org.kaohe.rules;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kaohe.errors.Message;
import org.kaohe.errors.SealBrokenException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a stored rulebook version's files and checks them against their seals ({@link RulebookSeals}),
 * and a publication row against its own. A version or publication stored before seals began has
 * none and is read as before; one stored after the first sealed one without a seal had it removed.
 */
final class RulebookSealCheck {

    private RulebookSealCheck() {}

    private record StoredVersion(String createdBy, OffsetDateTime createdAt, String seal, String keyId) {}

    static Map<String, String> checked(JdbcClient jdbc, RulebookSeals seals, String version) {
        Map<String, String> files = new LinkedHashMap<>();
        List<Message> problems = new ArrayList<>();
        Optional<StoredVersion> stored = jdbc.sql("SELECT created_by, created_at, seal, key_id FROM rulebook_version"
                        + " WHERE version = ?").param(version)
                .query((rs, n) -> new StoredVersion(rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("seal"), rs.getString("key_id")))
                .optional();
        boolean sealed = stored.map(v -> v.seal() != null).orElse(false);
        jdbc.sql("SELECT file_name, content, seal FROM rulebook_file WHERE version = ? ORDER BY file_name")
                .param(version)
                .query(rs -> {
                    String name = rs.getString("file_name");
                    String content = rs.getString("content");
                    files.put(name, content);
                    if (sealed && !seals.file(version, name, content).equals(rs.getString("seal"))) {
                        problems.add(Message.of("rules.seal.fileAltered", name));
                    }
                });
        if (stored.isEmpty()) {
            return files;
        }
        StoredVersion v = stored.get();
        if (!sealed) {
            if (sealedBefore(jdbc, version)) {
                problems.add(Message.of("rules.seal.stripped"));
            }
        } else if (!seals.keyId().equals(v.keyId())) {
            problems.add(Message.of("rules.seal.otherKey", v.keyId(), seals.keyId()));
        } else if (problems.isEmpty() && !v.seal().equals(seals.version(version, v.createdBy(),
                v.createdAt().toInstant().toEpochMilli(), files))) {
            problems.add(Message.of("rules.seal.files"));
        }
        if (!problems.isEmpty()) {
            throw new SealBrokenException(Message.of("rules.seal.refused", version), problems);
        }
        return files;
    }

    /** True when a sealed version was published before this version's first publication (or it has none). */
    private static boolean sealedBefore(JdbcClient jdbc, String version) {
        Optional<Long> firstSealed = jdbc.sql("SELECT MIN(p.id) FROM rulebook_publication p JOIN rulebook_version v"
                + " ON v.version = p.version WHERE v.seal IS NOT NULL").query(Long.class).optional();
        Optional<Long> own = jdbc.sql("SELECT MIN(id) FROM rulebook_publication WHERE version = ?").param(version)
                .query(Long.class).optional();
        return firstSealed.isPresent() && own.map(id -> id > firstSealed.get()).orElse(true);
    }

    static void requirePublication(JdbcClient jdbc, RulebookSeals seals, RulebookRepository.Publication p) {
        String seal = jdbc.sql("SELECT seal FROM rulebook_publication WHERE id = ?").param(p.id())
                .query(String.class).optional().orElse(null);
        boolean forged;
        if (seal == null) {
            Optional<Long> firstSealed = jdbc.sql("SELECT MIN(id) FROM rulebook_publication WHERE seal IS NOT NULL")
                    .query(Long.class).optional();
            forged = firstSealed.map(first -> p.id() > first).orElse(false);
        } else {
            forged = !seal.equals(seals.publication(p.id(), p.version(), p.publishedBy(),
                    p.publishedAt().toInstant().toEpochMilli(), p.reason(), p.draftedBy(), p.rollbackOf()));
        }
        if (forged) {
            throw new SealBrokenException(Message.ofValues("rules.seal.publicationForged", p.id(), p.version()),
                    List.of(Message.of("rules.seal.checkAudit")));
        }
    }
}

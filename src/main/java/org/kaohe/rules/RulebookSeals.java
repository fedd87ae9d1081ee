package org.kaohe.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.kaohe.audit.SealKey;
import org.springframework.stereotype.Component;

/**
 * How a published rulebook is sealed under the installation's key ({@link SealKey#seal}, the one
 * seal writer): each stored file carries the seal of its version, name and digest (so a changed file
 * is named); the version the seal of its name, who stored it and when, and every file's name and
 * digest (so an added or deleted file is found); each publication the seal of its row (which
 * version, who, when, why, and the version a rollback asked for), so a row added in SQL cannot put
 * another version in force.
 */
@Component
class RulebookSeals {

    private final SealKey key;

    RulebookSeals(SealKey key) {
        this.key = key;
    }

    String keyId() {
        return key.id();
    }

    String file(String version, String name, String content) {
        return key.seal("kaohe-rulebook-file-1", version, name, sha256(content));
    }

    String version(String version, String createdBy, long createdAtMillis, Map<String, String> files) {
        StringBuilder list = new StringBuilder();
        new TreeMap<>(files).forEach((name, content) -> list.append(SealKey.fields(name, sha256(content))));
        return key.seal("kaohe-rulebook-1", version, createdBy, Long.toString(createdAtMillis), list.toString());
    }

    String publication(long id, String version, String publishedBy, long publishedAtMillis, String reason,
                       String draftedBy, String rollbackOf) {
        return key.seal("kaohe-publication-1", Long.toString(id), version, publishedBy, Long.toString(publishedAtMillis),
                reason, draftedBy, rollbackOf);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

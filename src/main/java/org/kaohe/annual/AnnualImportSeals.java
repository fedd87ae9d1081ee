package org.kaohe.annual;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.kaohe.audit.SealKey;
import org.kaohe.errors.Message;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.imports.ImportCheck;
import org.kaohe.records.AnnualAppraisal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A year-end appraisal import sealed under the installation's key ({@link SealKey#seal}, the one
 * seal writer), as quarterly imports are: each record row over its import, cadre, votes and line;
 * the import over its header, its stored file's digest and how many records it holds. The records
 * are checked whenever they are read for an annual evaluation: a forged one refuses it, named.
 */
@Component
class AnnualImportSeals {

    private final SealKey key;
    private final JdbcClient jdbc;

    AnnualImportSeals(SealKey key, JdbcClient jdbc) {
        this.key = key;
        this.jdbc = jdbc;
    }

    String record(long importId, AnnualAppraisal a) {
        return key.seal("kaohe-annual-record-1", Long.toString(importId), a.cadreId(), Integer.toString(a.excellent()),
                Integer.toString(a.competent()), Integer.toString(a.basic()), Integer.toString(a.incompetent()),
                Integer.toString(a.source().line()));
    }

    /** Seals the stored import (read back as stored) once its records are written. */
    void sealImport(long importId, int records) {
        jdbc.sql("UPDATE annual_import SET seal = ?, key_id = ? WHERE id = ?")
                .params(header(importId).orElseThrow().seal(this, records), key.id(), importId).update();
    }

    /** Throws {@link SealBrokenException} naming every record, count or header that does not match its seal. */
    void check(long importId, List<AnnualAppraisal> records, List<String> recordSeals) {
        checkAsRead(importId, each -> {
            for (int i = 0; i < records.size(); i++) {
                each.accept(records.get(i), recordSeals.get(i));
            }
        });
    }

    /**
     * As {@link #check}, the records handed over with their stored seals by {@code records} one at a
     * time, in any order, none kept: the altered ones are named in the order of their lines.
     */
    void checkAsRead(long importId, Consumer<BiConsumer<AnnualAppraisal, String>> records) {
        Header header = header(importId).orElseThrow();
        List<Message> problems = new ArrayList<>();
        if (header.seal() == null) {
            Optional<Long> first = jdbc.sql("SELECT MIN(id) FROM annual_import WHERE seal IS NOT NULL").query(Long.class)
                    .optional();
            if (first.map(f -> importId > f).orElse(false)) {
                problems.add(Message.ofValues("annual.seal.stripped", importId));
            }
        } else if (!key.id().equals(header.keyId())) {
            problems.add(Message.ofValues("annual.seal.otherKey", importId, header.keyId(), key.id()));
        } else {
            int[] count = {0};
            List<AnnualAppraisal> altered = new ArrayList<>(); // few: put in the order of their lines afterwards
            records.accept((a, seal) -> {
                count[0]++;
                if (!record(importId, a).equals(seal)) {
                    altered.add(a);
                }
            });
            altered.sort(Comparator.comparingInt(a -> a.source().line()));
            altered.forEach(a -> problems.add(ImportCheck.rowAltered(a.source(), "annual_appraisal_record", a.cadreId())));
            if (!header.seal().equals(header.seal(this, count[0]))) {
                problems.add(Message.ofValues("annual.seal.header", importId, count[0]));
            }
        }
        if (!problems.isEmpty()) {
            throw new SealBrokenException(Message.ofValues("annual.seal.refused", importId), problems);
        }
    }

    private record Header(long id, int year, int version, String importedBy, long importedAtMillis, String contentHash,
                          String encoding, int rowCount, String contentDigest, String seal, String keyId) {
        String seal(AnnualImportSeals seals, int records) {
            return seals.key.seal("kaohe-annual-import-1", Long.toString(id), Integer.toString(year),
                    Integer.toString(version), importedBy, Long.toString(importedAtMillis), contentHash, encoding,
                    Integer.toString(rowCount), contentDigest, Integer.toString(records));
        }
    }

    private Optional<Header> header(long importId) {
        return jdbc.sql("SELECT * FROM annual_import WHERE id = ?").param(importId)
                .query((rs, n) -> new Header(importId, rs.getInt("year_no"), rs.getInt("version"),
                        rs.getString("imported_by"), rs.getObject("imported_at", OffsetDateTime.class).toInstant().toEpochMilli(),
                        rs.getString("content_hash"), rs.getString("encoding"), rs.getInt("row_count"),
                        sha256(rs.getString("content")), rs.getString("seal"), rs.getString("key_id")))
                .optional();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package org.kaohe.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

import org.kaohe.audit.SealKey;
import org.kaohe.records.Appraisal;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.SourceRef;
import org.kaohe.records.Target;
import org.springframework.stereotype.Component;

/**
 * How an import version is sealed under the installation's key ({@link SealKey#seal}, the one seal
 * writer): each stored record row carries the seal of its canonical text (its import, table, every
 * field and its file and line), each stored file the seal of its text's digest, and the version the
 * seal of its header, its files and how many records each table holds. A changed or inserted row
 * fails its own seal and is named; a deleted one changes a sealed count.
 *
 * <p>Amounts are written as the database keeps them (ten decimals, trailing zeros stripped), and an
 * empty optional field differently from an empty text, so a record reads the same before and after
 * storing.
 */
@Component
public class RecordSeals {

    /** The record tables, in the fixed order a version's counts list them. */
    enum Table {
        DEPARTMENT("department_record", "dept_id"), CADRE("cadre_record", "cadre_id"),
        TARGET("target_record", "target_id"), APPRAISAL("appraisal_record", "cadre_id"),
        EVENT("event_record", "event_id"), ORGANIZATION("organization_record", "org_id");

        final String sqlName;
        final String idColumn;

        Table(String sqlName, String idColumn) {
            this.sqlName = sqlName;
            this.idColumn = idColumn;
        }
    }

    private final SealKey key;

    public RecordSeals(SealKey key) {
        this.key = key;
    }

    String keyId() {
        return key.id();
    }

    String of(long importId, Department d) {
        return record(importId, Table.DEPARTMENT, d.source(), d.deptId(), d.name(), d.type().name());
    }

    String of(long importId, Cadre c) {
        return record(importId, Table.CADRE, c.source(), c.cadreId(), c.name(), c.deptId(), c.position(),
                date(c.birthDate()));
    }

    String of(long importId, Target t) {
        return record(importId, Table.TARGET, t.source(), t.targetId(), t.ownerType().name(), t.ownerId(),
                t.project().name(), t.title(), amount(t.planned()), amount(t.actual()), amount(t.weight()),
                date(t.dueDate()), date(t.doneDate()), Boolean.toString(t.keyWork()));
    }

    String of(long importId, Appraisal a) {
        return record(importId, Table.APPRAISAL, a.source(), a.cadreId(), Integer.toString(a.votesGood()),
                Integer.toString(a.votesFair()), Integer.toString(a.votesAverage()), Integer.toString(a.votesPoor()),
                amount(a.leaderScore()));
    }

    String of(long importId, Event e) {
        return record(importId, Table.EVENT, e.source(), e.eventId(), e.subjectType().name(), e.subjectId(), e.kind(),
                optional(e.level()), Integer.toString(e.count()), date(e.date()), e.note());
    }

    String of(long importId, Organization o) {
        return record(importId, Table.ORGANIZATION, o.source(), o.orgId(), o.deptId(), o.area().name(),
                Integer.toString(o.secretaryAge()), Integer.toString(o.members()), Integer.toString(o.activities()));
    }

    /** A stored file's seal: its import, name and the SHA-256 of its decoded text. */
    String file(long importId, String fileName, String content) {
        return key.seal("kaohe-import-file-1", Long.toString(importId), fileName, sha256(content));
    }

    /** The version's seal over its header, its files ({@code name:sha256:encoding:rows}, by name) and its counts. */
    String version(long importId, String period, int version, String importedBy, long importedAtMillis,
                   String contentHash, String files, String counts) {
        return key.seal("kaohe-import-1", Long.toString(importId), period, Integer.toString(version), importedBy,
                Long.toString(importedAtMillis), contentHash, files, counts);
    }

    private String record(long importId, Table table, SourceRef source, String... fields) {
        String[] all = new String[fields.length + 5];
        all[0] = "kaohe-record-1";
        all[1] = Long.toString(importId);
        all[2] = table.name();
        all[3] = source.file();
        all[4] = Integer.toString(source.line());
        System.arraycopy(fields, 0, all, 5, fields.length);
        return key.seal(all);
    }

    private static String optional(String value) {
        return value == null ? "-" : "=" + value;
    }

    private static String date(LocalDate date) {
        return date == null ? "-" : "=" + date;
    }

    private static String amount(BigDecimal value) {
        return value == null ? "-" : "=" + value.setScale(10, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

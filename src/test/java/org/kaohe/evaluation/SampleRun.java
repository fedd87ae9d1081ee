package org.kaohe.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunRepository;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A small stored run for page and API tests: one department and three cadres, one named with
 * markup and one with formula text, with explanation lines pointing at rows of stored files.
 */
public final class SampleRun {

    public static final String PERIOD = "2026-Q3";
    public static final String MARKUP_NAME = "<script>alert('x')</script>王芳";
    /** Breaks out of an inline script if the chart data were not escaped. */
    public static final String DEPARTMENT_NAME = "青川市总工会</script><script>alert('d')</script>";
    public static final String FORMULA_NAME = "=HYPERLINK(\"http://evil\",\"李明\")";
    public static final String CADRES_CSV = "cadre_id,name,dept_id,position,birth_date\n"
            + "C1,\"" + MARKUP_NAME.replace("\"", "\"\"") + "\",D01,主席,1970-02-19\n"
            + "C2,\"" + FORMULA_NAME.replace("\"", "\"\"") + "\",D01,副主席,1975-03-01\n"
            + "C3,张伟,D01,干事,1990-05-05\n";
    public static final String TARGETS_CSV = "target_id,period,owner_type,owner_id,project,title,planned,actual,weight,due_date,done_date,key_work\n"
            + "T1,2026-Q3,CADRE,C3,RIGHTS,维权工程:工资集体协商(份),8,8,1,2026-08-21,2026-08-15,N\n";

    public static final String MARKUP_NOTE = "<img src=x onerror=alert(1)>表彰";
    public static final String FORMULA_NOTE = "=cmd|' /C calc'!A0";
    public static final String EVENTS_CSV = "event_id,period,subject_type,subject_id,kind,level,count,date,note\n"
            + "E1,2026-Q3,CADRE,C1,AWARD,CITY,1,2026-07-04,\"" + MARKUP_NOTE + "\"\n"
            + "E2,2026-Q3,CADRE,C2,AWARD,CITY,1,2026-07-05,\"" + FORMULA_NOTE + "\"\n";

    private SampleRun() {}

    /** Stores the import files and the run, sealed under the context's key; returns the run id. */
    public static long store(JdbcClient jdbc, JdbcTemplate template, org.kaohe.results.RunSealer sealer) {
        jdbc.sql("INSERT INTO import_version (period, version, content_hash, imported_by, imported_at) "
                        + "VALUES (?, (SELECT COALESCE(MAX(version), 0) + 1 FROM import_version), 'h', 'test', ?)")
                .params(PERIOD, OffsetDateTime.now()).update();
        long importId = jdbc.sql("SELECT MAX(id) FROM import_version").query(Long.class).single();
        storeFile(jdbc, importId, "cadres.csv", CADRES_CSV);
        storeFile(jdbc, importId, "targets.csv", TARGETS_CSV);
        storeFile(jdbc, importId, "events.csv", EVENTS_CSV);
        storeRecords(jdbc, importId);
        // plain SQL (no H2-only MERGE ... KEY), so the fixture runs on PostgreSQL as well
        if (jdbc.sql("SELECT COUNT(*) FROM rulebook_version WHERE version = 'v-sample'").query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO rulebook_version (version, created_by, created_at) VALUES ('v-sample', 'test', ?)")
                    .param(OffsetDateTime.now()).update();
        }
        EvaluationOutcome outcome = new EvaluationOutcome(Period.parse(PERIOD), importId, "v-sample", List.of(
                subject(SubjectType.DEPARTMENT, "D01", DEPARTMENT_NAME, "D01", "91.50", QuarterlyGrades.GOOD, 1, "cadres.csv", 2),
                subject(SubjectType.CADRE, "C1", MARKUP_NAME, "D01", "88.00", QuarterlyGrades.GOOD, 1, "cadres.csv", 2),
                subject(SubjectType.CADRE, "C2", FORMULA_NAME, "D01", "80.00", QuarterlyGrades.FAIR, 2, "cadres.csv", 3),
                subject(SubjectType.CADRE, "C3", "张伟", "D01", "75.25", QuarterlyGrades.AVERAGE, 3, "targets.csv", 2)));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(template.getDataSource()));
        return new RunRepository(jdbc, template, transaction, sealer, new org.kaohe.results.RunChainWriter(sealer),
                new org.kaohe.audit.PlannerStatistics(template), new org.kaohe.audit.BulkWriter(template)).insert(outcome, "test", OffsetDateTime.now(), 5);
    }

    /** The files' rows as an import stores them (unsealed, as the version): what a subject's page shows of its input. */
    private static void storeRecords(JdbcClient jdbc, long importId) {
        String cadre = "INSERT INTO cadre_record (import_id, cadre_id, name, dept_id, position, birth_date, source_file,"
                + " source_line) VALUES (?, ?, ?, 'D01', ?, ?, 'cadres.csv', ?)";
        jdbc.sql(cadre).params(importId, "C1", MARKUP_NAME, "主席", java.time.LocalDate.of(1970, 2, 19), 2).update();
        jdbc.sql(cadre).params(importId, "C2", FORMULA_NAME, "副主席", java.time.LocalDate.of(1975, 3, 1), 3).update();
        jdbc.sql(cadre).params(importId, "C3", "张伟", "干事", java.time.LocalDate.of(1990, 5, 5), 4).update();
        jdbc.sql("INSERT INTO target_record (import_id, target_id, owner_type, owner_id, project, title, planned, actual,"
                        + " weight, due_date, done_date, key_work, source_file, source_line)"
                        + " VALUES (?, 'T1', 'CADRE', 'C3', 'RIGHTS', '维权工程:工资集体协商(份)', 8, 8, 1, ?, ?, FALSE, 'targets.csv', 2)")
                .params(importId, java.time.LocalDate.of(2026, 8, 21), java.time.LocalDate.of(2026, 8, 15)).update();
        String event = "INSERT INTO event_record (import_id, event_id, subject_type, subject_id, kind, level, unit_count,"
                + " event_date, note, source_file, source_line) VALUES (?, ?, 'CADRE', ?, 'AWARD', 'CITY', 1, ?, ?, 'events.csv', ?)";
        jdbc.sql(event).params(importId, "E1", "C1", java.time.LocalDate.of(2026, 7, 4), MARKUP_NOTE, 2).update();
        jdbc.sql(event).params(importId, "E2", "C2", java.time.LocalDate.of(2026, 7, 5), FORMULA_NOTE, 3).update();
    }

    private static void storeFile(JdbcClient jdbc, long importId, String name, String content) {
        jdbc.sql("INSERT INTO import_file (import_id, file_name, sha256, encoding, row_count, content) VALUES (?, ?, 'x', 'UTF-8', ?, ?)")
                .params(importId, name, content.split("\n").length - 1, content).update();
    }

    /** A subject whose score is a target part plus a bonus; cadres C1 and C2 get theirs from an event row. */
    private static SubjectResult subject(SubjectType type, String id, String name, String dept, String score,
                                         Grade grade, int rank, String file, int line) {
        BigDecimal total = new BigDecimal(score);
        BigDecimal bonus = new BigDecimal("2.00");
        BigDecimal targets = total.subtract(bonus);
        List<ExplanationLine> lines = List.of(
                new ExplanationLine("target-score", "T", targets, Reason.frozen("目标完成 / targets"), List.of(new SourceRef(file, line))),
                new ExplanationLine("award-bonus", "B", bonus, Reason.frozen("市级表彰 +2"), List.of(bonusEvidence(id, file, line))),
                new ExplanationLine("grade-band", "GRADE", BigDecimal.ZERO.setScale(2), Reason.frozen("分数段 / band"), List.of()));
        return new SubjectResult(type, id, name, dept, total, Map.of("T", targets, "B", bonus), grade, grade, grade,
                rank, false, lines);
    }

    private static SourceRef bonusEvidence(String subjectId, String file, int line) {
        return switch (subjectId) {
            case "C1" -> new SourceRef("events.csv", 2);
            case "C2" -> new SourceRef("events.csv", 3);
            default -> new SourceRef(file, line);
        };
    }
}

package org.kaohe.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.StoredExplanation;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Edits a stored run's parts and lines as somebody with the database would: reads the subject's
 * JSON (its lines from {@code subject_detail}, its parts from {@code subject_result}), changes it,
 * writes it back well-formed. For tests that check
 * such edits are found.
 */
final class StoredDetailEdits {

    private final JdbcClient jdbc;

    StoredDetailEdits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lines(long runId, String subjectId, Consumer<List<ExplanationLine>> edit) {
        List<ExplanationLine> lines = new ArrayList<>(StoredExplanation.lines(column("subject_detail", "lines", runId,
                subjectId)));
        edit.accept(lines);
        write("subject_detail", "lines", StoredExplanation.linesJson(lines), runId, subjectId);
    }

    void parts(long runId, String subjectId, Consumer<Map<String, BigDecimal>> edit) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>(StoredExplanation.parts(column("subject_result", "parts",
                runId, subjectId)));
        edit.accept(parts);
        write("subject_result", "parts", StoredExplanation.partsJson(parts), runId, subjectId);
    }

    /** All lines of the run, over every subject. */
    long lineCount(long runId) {
        return jdbc.sql("SELECT lines FROM subject_detail WHERE run_id = ?").param(runId).query(String.class).list()
                .stream().mapToLong(json -> StoredExplanation.lines(json).size()).sum();
    }

    static ExplanationLine withPoints(ExplanationLine line, BigDecimal points) {
        return new ExplanationLine(line.rule(), line.part(), points, line.reason(), line.evidence());
    }

    static ExplanationLine withReason(ExplanationLine line, String reason) {
        return new ExplanationLine(line.rule(), line.part(), line.points(), Reason.frozen(reason), line.evidence());
    }

    private String column(String table, String column, long runId, String subjectId) {
        return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE run_id = ? AND subject_id = ?")
                .params(runId, subjectId).query(String.class).single();
    }

    private void write(String table, String column, String json, long runId, String subjectId) {
        assertThat(jdbc.sql("UPDATE " + table + " SET " + column + " = ? WHERE run_id = ? AND subject_id = ?")
                .params(json, runId, subjectId).update()).isEqualTo(1);
    }
}

package org.kaohe.signals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kaohe.records.Period;
import org.kaohe.rules.book.SignalKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Signal runs, their inputs, flags and notes in the database; insert-only but for a run's seal ({@link SignalSeal}). */
@Repository
class SignalStore {

    private final JdbcClient jdbc;

    SignalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(SignalInputs inputs, List<Flag> flags, String who, OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO signal_run (scope, rulebook_version, flag_count, computed_by, computed_at) VALUES (?, ?, ?, ?, ?)")
                .params(inputs.scope(), inputs.rulebookVersion(), flags.size(), who, at).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        if (inputs.previous() != null) {
            input(id, inputs.previous(), true);
        }
        inputs.quarters().forEach(q -> input(id, q, false));
        for (int i = 0; i < flags.size(); i++) {
            Flag f = flags.get(i);
            jdbc.sql("INSERT INTO signal_flag (signal_run_id, position, flag_key, signal, dept_id, dept_name, cadre_id,"
                    + " cadre_name, measure, flag_value, city_value, threshold, rule_ref, evidence)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, i, f.key(), f.signal().name(), f.deptId(), f.deptName(), f.cadreId(), f.cadreName(),
                            f.measure().name(), f.value(), f.city(), f.threshold(), f.rule(), evidenceText(f.evidence()))
                    .update();
        }
        return id;
    }

    private void input(long id, QuarterData quarter, boolean previous) {
        jdbc.sql("INSERT INTO signal_run_input (signal_run_id, period, run_id, import_id, import_version, previous)"
                + " SELECT ?, ?, r.id, r.import_id, v.version, ? FROM evaluation_run r JOIN import_version v"
                + " ON v.id = r.import_id WHERE r.id = ?")
                .params(id, quarter.period().toString(), previous, quarter.runId()).update();
    }

    Optional<SignalRun> find(long id) {
        return jdbc.sql("SELECT id, scope, rulebook_version, computed_by, computed_at FROM signal_run WHERE id = ?")
                .param(id).query((rs, n) -> new SignalRun(rs.getLong("id"), rs.getString("scope"),
                        rs.getString("rulebook_version"), inputs(id), flags(id), notes(id), rs.getString("computed_by"),
                        rs.getObject("computed_at", OffsetDateTime.class), List.of(), null))
                .optional();
    }

    /** The run's seal, the key that made it and its charts; a run stored before seals has none of them. */
    record Seal(String seal, String keyId, String charts) {}

    Seal seal(long id) {
        return jdbc.sql("SELECT seal, key_id, charts FROM signal_run WHERE id = ?").param(id)
                .query((rs, n) -> new Seal(rs.getString("seal"), rs.getString("key_id"), rs.getString("charts"))).single();
    }

    /** Seals a run just stored, or one stored before seals once its recomputation matched it. */
    void seal(long id, Seal seal) {
        jdbc.sql("UPDATE signal_run SET seal = ?, key_id = ?, charts = ? WHERE id = ?")
                .params(seal.seal(), seal.keyId(), seal.charts(), id).update();
    }

    /** Every signal run's id, oldest first. */
    List<Long> ids() {
        return jdbc.sql("SELECT id FROM signal_run ORDER BY id").query(Long.class).list();
    }

    Optional<Long> latest(String scope) {
        return jdbc.sql("SELECT MAX(id) FROM signal_run WHERE scope = ?").param(scope).query(Long.class).optional();
    }

    void note(long runId, String flagKey, String note, String who, OffsetDateTime at) {
        jdbc.sql("INSERT INTO signal_note (signal_run_id, flag_key, note, noted_by, noted_at) VALUES (?, ?, ?, ?, ?)")
                .params(runId, flagKey, note, who, at).update();
    }

    private List<SignalRun.Input> inputs(long id) {
        return jdbc.sql("SELECT period, run_id, import_id, import_version, previous FROM signal_run_input"
                        + " WHERE signal_run_id = ? ORDER BY period")
                .param(id).query((rs, n) -> new SignalRun.Input(Period.parse(rs.getString("period")), rs.getLong("run_id"),
                        rs.getLong("import_id"), rs.getInt("import_version"), rs.getBoolean("previous"))).list();
    }

    private List<Flag> flags(long id) {
        return jdbc.sql("SELECT * FROM signal_flag WHERE signal_run_id = ? ORDER BY position").param(id)
                .query((rs, n) -> new Flag(SignalKind.valueOf(rs.getString("signal")), rs.getString("dept_id"),
                        rs.getString("dept_name"), rs.getString("cadre_id"), rs.getString("cadre_name"),
                        Measure.valueOf(rs.getString("measure")), scaled(rs.getBigDecimal("flag_value")),
                        scaled(rs.getBigDecimal("city_value")), scaled(rs.getBigDecimal("threshold")),
                        rs.getString("rule_ref"), evidence(rs.getString("evidence")))).list();
    }

    private List<SignalRun.Note> notes(long id) {
        return jdbc.sql("SELECT flag_key, note, noted_by, noted_at FROM signal_note WHERE signal_run_id = ? ORDER BY id")
                .param(id).query((rs, n) -> new SignalRun.Note(rs.getString("flag_key"), rs.getString("note"),
                        rs.getString("noted_by"), rs.getObject("noted_at", OffsetDateTime.class))).list();
    }

    /** Figures are stored with four decimals; read back the same way, so a recomputation compares equal. */
    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(4, java.math.RoundingMode.HALF_UP);
    }

    static String evidenceText(List<Evidence> evidence) {
        StringBuilder text = new StringBuilder();
        for (Evidence e : evidence) {
            text.append(e.period()).append('|').append(e.runId()).append('|').append(e.subjectId()).append('|')
                    .append(e.file() == null ? "" : e.file()).append('|').append(e.line()).append('\n');
        }
        return text.toString();
    }

    static List<Evidence> evidence(String text) {
        List<Evidence> evidence = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                String[] f = line.split("\\|", -1);
                evidence.add(new Evidence(Period.parse(f[0]), Long.parseLong(f[1]), f[2], f[3].isEmpty() ? null : f[3],
                        Integer.parseInt(f[4])));
            }
        }
        return evidence;
    }
}

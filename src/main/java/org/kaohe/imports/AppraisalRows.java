package org.kaohe.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.kaohe.records.Appraisal;
import org.kaohe.records.Period;

/** appraisals.csv rows → {@link Appraisal}s, one per cadre. */
final class AppraisalRows {

    /** Far above any real vote, and low enough that the four counts add up without overflow. */
    private static final int MAX_VOTES = 1_000_000;

    private AppraisalRows() {}

    static List<Appraisal> read(CsvTable table, Period period, Problems problems) {
        List<Appraisal> result = new ArrayList<>();
        UniqueIds cadres = new UniqueIds();
        for (CsvRow row : table.rows()) {
            Appraisal record = row(table, row, period, cadres, problems);
            if (record != null) {
                result.add(record);
            }
        }
        return result;
    }

    /** One row as a record, or null when it has an error (each one reported); {@code cadres} holds the file's ids so far. */
    static Appraisal row(CsvTable table, CsvRow row, Period period, UniqueIds cadres, Problems problems) {
        RowFields f = new RowFields(table, row, problems);
        f.samePeriod("period", period);
        String cadreId = f.id("cadre_id");
        cadres.add(f, "cadre_id", cadreId);
        Integer good = f.integer("votes_good", 0, MAX_VOTES, null);
        Integer fair = f.integer("votes_fair", 0, MAX_VOTES, null);
        Integer average = f.integer("votes_average", 0, MAX_VOTES, null);
        Integer poor = f.integer("votes_poor", 0, MAX_VOTES, null);
        BigDecimal leaderScore = f.optionalScore("leader_score");
        return f.ok() ? new Appraisal(cadreId, good, fair, average, poor, leaderScore, f.source()) : null;
    }
}

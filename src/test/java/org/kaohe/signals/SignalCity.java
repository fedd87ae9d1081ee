package org.kaohe.signals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.kaohe.records.Cadre;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.RulebookCompiler;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.PriceRow;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.CityGenerator;

/**
 * A random city's year for the signals' tests: four quarters from {@link CityGenerator} sharing the
 * first quarter's roster (each cadre stays in one department), each evaluated by the real engine with
 * the standard test book, whose signals.csv gives the thresholds. A test plants a pattern by changing
 * the records before evaluation ({@link #records}) or, for the patterns that live in grades and scores,
 * the results after it ({@link #results}).
 */
final class SignalCity {

    static final int DEPARTMENTS = 10;
    static final int CADRES = 100;
    private static CompiledRulebook book;

    final List<PeriodRecords> records = new ArrayList<>();
    final List<List<SubjectResult>> results = new ArrayList<>();
    private final List<EvaluationOutcome> outcomes = new ArrayList<>();

    private SignalCity() {}

    /** A clean city; {@code plant} may change each quarter's records (by index 0–3) before it is evaluated. */
    static SignalCity of(long seed, RecordsPlant plant) {
        SignalCity city = new SignalCity();
        PeriodRecords first = null;
        for (int q = 1; q <= 4; q++) {
            PeriodRecords quarter = CityGenerator.city(seed * 10 + q, new Period(2026, q), DEPARTMENTS, CADRES);
            if (first == null) {
                first = quarter;
            } else {
                Map<String, String> deptOf = first.cadres().stream().collect(Collectors.toMap(Cadre::cadreId, Cadre::deptId));
                quarter = with(quarter, quarter.cadres().stream().map(c -> new Cadre(c.cadreId(), c.name(),
                        deptOf.get(c.cadreId()), c.position(), c.birthDate(), c.source())).toList());
            }
            quarter = plant.apply(q - 1, quarter);
            EvaluationOutcome outcome = book().evaluate(quarter);
            city.records.add(quarter);
            city.outcomes.add(outcome);
            city.results.add(outcome.subjects());
        }
        return city;
    }

    static SignalCity of(long seed) {
        return of(seed, (q, r) -> r);
    }

    /** Changes a quarter's records before evaluation. */
    interface RecordsPlant {
        PeriodRecords apply(int quarter, PeriodRecords records);
    }

    /** The results of quarter {@code q} (0–3) replaced, each result changed by {@code change}. */
    void changeResults(int q, UnaryOperator<SubjectResult> change) {
        results.set(q, results.get(q).stream().map(change).toList());
    }

    static synchronized CompiledRulebook book() {
        if (book == null) {
            try {
                book = RulebookCompiler.compile(RulebookSource.fromFolder(Path.of("src/test/resources/books/standard")));
            } catch (Exception e) {
                throw new IllegalStateException("the standard test book must compile", e);
            }
        }
        return book;
    }

    /** The year's inputs: every quarter. */
    SignalInputs year() {
        List<QuarterData> quarters = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            quarters.add(quarter(q));
        }
        return inputs("2026", quarters, null);
    }

    /** One period's inputs (quarter index 1–3), with the quarter before it. */
    SignalInputs period(int q) {
        return inputs(records.get(q).period().toString(), List.of(quarter(q)), quarter(q - 1));
    }

    private SignalInputs inputs(String scope, List<QuarterData> quarters, QuarterData previous) {
        Set<String> deductions = book().book().prices().stream().filter(PriceRow::deduction).map(PriceRow::kind)
                .collect(Collectors.toSet());
        return new SignalInputs(scope, quarters, previous, book().version(), book().book().signals().orElseThrow(),
                deductions);
    }

    QuarterData quarter(int q) {
        return new QuarterData(records.get(q).period(), 100 + q, records.get(q), results.get(q),
                outcomes.get(q).gradeScales().get(SubjectType.CADRE).top());
    }

    /** The ids of the department's cadres (the roster is the same every quarter). */
    List<String> cadresOf(String deptId) {
        return records.get(0).cadres().stream().filter(c -> c.deptId().equals(deptId)).map(Cadre::cadreId).toList();
    }

    static PeriodRecords with(PeriodRecords r, List<Cadre> cadres) {
        return new PeriodRecords(r.period(), r.importId(), r.departments(), cadres, r.targets(), r.appraisals(),
                r.events(), r.organizations());
    }
}

package org.kaohe.annual;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.Message;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.imports.AnnualAppraisalFile;
import org.kaohe.imports.ImportRepository;
import org.kaohe.records.AnnualAppraisal;
import org.kaohe.records.Event;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.springframework.stereotype.Component;

/**
 * What a year is evaluated from: the current run of each of its four quarters (each checked
 * against its seal) and its current appraisal import. The one place that gathers them, for the
 * annual run, its what-if and the trial of a draft; a missing piece is refused, named.
 */
@Component
class AnnualInputs {

    /** A year's inputs; {@code quarterRuns} cites them as {@code 2026-Q1:12,...}. */
    record YearInput(int year, List<QuarterInput> quarters, String quarterRuns, AnnualRepository.CurrentImport appraisalImport,
                     Map<String, AnnualAppraisal> appraisals) {}

    private final AnnualRepository repository;
    private final ImportRepository imports;
    private final RunQueries runs;
    private final RunChecks runChecks;

    AnnualInputs(AnnualRepository repository, ImportRepository imports, RunQueries runs, RunChecks runChecks) {
        this.repository = repository;
        this.imports = imports;
        this.runs = runs;
        this.runChecks = runChecks;
    }

    /** Throws {@link EvaluationException} naming the quarter's run or the appraisal import the year lacks. */
    YearInput load(int year) {
        return load(year, currentRuns(year));
    }

    /** The current run of each quarter of the year; a quarter without one is refused, named. */
    List<RunInfo> currentRuns(int year) {
        List<RunInfo> currentRuns = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            Period period = new Period(year, q);
            currentRuns.add(runs.currentRun(period).orElseThrow(() -> new EvaluationException(
                    Message.of("state.annual.quarterMissing", Integer.toString(year), period.toString()))));
        }
        return currentRuns;
    }

    /**
     * As {@link #load(int)}, from the quarters' current runs already read (and checked for staleness); a
     * quarter's run failing its seal check refuses the year ({@link SealBrokenException}, each problem named).
     */
    YearInput load(int year, List<RunInfo> currentRuns) {
        List<QuarterInput> quarters = new ArrayList<>();
        List<String> cited = new ArrayList<>();
        for (RunInfo run : currentRuns) {
            Period period = run.period();
            RunChecks.CheckedRun checked = runChecks.results(run);
            if (checked.failed()) {
                // The year's input fails its seal: refused as any sealed input that fails is (exit 3), each problem named.
                throw new SealBrokenException(Message.ofValues("annual.seal.quarter", period, run.id()), checked.problems());
            }
            quarters.add(new QuarterInput(run.id(), period, checked.subjects(), runs.scales(run.id()), kinds(run.importId())));
            cited.add(period + ":" + run.id());
        }
        AnnualRepository.CurrentImport appraisalImport = repository.currentImport(year).orElseThrow(() ->
                new EvaluationException(
                        Message.of("state.annual.noAppraisal", Integer.toString(year), AnnualAppraisalFile.FILE_NAME)));
        Map<String, AnnualAppraisal> appraisals = new HashMap<>();
        repository.appraisals(appraisalImport.id()).forEach(a -> appraisals.put(a.cadreId(), a));
        return new YearInput(year, quarters, String.join(",", cited), appraisalImport, appraisals);
    }

    /** The years with an appraisal import, newest first (the years a draft can be tried on). */
    List<Integer> importedYears() {
        return repository.importedYears();
    }

    /** Per subject key, the kinds of item the import's events held and their rows. */
    private Map<String, Map<String, List<SourceRef>>> kinds(long importId) {
        Map<String, Map<String, List<SourceRef>>> kinds = new HashMap<>();
        for (Event e : imports.events(importId)) {
            kinds.computeIfAbsent(QuarterInput.key(e.subjectType(), e.subjectId()), k -> new HashMap<>())
                    .computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e.source());
        }
        return kinds;
    }
}

package org.kaohe.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.kaohe.annual.AnnualStaleness;
import org.kaohe.imports.ImportVersionInfo;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.StaleRuns;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.SubjectResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard: periods, the years' annual runs (each out-of-date one with why), the latest run,
 * grades per department and the department ranking.
 */
@Controller
class DashboardController {

    /** Cadres of one department by final grade. */
    record DeptGrades(String deptId, String deptName, Map<Grade, Long> counts) {}

    /** One period: its current import version, its current run if any, and whether that run is out of date. */
    record PeriodStatus(Period period, ImportVersionInfo currentImport, RunInfo currentRun, boolean stale) {}

    /** What the chart script draws: one series per grade, one bar per department. */
    record GradeChart(List<String> departments, List<String> gradeLabels, List<List<Long>> counts) {}

    private final RunSelection selection;
    private final RunQueries runs;
    private final RunChecks checks;
    private final com.fasterxml.jackson.databind.ObjectMapper objectMapper;
    private final StaleRuns staleRuns;
    private final AnnualStaleness annualStaleness;
    private final NamesView names;

    DashboardController(RunSelection selection, RunQueries runs,
                        RunChecks checks, com.fasterxml.jackson.databind.ObjectMapper objectMapper,
                        StaleRuns staleRuns, AnnualStaleness annualStaleness, NamesView names) {
        this.names = names;
        this.staleRuns = staleRuns;
        this.annualStaleness = annualStaleness;
        this.objectMapper = objectMapper;
        this.selection = selection;
        this.runs = runs;
        this.checks = checks;
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) String period, Model model) {
        model.addAttribute("periods", selection.periods());
        model.addAttribute("periodStatus", periodStatus());
        model.addAttribute("yearStatus", annualStaleness.years());
        selection.current(period).ifPresent(run -> addRun(run, model));
        return "dashboard";
    }

    private void addRun(RunInfo run, Model model) {
        RunChecks.CheckedRun checked = checks.results(run);
        model.addAttribute("check", checked);
        List<SubjectResult> results = checked.subjects();
        List<SubjectResult> departments = results.stream()
                .filter(s -> s.subjectType() == SubjectType.DEPARTMENT)
                .sorted(Comparator.comparingInt(SubjectResult::rank)).toList();
        model.addAttribute("run", run);
        model.addAttribute("departments", departments);
        List<Grade> grades = runs.scales(run.id()).get(SubjectType.CADRE).grades();
        List<DeptGrades> deptGrades = deptGrades(results, departments, grades);
        GradeChart chart = new GradeChart(
                deptGrades.stream().map(DeptGrades::deptName).toList(),
                grades.stream().map(g -> names.of(g.label())).toList(),
                grades.stream().map(g -> deptGrades.stream().map(d -> d.counts().get(g)).toList()).toList());
        model.addAttribute("gradeChart", chart);
        // The chart's data travels in a data attribute (escaped as any attribute): no inline script, as the CSP asks.
        model.addAttribute("gradeChartJson", json(chart));
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("chart data are plain values and always serialise", e);
        }
    }

    /** Every period imported or evaluated, newest first. */
    private List<PeriodStatus> periodStatus() {
        StaleRuns.InForce now = staleRuns.inForce();
        Map<Period, ImportVersionInfo> currentImports = new TreeMap<>(Comparator.reverseOrder());
        currentImports.putAll(now.currentImports());
        Map<Period, RunInfo> currentRuns = new TreeMap<>(Comparator.reverseOrder());
        runs.runs().forEach(r -> currentRuns.putIfAbsent(r.period(), r)); // newest first: the first is current
        Set<Period> all = new TreeSet<>(Comparator.reverseOrder());
        all.addAll(currentImports.keySet());
        all.addAll(currentRuns.keySet());
        return all.stream().map(p -> {
            RunInfo run = currentRuns.get(p);
            boolean stale = run != null && StaleRuns.checkCurrent(run, now).stale();
            return new PeriodStatus(p, currentImports.get(p), run, stale);
        }).toList();
    }

    static List<DeptGrades> deptGrades(List<SubjectResult> results, List<SubjectResult> departments, List<Grade> grades) {
        Map<String, String> names = new LinkedHashMap<>();
        departments.stream().sorted(Comparator.comparing(SubjectResult::subjectId))
                .forEach(d -> names.put(d.subjectId(), d.name()));
        Map<String, Map<Grade, Long>> counts = new LinkedHashMap<>();
        names.keySet().forEach(id -> counts.put(id, zeroCounts(grades)));
        results.stream().filter(s -> s.subjectType() == SubjectType.CADRE)
                .forEach(s -> counts.computeIfAbsent(s.deptId(), id -> zeroCounts(grades)).merge(s.finalGrade(), 1L, Long::sum));
        return counts.entrySet().stream()
                .map(e -> new DeptGrades(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .toList();
    }

    private static Map<Grade, Long> zeroCounts(List<Grade> grades) {
        Map<Grade, Long> m = new LinkedHashMap<>();
        grades.forEach(g -> m.put(g, 0L));
        return m;
    }
}

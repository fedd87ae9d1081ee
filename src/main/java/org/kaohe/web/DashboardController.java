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
import org.kaohe.results.ResultPageChecks;
import org.kaohe.results.ResultsFilter;
import org.kaohe.results.ResultsList;
import org.kaohe.results.ResultsPage;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.StaleRuns;
import org.kaohe.scoring.Grade;
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

    /** The dashboard's ranking: the departments, best first. */
    private static final ResultsFilter BEST_DEPARTMENTS = new ResultsFilter(SubjectType.DEPARTMENT, null, null,
            ResultsFilter.Sort.RANK, false);
    /** Departments the ranking shows; the results page lists them all. */
    static final int DEPARTMENTS_SHOWN = 50;

    private final RunSelection selection;
    private final RunQueries runs;
    private final ResultsList list;
    private final ResultPageChecks pageChecks;
    private final com.fasterxml.jackson.databind.ObjectMapper objectMapper;
    private final StaleRuns staleRuns;
    private final AnnualStaleness annualStaleness;
    private final NamesView names;

    DashboardController(RunSelection selection, RunQueries runs, ResultsList list, ResultPageChecks pageChecks,
                        com.fasterxml.jackson.databind.ObjectMapper objectMapper,
                        StaleRuns staleRuns, AnnualStaleness annualStaleness, NamesView names) {
        this.names = names;
        this.staleRuns = staleRuns;
        this.annualStaleness = annualStaleness;
        this.objectMapper = objectMapper;
        this.selection = selection;
        this.runs = runs;
        this.list = list;
        this.pageChecks = pageChecks;
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) String period, Model model) {
        model.addAttribute("periods", selection.periods());
        model.addAttribute("periodStatus", periodStatus());
        model.addAttribute("yearStatus", annualStaleness.years());
        selection.current(period).ifPresent(run -> addRun(run, model));
        return "dashboard";
    }

    /**
     * The run's banner, its best departments and its chart, read as a results page is: the shown
     * rows checked against their seals in the request, the whole run on the results pages'
     * background check (never inside this request: at 100,000 cadres it is seconds), whose last
     * finding the banner shows; the chart's counts from the run's kept counts.
     */
    private void addRun(RunInfo run, Model model) {
        ResultsPage best = list.page(run.id(), BEST_DEPARTMENTS, 1, DEPARTMENTS_SHOWN);
        ResultPageChecks.CheckedPage checked = pageChecks.page(run, best);
        model.addAttribute("check", checked);
        model.addAttribute("run", run);
        model.addAttribute("departments", checked.page().rows());
        model.addAttribute("departmentCount", best.total());
        List<Grade> grades = runs.scales(run.id()).get(SubjectType.CADRE).grades();
        List<DeptGrades> deptGrades = deptGrades(list.departments(run.id()), list.gradesByDepartment(run.id(),
                SubjectType.CADRE), grades);
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

    /**
     * Each department's cadres by final grade, departments by id; a department id cadres name that is
     * no department of the run keeps its id as its name.
     */
    static List<DeptGrades> deptGrades(List<ResultsList.Department> departments, Map<String, Map<String, Long>> counted,
                                       List<Grade> grades) {
        Map<String, String> names = new TreeMap<>();
        departments.forEach(d -> names.put(d.id(), d.name()));
        counted.keySet().forEach(id -> names.putIfAbsent(id, id));
        return names.entrySet().stream().map(dept -> {
            Map<Grade, Long> counts = zeroCounts(grades);
            Map<String, Long> byCode = counted.getOrDefault(dept.getKey(), Map.of());
            grades.forEach(g -> counts.put(g, byCode.getOrDefault(g.name(), 0L)));
            return new DeptGrades(dept.getKey(), dept.getValue(), counts);
        }).toList();
    }

    private static Map<Grade, Long> zeroCounts(List<Grade> grades) {
        Map<Grade, Long> m = new LinkedHashMap<>();
        grades.forEach(g -> m.put(g, 0L));
        return m;
    }
}

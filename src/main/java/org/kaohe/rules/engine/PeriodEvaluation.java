package org.kaohe.rules.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.kaohe.errors.Message;
import org.kaohe.records.Appraisal;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.DeptType;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;
import org.kaohe.rules.book.PartRow;
import org.kaohe.rules.book.Rulebook;
import org.kaohe.scoring.EnginePart;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.EvaluationProgress;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.PartLabel;
import org.kaohe.scoring.SubjectResult;
import org.springframework.modulith.NamedInterface;

/**
 * One evaluation of one period: for each department a session scores its cadres, and grading
 * ranks them and applies the quotas; then a session per department scores it (its cadres' mean
 * from their final scores), and grading ranks the departments city-wide. Sessions of one phase
 * run in parallel on every core; results are put back in the departments' order, so they are the
 * same as a sequential run's. Records of subjects not on the roster are not scored.
 */
@NamedInterface("engine") // one of the few engine types other modules use; the rest is internal
public final class PeriodEvaluation {

    /** Stored evaluations' sessions: no check ever queues here. */
    private static final ExecutorService EVALUATION_WORKERS = workers("kaohe-rules");
    /** Checks' sessions (validate, publish, simulate, replay, scenario cases). */
    private static final ExecutorService CHECK_WORKERS = workers("kaohe-checks");

    private final Rulebook book;
    private final RuleSessions sessions;
    private final Grading grading;
    private final ExecutorService workers;

    public PeriodEvaluation(Rulebook book, RunLimits limits) {
        this.book = book;
        this.sessions = new RuleSessions(ScoringRules.kieBase(), book, limits);
        this.grading = new Grading(book);
        this.workers = limits.lane() == RunLimits.Lane.EVALUATION ? EVALUATION_WORKERS : CHECK_WORKERS;
    }

    private static ExecutorService workers(String name) {
        return Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public EvaluationOutcome run(PeriodRecords records, String rulebookVersion, EvaluationProgress progress) {
        Map<String, List<Object>> recordsBySubject = recordsBySubject(records);
        Map<String, DeptType> deptTypes = new HashMap<>();
        records.departments().forEach(d -> deptTypes.put(d.deptId(), d.type()));
        Map<String, List<Cadre>> cadresByDept = cadresByDept(records);
        int steps = cadresByDept.size() + records.departments().size();
        AtomicInteger done = new AtomicInteger();

        List<Supplier<List<ScoredSubject>>> cadreSessions = new ArrayList<>();
        for (Map.Entry<String, List<Cadre>> dept : cadresByDept.entrySet()) {
            DeptType type = deptTypes.getOrDefault(dept.getKey(), DeptType.OTHER);
            cadreSessions.add(() -> {
                List<Subject> subjects = new ArrayList<>();
                List<Object> facts = new ArrayList<>();
                for (Cadre c : dept.getValue()) {
                    subjects.add(Subject.of(c, type));
                    facts.addAll(recordsBySubject.getOrDefault(key(SubjectType.CADRE, c.cadreId()), List.of()));
                }
                List<ScoredSubject> scored = sessions.score(book.view(type), subjects, facts);
                stepDone(done, steps, progress, Message.of("progress.scoringCadres", dept.getKey()));
                return scored;
            });
        }
        List<SubjectResult> cadreResults = new ArrayList<>();
        Map<String, List<CadreScore>> cadreScores = new HashMap<>();
        for (List<ScoredSubject> group : inParallel(cadreSessions)) {
            sessions.checkBetweenSessions();
            List<SubjectResult> ranked = grading.rank(group, Grading.Scope.DEPARTMENT);
            cadreResults.addAll(ranked);
            for (ScoredSubject s : group) {
                cadreScores.computeIfAbsent(s.subject().deptId(), k -> new ArrayList<>())
                        .add(new CadreScore(s.subject().deptId(), s.subject().id(), s.score(), s.subject().source()));
            }
        }

        List<ScoredSubject> departments = new ArrayList<>();
        inParallel(departmentSessions(records, recordsBySubject, cadreScores, done, steps, progress))
                .forEach(departments::addAll);
        sessions.checkBetweenSessions();
        List<SubjectResult> results = new ArrayList<>(grading.rank(departments, Grading.Scope.CITY));
        results.addAll(cadreResults);
        return new EvaluationOutcome(records.period(), records.importId(), rulebookVersion, results, scales(), partLabels());
    }

    /** Each department's cadres, in the departments' order; a department without cadres has no entry. */
    private static Map<String, List<Cadre>> cadresByDept(PeriodRecords records) {
        Map<String, List<Cadre>> cadresByDept = new LinkedHashMap<>();
        records.departments().forEach(d -> cadresByDept.put(d.deptId(), new ArrayList<>()));
        records.cadres().forEach(c -> cadresByDept.computeIfAbsent(c.deptId(), k -> new ArrayList<>()).add(c));
        cadresByDept.values().removeIf(List::isEmpty);
        return cadresByDept;
    }

    /** One session per department, its cadres' scores among its facts. */
    private List<Supplier<List<ScoredSubject>>> departmentSessions(PeriodRecords records,
            Map<String, List<Object>> recordsBySubject, Map<String, List<CadreScore>> cadreScores, AtomicInteger done,
            int steps, EvaluationProgress progress) {
        List<Supplier<List<ScoredSubject>>> departmentSessions = new ArrayList<>();
        for (Department d : records.departments()) {
            departmentSessions.add(() -> {
                Subject subject = Subject.of(d);
                List<Object> facts = new ArrayList<>(
                        recordsBySubject.getOrDefault(key(SubjectType.DEPARTMENT, d.deptId()), List.of()));
                facts.addAll(cadreScores.getOrDefault(d.deptId(), List.of()));
                List<ScoredSubject> scored = sessions.score(book.view(d.type()), List.of(subject), facts);
                stepDone(done, steps, progress, Message.of("progress.scoringDepartment", d.deptId()));
                return scored;
            });
        }
        return departmentSessions;
    }

    /**
     * One session done, counted and reported under one lock: sessions end on parallel threads, and
     * counting apart from reporting could report a later count before an earlier one (the progress
     * bar stepping back), or call the listener from two threads at once.
     */
    private static void stepDone(AtomicInteger done, int steps, EvaluationProgress progress, Message message) {
        synchronized (done) {
            progress.report((double) done.incrementAndGet() / steps, message);
        }
    }

    /** Runs the sessions on the workers; results in the order given. The first failure is thrown as it is. */
    private List<List<ScoredSubject>> inParallel(List<Supplier<List<ScoredSubject>>> tasks) {
        sessions.checkBetweenSessions();
        List<CompletableFuture<List<ScoredSubject>>> futures = new ArrayList<>();
        for (Supplier<List<ScoredSubject>> task : tasks) {
            futures.add(CompletableFuture.supplyAsync(task, workers));
        }
        List<List<ScoredSubject>> results = new ArrayList<>(futures.size());
        try {
            for (CompletableFuture<List<ScoredSubject>> future : futures) {
                results.add(future.join());
            }
        } catch (CompletionException e) {
            futures.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return results;
    }

    private Map<SubjectType, GradeScale> scales() {
        Map<SubjectType, GradeScale> scales = new EnumMap<>(SubjectType.class);
        for (SubjectType type : SubjectType.values()) {
            scales.put(type, book.grades(type).scale());
        }
        return scales;
    }

    /** Every part any department type scores, by subject type, with its Chinese name. */
    private List<PartLabel> partLabels() {
        Set<PartLabel> labels = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SubjectType type : SubjectType.values()) {
            for (DeptType deptType : DeptType.values()) {
                for (PartRow part : book.view(deptType).parts(type)) {
                    if (seen.add(type + ":" + part.code())) {
                        labels.add(new PartLabel(type, part.code(), part.name()));
                    }
                }
            }
            labels.add(new PartLabel(type, EnginePart.CLAMP.code(), EnginePart.CLAMP.chineseName()));
        }
        return List.copyOf(labels);
    }

    /** Each subject's own records: targets, appraisals and events by owner; organizations by department. */
    private static Map<String, List<Object>> recordsBySubject(PeriodRecords records) {
        Map<String, List<Object>> bySubject = new HashMap<>();
        for (Target t : records.targets()) {
            bySubject.computeIfAbsent(key(t.ownerType(), t.ownerId()), k -> new ArrayList<>()).add(t);
        }
        for (Appraisal a : records.appraisals()) {
            bySubject.computeIfAbsent(key(SubjectType.CADRE, a.cadreId()), k -> new ArrayList<>()).add(a);
        }
        for (Event e : records.events()) {
            bySubject.computeIfAbsent(key(e.subjectType(), e.subjectId()), k -> new ArrayList<>()).add(e);
        }
        for (Organization o : records.organizations()) {
            bySubject.computeIfAbsent(key(SubjectType.DEPARTMENT, o.deptId()), k -> new ArrayList<>()).add(o);
        }
        return bySubject;
    }

    private static String key(SubjectType type, String id) {
        return type + ":" + id;
    }
}

package org.kaohe.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.Appraisal;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.EvaluationProgress;
import org.kaohe.scoring.SubjectResult;
import org.kie.api.KieBase;

/**
 * One evaluation of one period, in the phases of RULEBOOK §3–§5: for each department a session
 * scores its cadres (parts, cap, clamp, band, gates), then grading ranks them and applies the
 * quota of 好; then a session per department scores it (C from its cadres' scores), and grading
 * ranks the departments city-wide. Records of subjects not on the roster are not scored.
 */
final class PeriodEvaluation {

    private final RuleSessions sessions;
    private final Grading grading;
    private final PeriodRecords records;

    PeriodEvaluation(KieBase kieBase, Map<String, BigDecimal> settings, PeriodRecords records) {
        this.sessions = new RuleSessions(kieBase);
        this.grading = new Grading(settings);
        this.records = records;
    }

    EvaluationOutcome run(String rulebookVersion, EvaluationProgress progress) {
        Map<String, List<Object>> recordsBySubject = recordsBySubject();
        Map<String, List<Cadre>> cadresByDept = new LinkedHashMap<>();
        records.departments().forEach(d -> cadresByDept.put(d.deptId(), new ArrayList<>()));
        records.cadres().forEach(c -> cadresByDept.computeIfAbsent(c.deptId(), k -> new ArrayList<>()).add(c));
        // One step per session: each department's cadres, then each department itself.
        int steps = cadresByDept.size() + records.departments().size();
        int done = 0;

        List<SubjectResult> cadreResults = new ArrayList<>();
        Map<String, List<CadreScore>> cadreScores = new HashMap<>();
        for (Map.Entry<String, List<Cadre>> dept : cadresByDept.entrySet()) {
            if (dept.getValue().isEmpty()) {
                continue;
            }
            List<Subject> subjects = new ArrayList<>();
            List<Object> facts = new ArrayList<>();
            for (Cadre c : dept.getValue()) {
                subjects.add(new Subject(SubjectType.CADRE, c.cadreId(), c.name(), c.deptId(), null, c.source()));
                facts.addAll(recordsBySubject.getOrDefault(key(SubjectType.CADRE, c.cadreId()), List.of()));
            }
            List<ScoredSubject> scored = sessions.score(subjects, facts);
            List<CadreScore> deptScores = new ArrayList<>();
            scored.forEach(s -> deptScores.add(new CadreScore(dept.getKey(), s.subject().id(), s.score(),
                    s.subject().source())));
            cadreScores.put(dept.getKey(), deptScores);
            cadreResults.addAll(grading.rank(scored, "部门"));
            progress.report((double) ++done / steps, "干部计分:部门 " + dept.getKey() + " / scoring cadres of " + dept.getKey());
        }

        List<ScoredSubject> departments = new ArrayList<>();
        for (Department d : records.departments()) {
            Subject subject = new Subject(SubjectType.DEPARTMENT, d.deptId(), d.name(), d.deptId(), d.type(), d.source());
            List<Object> facts = new ArrayList<>(
                    recordsBySubject.getOrDefault(key(SubjectType.DEPARTMENT, d.deptId()), List.of()));
            facts.addAll(cadreScores.getOrDefault(d.deptId(), List.of()));
            departments.addAll(sessions.score(List.of(subject), facts));
            progress.report((double) ++done / steps, "部门计分 " + d.deptId() + " / scoring department " + d.deptId());
        }
        List<SubjectResult> results = new ArrayList<>(grading.rank(departments, "全市"));
        results.addAll(cadreResults);
        return new EvaluationOutcome(records.period(), records.importId(), rulebookVersion, results);
    }

    /** Each subject's own records: targets, appraisals and events by owner; organizations by department. */
    private Map<String, List<Object>> recordsBySubject() {
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

package org.kaohe.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Runs one session over a small group of subjects (a department's cadres, or one department)
 * and reads back what the rules inserted. One session per group keeps memory flat however many
 * cadres the city has; the session is always disposed.
 */
final class RuleSessions {

    private static final List<String> PART_ORDER = List.of("T", "A", "L", "O", "C", "B", "D", "CLAMP");

    private final KieBase kieBase;

    RuleSessions(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /** Fires the rules over the subjects and their records; one result per subject, in the subjects' order. */
    List<ScoredSubject> score(List<Subject> subjects, List<?> records) {
        KieSession session = kieBase.newKieSession();
        try {
            subjects.forEach(session::insert);
            records.forEach(session::insert);
            session.fireAllRules();
            Map<String, List<ScoreLine>> lines = new HashMap<>();
            Map<String, Score> scores = new HashMap<>();
            Map<String, BandGrade> bands = new HashMap<>();
            Map<String, List<GateHit>> gates = new HashMap<>();
            for (Object fact : session.getObjects()) {
                if (fact instanceof ScoreLine line) {
                    lines.computeIfAbsent(key(line.subjectType(), line.subjectId()), k -> new ArrayList<>()).add(line);
                } else if (fact instanceof Score score) {
                    scores.put(key(score.subjectType(), score.subjectId()), score);
                } else if (fact instanceof BandGrade band) {
                    bands.put(key(band.subjectType(), band.subjectId()), band);
                } else if (fact instanceof GateHit gate) {
                    gates.computeIfAbsent(key(gate.subjectType(), gate.subjectId()), k -> new ArrayList<>()).add(gate);
                }
            }
            List<ScoredSubject> scored = new ArrayList<>(subjects.size());
            for (Subject subject : subjects) {
                String key = key(subject.type(), subject.id());
                Score score = scores.get(key);
                BandGrade band = bands.get(key);
                if (score == null || band == null) {
                    throw new IllegalStateException("规则没有给出 " + subject.id() + " 的总分或等次 / the rules gave no"
                            + " score or band grade for " + subject.type() + " " + subject.id());
                }
                List<ScoreLine> subjectLines = new ArrayList<>(lines.getOrDefault(key, List.of()));
                subjectLines.sort(LINE_ORDER);
                BigDecimal sum = subjectLines.stream().map(ScoreLine::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(score.value()) != 0) {
                    throw new IllegalStateException("得分行合计 " + sum + " 不等于总分 " + score.value() + "(规则在计总分后"
                            + "又加了得分行)/ lines of " + subject.id() + " do not add up to its score");
                }
                List<GateHit> subjectGates = new ArrayList<>(gates.getOrDefault(key, List.of()));
                subjectGates.sort(GATE_ORDER);
                scored.add(new ScoredSubject(subject, List.copyOf(subjectLines), score.value(), band.grade(),
                        List.copyOf(subjectGates)));
            }
            return scored;
        } finally {
            session.dispose();
        }
    }

    private static String key(SubjectType type, String id) {
        return type + ":" + id;
    }

    /** Parts in RULEBOOK order; within a part the record lines by source row, then cap and floor lines. */
    private static final Comparator<ScoreLine> LINE_ORDER = Comparator
            .comparingInt((ScoreLine l) -> partIndex(l.part()))
            .thenComparing(l -> l.evidence().isEmpty())
            .thenComparing(l -> l.evidence().isEmpty() ? "" : l.evidence().get(0).file())
            .thenComparingInt(l -> l.evidence().isEmpty() ? 0 : l.evidence().get(0).line())
            .thenComparing(ScoreLine::rule)
            .thenComparing(ScoreLine::reason);

    /** Vetoes first, then the harshest cap (RULEBOOK §4.2 order: sanction, complaints, admonishment). */
    private static final Comparator<GateHit> GATE_ORDER = Comparator
            .comparing((GateHit g) -> !g.veto())
            .thenComparing((GateHit g) -> g.cap().ordinal(), Comparator.reverseOrder())
            .thenComparing(GateHit::rule);

    private static int partIndex(String part) {
        int index = PART_ORDER.indexOf(part);
        return index >= 0 ? 2 * index : 2 * PART_ORDER.indexOf("CLAMP") - 1; // a part a leader added: before the clamp
    }
}

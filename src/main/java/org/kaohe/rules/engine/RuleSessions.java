package org.kaohe.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;
import org.kaohe.rules.book.BookView;
import org.kaohe.rules.book.Method;
import org.kaohe.rules.book.PartRow;
import org.kaohe.rules.book.Rulebook;
import org.kaohe.scoring.ReasonText;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Runs one session over a small group of subjects (a department's cadres, or one department)
 * with the rulebook's view for their department type, and reads back what the rules inserted.
 * One session per group keeps memory flat however many cadres the city has; every session is
 * bounded in firings and time and is always disposed.
 */
final class RuleSessions {

    private final KieBase kieBase;
    private final Rulebook book;
    private final RunLimits limits;
    private final long deadline;

    RuleSessions(KieBase kieBase, Rulebook book, RunLimits limits) {
        this.kieBase = kieBase;
        this.book = book;
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.maxTime().toNanos();
    }

    /** Fires the rules over the subjects and their records; one result per subject, in the subjects' order. */
    List<ScoredSubject> score(BookView view, List<Subject> subjects, List<?> records) {
        KieSession session = kieBase.newKieSession();
        try {
            insertBook(session, view);
            subjects.forEach(session::insert);
            records.forEach(session::insert);
            StopCheck stop = new StopCheck();
            session.addEventListener(stop);
            int fired = session.fireAllRules((int) Math.min(Integer.MAX_VALUE, limits.maxFiringsPerSession()));
            stop.throwIfStopped();
            if (fired >= limits.maxFiringsPerSession()) {
                throw new RunStoppedException("规则触发次数超过上限 " + limits.maxFiringsPerSession() + "(一个部门),考核已停止"
                        + " / more than " + limits.maxFiringsPerSession() + " rule firings in one session: stopped");
            }
            return collect(session, view, subjects);
        } finally {
            session.dispose();
        }
    }

    private void insertBook(KieSession session, BookView view) {
        session.insert(book);
        session.insert(Settings.of(view));
        book.kinds().forEach(session::insert);
        for (SubjectType type : SubjectType.values()) {
            view.parts(type).forEach(session::insert);
            view.prices(type).forEach(session::insert);
            view.gates(type).forEach(session::insert);
        }
        view.participation().forEach(session::insert);
    }

    private List<ScoredSubject> collect(KieSession session, BookView view, List<Subject> subjects) {
        Map<String, List<ScoreLine>> lines = new HashMap<>();
        Map<String, List<GateHit>> gates = new HashMap<>();
        for (Object fact : session.getObjects()) {
            if (fact instanceof ScoreLine line) {
                lines.computeIfAbsent(key(line.subjectType(), line.subjectId()), k -> new ArrayList<>()).add(line);
            } else if (fact instanceof GateHit gate) {
                gates.computeIfAbsent(key(gate.subjectType(), gate.subjectId()), k -> new ArrayList<>()).add(gate);
            }
        }
        List<ScoredSubject> scored = new ArrayList<>(subjects.size());
        for (Subject subject : subjects) {
            String key = key(subject.type(), subject.id());
            List<PartRow> parts = view.parts(subject.type());
            List<ScoreLine> subjectLines = new ArrayList<>(lines.getOrDefault(key, List.of()));
            subjectLines.sort(lineOrder(parts));
            BigDecimal score = sum(subjectLines, l -> true);
            BigDecimal targets = sum(subjectLines, l -> parts.stream()
                    .anyMatch(p -> p.method() == Method.TARGETS && p.code().equals(l.part())));
            scored.add(new ScoredSubject(subject, List.copyOf(subjectLines), score,
                    List.copyOf(gates.getOrDefault(key, List.of())), targets));
        }
        return scored;
    }

    private static BigDecimal sum(List<ScoreLine> lines, java.util.function.Predicate<ScoreLine> which) {
        return lines.stream().filter(which).map(ScoreLine::points).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static String key(SubjectType type, String id) {
        return type + ":" + id;
    }

    /** Parts in the order of parts.csv, the clamp last; within a part the record lines by source row, then its limit. */
    private static Comparator<ScoreLine> lineOrder(List<PartRow> parts) {
        return Comparator.comparingInt((ScoreLine l) -> partIndex(parts, l.part()))
                .thenComparing(ScoreLine::limit)
                .thenComparing(l -> l.evidence().isEmpty())
                .thenComparing(l -> l.evidence().isEmpty() ? "" : l.evidence().get(0).file())
                .thenComparingInt(l -> l.evidence().isEmpty() ? 0 : l.evidence().get(0).line())
                .thenComparing(ScoreLine::rule)
                // The last tie-break: as lines were ordered when reasons were Chinese text, so a run reads
                // in the same order as its replay.
                .thenComparing(l -> ReasonText.chinese(l.reason()));
    }

    private static int partIndex(List<PartRow> parts, String part) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).code().equals(part)) {
                return i;
            }
        }
        return parts.size(); // the clamp
    }

    /** Stops a session when the run is cancelled or out of time; checked every 256 firings. */
    private final class StopCheck extends DefaultAgendaEventListener {
        private long firings;
        private String reason;

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            if (++firings % 256 != 0) {
                return;
            }
            if (limits.cancelled().getAsBoolean()) {
                reason = "考核已被取消 / the evaluation was cancelled";
            } else if (System.nanoTime() > deadline) {
                reason = "考核超过时间上限 " + limits.maxTime().toSeconds() + " 秒,已停止 / the evaluation took longer than "
                        + limits.maxTime().toSeconds() + " s: stopped";
            }
            if (reason != null) {
                event.getKieRuntime().halt();
            }
        }

        void throwIfStopped() {
            if (reason != null) {
                throw new RunStoppedException(reason);
            }
            checkBetweenSessions();
        }
    }

    /** The same checks between sessions, where no rule fires. */
    void checkBetweenSessions() {
        if (limits.cancelled().getAsBoolean()) {
            throw new RunStoppedException("考核已被取消 / the evaluation was cancelled");
        }
        if (System.nanoTime() > deadline) {
            throw new RunStoppedException("考核超过时间上限 " + limits.maxTime().toSeconds() + " 秒,已停止 / the evaluation took"
                    + " longer than " + limits.maxTime().toSeconds() + " s: stopped");
        }
    }
}

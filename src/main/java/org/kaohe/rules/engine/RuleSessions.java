package org.kaohe.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.errors.Message;
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
    /** How many facts read or lines compared between two looks at the limits. */
    private static final int CHECK_EVERY = 4096;

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
        checkBetweenSessions(); // a session queued behind a cancelled or late one does not start
        KieSession session = open(view);
        try {
            subjects.forEach(session::insert);
            records.forEach(session::insert);
            StopCheck stop = new StopCheck();
            session.addEventListener(stop);
            int fired = session.fireAllRules((int) Math.min(Integer.MAX_VALUE, limits.maxFiringsPerSession()));
            stop.throwIfStopped();
            if (fired >= limits.maxFiringsPerSession()) {
                throw new RunStoppedException(Message.of("rules.run.firings", Long.toString(limits.maxFiringsPerSession())));
            }
            return collect(session, view, subjects);
        } finally {
            session.dispose();
        }
    }

    /**
     * A new session holding the rulebook's rows for a department type's view, its phases focused
     * in order; the caller inserts the subjects and records, fires and disposes it.
     */
    KieSession open(BookView view) {
        KieSession session = kieBase.newKieSession();
        try {
            insertBook(session, view);
            Phase.focusInOrder(session);
            return session;
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
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

    /**
     * Each subject's lines in explanation order, its score and its targets points. Linear in the
     * facts and O(n log n) in each subject's lines, whatever the number of parts (their order is
     * looked up, not searched); the limits are checked as the facts are read and as lines are sorted.
     */
    private List<ScoredSubject> collect(KieSession session, BookView view, List<Subject> subjects) {
        Map<String, List<ScoreLine>> lines = new HashMap<>();
        Map<String, List<GateHit>> gates = new HashMap<>();
        long read = 0;
        for (Object fact : session.getObjects()) {
            if (++read % CHECK_EVERY == 0) {
                checkBetweenSessions();
            }
            if (fact instanceof ScoreLine line) {
                lines.computeIfAbsent(key(line.subjectType(), line.subjectId()), k -> new ArrayList<>()).add(line);
            } else if (fact instanceof GateHit gate) {
                gates.computeIfAbsent(key(gate.subjectType(), gate.subjectId()), k -> new ArrayList<>()).add(gate);
            }
        }
        Map<SubjectType, PartOrder> orders = new java.util.EnumMap<>(SubjectType.class);
        List<ScoredSubject> scored = new ArrayList<>(subjects.size());
        for (Subject subject : subjects) {
            String key = key(subject.type(), subject.id());
            PartOrder order = orders.computeIfAbsent(subject.type(), type -> new PartOrder(view.parts(type)));
            List<ScoreLine> subjectLines = new ArrayList<>(lines.getOrDefault(key, List.of()));
            subjectLines.sort(checked(lineOrder(order)));
            BigDecimal score = sum(subjectLines, l -> true);
            BigDecimal targets = sum(subjectLines, l -> order.targets().contains(l.part()));
            scored.add(new ScoredSubject(subject, List.copyOf(subjectLines), score,
                    List.copyOf(gates.getOrDefault(key, List.of())), targets));
        }
        return scored;
    }

    /** The order of a view's parts (the clamp after them) and its targets parts, each looked up in constant time. */
    private record PartOrder(Map<String, Integer> index, java.util.Set<String> targets, int clamp) {
        PartOrder(List<PartRow> parts) {
            this(indexOf(parts), new java.util.HashSet<>(parts.stream().filter(p -> p.method() == Method.TARGETS)
                    .map(PartRow::code).toList()), parts.size());
        }

        private static Map<String, Integer> indexOf(List<PartRow> parts) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < parts.size(); i++) {
                index.putIfAbsent(parts.get(i).code(), i);
            }
            return index;
        }

        int of(String part) {
            return index.getOrDefault(part, clamp);
        }
    }

    /** The comparator, checking the limits every {@link #CHECK_EVERY} comparisons: a sort is a phase like any other. */
    private <T> Comparator<T> checked(Comparator<T> order) {
        long[] compared = {0};
        return (a, b) -> {
            if (++compared[0] % CHECK_EVERY == 0) {
                checkBetweenSessions();
            }
            return order.compare(a, b);
        };
    }

    private static BigDecimal sum(List<ScoreLine> lines, java.util.function.Predicate<ScoreLine> which) {
        return lines.stream().filter(which).map(ScoreLine::points).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static String key(SubjectType type, String id) {
        return type + ":" + id;
    }

    /** Parts in the order of parts.csv, the clamp last; within a part the record lines by source row, then its limit. */
    private static Comparator<ScoreLine> lineOrder(PartOrder parts) {
        return Comparator.comparingInt((ScoreLine l) -> parts.of(l.part()))
                .thenComparing(ScoreLine::limit)
                .thenComparing(l -> l.evidence().isEmpty())
                .thenComparing(l -> l.evidence().isEmpty() ? "" : l.evidence().get(0).file())
                .thenComparingInt(l -> l.evidence().isEmpty() ? 0 : l.evidence().get(0).line())
                .thenComparing(ScoreLine::rule)
                // The last tie-break: as lines were ordered when reasons were Chinese text, so a run reads
                // in the same order as its replay.
                .thenComparing(l -> ReasonText.chinese(l.reason()));
    }

    /** Stops a session when the run is cancelled or out of time; checked every 256 firings. */
    private final class StopCheck extends DefaultAgendaEventListener {
        private long firings;
        private Message reason;

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            if (++firings % 256 != 0) {
                return;
            }
            if (limits.cancelled().getAsBoolean()) {
                reason = Message.of("rules.run.cancelled");
            } else if (System.nanoTime() > deadline) {
                reason = Message.of("rules.run.timeLimit", Long.toString(limits.maxTime().toSeconds()));
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
            throw new RunStoppedException(Message.of("rules.run.cancelled"));
        }
        if (System.nanoTime() > deadline) {
            throw new RunStoppedException(Message.of("rules.run.timeLimit", Long.toString(limits.maxTime().toSeconds())));

        }
    }
}

package org.kaohe.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.DeptType;
import org.kaohe.records.PeriodRecords;
import org.kaohe.rules.book.Rulebook;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * Fires one rule of Kaohe's DRL, or one phase of it, on the facts a test gives, and shows what it
 * inserted: in the style of Timefold's {@code ConstraintVerifier}
 * ({@code verifyThat(rule).given(facts)}, then assertions on the lines, gates and derived facts).
 * The session is the engine's own ({@link RuleSessions#open}): the rulebook's rows for the view of
 * a department type, the phases focused in order; only the rule (or the phase's rules) under test
 * may fire, so a fact another phase would derive is given by the test instead.
 */
final class RuleVerifier {

    private static final String PACKAGE = "org.kaohe.rules.engine";

    private final Rulebook book;
    private final KieBase kieBase = ScoringRules.kieBase();

    RuleVerifier(Rulebook book) {
        this.book = book;
    }

    /** The rule of this name; fails when the DRL has none (a renamed or removed rule is not silently untested). */
    Given verifyThat(String rule) {
        Rule found = kieBase.getRule(PACKAGE, rule);
        if (found == null) {
            throw new AssertionError("the engine has no rule named \"" + rule + "\"; it has " + ruleNames());
        }
        return new Given(Set.of(rule));
    }

    /** Every rule of a phase; fails when the phase has none. */
    Given verifyPhase(Phase phase) {
        Set<String> rules = kieBase.getKiePackage(PACKAGE).getRules().stream()
                .filter(r -> phase.agendaGroup().equals(agendaGroup(r))).map(Rule::getName)
                .collect(Collectors.toSet());
        if (rules.isEmpty()) {
            throw new AssertionError("no rule is in the agenda group of phase " + phase);
        }
        return new Given(rules);
    }

    /** Every rule, phase after phase, as a session of the engine runs them. */
    Given verifyAllPhases() {
        return new Given(Set.copyOf(ruleNames()));
    }

    /** Every rule's name with its agenda group. */
    Map<String, String> agendaGroups() {
        Map<String, String> groups = new HashMap<>();
        kieBase.getKiePackage(PACKAGE).getRules().forEach(r -> groups.put(r.getName(), agendaGroup(r)));
        return groups;
    }

    private List<String> ruleNames() {
        return kieBase.getKiePackage(PACKAGE).getRules().stream().map(Rule::getName).sorted().toList();
    }

    private static String agendaGroup(Rule rule) {
        return ((RuleImpl) rule).getAgendaGroup();
    }

    /** The rules under test, waiting for their facts. */
    final class Given {
        private final Set<String> rules;
        private DeptType deptType = DeptType.OTHER;

        private Given(Set<String> rules) {
            this.rules = rules;
        }

        /** The book's view for this department type (default OTHER, the general rows). */
        Given forDeptType(DeptType type) {
            this.deptType = type;
            return this;
        }

        /**
         * Fires on the records' cadres and departments as subjects (a cadre of a department listed
         * in the records gets its type), their records, and the further facts given (derived facts,
         * extra table rows).
         */
        Fired given(PeriodRecords records, Object... facts) {
            List<Object> all = new ArrayList<>();
            Map<String, DeptType> types = new HashMap<>();
            for (Department d : records.departments()) {
                types.put(d.deptId(), d.type());
                all.add(Subject.of(d));
            }
            for (Cadre c : records.cadres()) {
                all.add(Subject.of(c, types.getOrDefault(c.deptId(), deptType)));
            }
            all.addAll(records.targets());
            all.addAll(records.appraisals());
            all.addAll(records.events());
            all.addAll(records.organizations());
            all.addAll(List.of(facts));
            return fire(all);
        }

        private Fired fire(List<Object> facts) {
            RuleSessions sessions = new RuleSessions(kieBase, book, RunLimits.DEFAULT);
            KieSession session = sessions.open(book.view(deptType));
            try {
                facts.forEach(session::insert);
                List<Object> inserted = new ArrayList<>();
                session.addEventListener(new DefaultRuleRuntimeEventListener() {
                    @Override
                    public void objectInserted(ObjectInsertedEvent event) {
                        inserted.add(event.getObject());
                    }
                });
                AgendaFilter only = match -> rules.contains(match.getRule().getName());
                int firings = session.fireAllRules(only);
                return new Fired(firings, inserted);
            } finally {
                session.dispose();
            }
        }
    }

    /** What the rules under test did: how often they fired, and the facts they inserted, in order. */
    record Fired(int firings, List<Object> inserted) {

        List<ScoreLine> lines() {
            return inserted(ScoreLine.class);
        }

        List<GateHit> gates() {
            return inserted(GateHit.class);
        }

        /** Each line as "subject part points rule reason-key": {@code C1 A 0.00 parts.csv:3 line.noVotes}. */
        List<String> lineSummaries() {
            return lines().stream().map(l -> l.subjectId() + " " + l.part() + " " + l.points() + " " + l.rule() + " "
                    + l.reason().key() + (l.limit() ? " limit" : "")).toList();
        }

        <T> List<T> inserted(Class<T> type) {
            return inserted.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}

package org.kaohe.rules.engine;

import java.util.List;

import org.kie.api.runtime.KieSession;

/**
 * The phases of a session, each a named agenda group of the DRL, in the order they run. The DRL
 * names them {@code ruleflow-group "parts"}: Drools 10 reads a rule's ruleflow group as its agenda
 * group, and warns on every compilation that {@code agenda-group}, the older word, is deprecated.
 * A phase runs to its end before the next starts, and never again after:
 * every rule reads only facts the phases before it (or the session's start) inserted.
 */
enum Phase {
    /** Items and participation derived from the records (1-classify.drl). */
    CLASSIFY("classify"),
    /** The units of each kind of item of each subject, for the gates (1-classify.drl). */
    UNITS("units"),
    /** Every part of parts.csv by its method, one line per record used (2-parts.drl). */
    PARTS("parts"),
    /** Each part's limit: a bonus cap, a deduction cap, a floor (2-parts.drl). */
    LIMITS("limits"),
    /** The clamp of the total into [SCORE_MIN, SCORE_MAX] (3-totals.drl). */
    CLAMP("clamp"),
    /** The gates of gates.csv and participation.csv (3-totals.drl). */
    GATES("gates");

    private final String agendaGroup;

    Phase(String agendaGroup) {
        this.agendaGroup = agendaGroup;
    }

    String agendaGroup() {
        return agendaGroup;
    }

    /**
     * Puts the phases on the session's focus stack so that they run in order: the stack runs its
     * top first, so the last phase is pushed first.
     */
    static void focusInOrder(KieSession session) {
        List<Phase> phases = List.of(values());
        for (int i = phases.size() - 1; i >= 0; i--) {
            session.getAgenda().getAgendaGroup(phases.get(i).agendaGroup).setFocus();
        }
    }
}

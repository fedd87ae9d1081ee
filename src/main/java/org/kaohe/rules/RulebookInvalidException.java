package org.kaohe.rules;

import java.util.List;

import org.kaohe.errors.Message;
import org.kaohe.errors.RefusedException;

/**
 * A rulebook that cannot be used, with every problem found (file, line, message): refused whole,
 * nothing published or saved. A {@link RefusedException}, so each face maps it where it maps every
 * refusal; a page whose form shows itself again with the problems beside its cells says so once.
 */
public class RulebookInvalidException extends RefusedException {

    private final transient List<RuleProblem> problems;

    public RulebookInvalidException(List<RuleProblem> problems) {
        super(Message.of("refused.rulebook", Integer.toString(problems.size())), problems);
        this.problems = List.copyOf(problems);
    }

    /** A rulebook refused for one reason that no file or line of it explains. */
    static RulebookInvalidException of(String message) {
        return new RulebookInvalidException(List.of(new RuleProblem("", 0, message)));
    }

    @Override
    public List<RuleProblem> problems() {
        return problems;
    }
}

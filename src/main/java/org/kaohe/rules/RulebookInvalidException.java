package org.kaohe.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rulebook that cannot be used, with every problem found (file, line, message). */
public class RulebookInvalidException extends Exception {

    private final List<RuleProblem> problems;

    public RulebookInvalidException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** A rulebook refused for one reason that no file or line of it explains. */
    static RulebookInvalidException of(String message) {
        return new RulebookInvalidException(List.of(new RuleProblem("", 0, message)));
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}

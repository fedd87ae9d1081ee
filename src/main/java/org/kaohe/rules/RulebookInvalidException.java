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

    public List<RuleProblem> problems() {
        return problems;
    }
}

package org.kaohe.scoring;

import java.util.List;
import java.util.Optional;

/**
 * The grades of one subject type in a rulebook, best first: what a run's grade codes mean. Runs
 * store the scale they were graded on, so a later change of grade names never changes an old run.
 */
public record GradeScale(List<Grade> grades) {

    /** The scale of the default rulebook and of runs made before grades were configurable. */
    public static final GradeScale QUARTERLY = new GradeScale(List.of(new Grade("GOOD", "好", 0),
            new Grade("FAIR", "较好", 1), new Grade("AVERAGE", "一般", 2), new Grade("POOR", "较差", 3)));

    public GradeScale {
        grades = List.copyOf(grades);
        for (int i = 0; i < grades.size(); i++) {
            if (grades.get(i).order() != i) {
                throw new IllegalArgumentException("grades must be given best first, numbered from 0: " + grades);
            }
        }
    }

    public Grade top() {
        return grades.get(0);
    }

    public Grade lowest() {
        return grades.get(grades.size() - 1);
    }

    /** The grade one place below (the lowest stays the lowest). */
    public Grade below(Grade grade) {
        return grades.get(Math.min(grade.order() + 1, grades.size() - 1));
    }

    /** The grade whose code or Chinese name is {@code text}. */
    public Optional<Grade> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        return grades.stream().filter(g -> g.name().equalsIgnoreCase(t) || g.label().equals(t)).findFirst();
    }

    /** The grade of a stored code; an unknown code (a damaged row) becomes a grade that says so. */
    public Grade byCode(String code) {
        return find(code).orElseGet(() -> new Grade(code, code, grades.size()));
    }
}

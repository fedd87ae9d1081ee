package org.kaohe.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kaohe.records.SubjectType;
import org.kaohe.rules.book.Method;
import org.kaohe.rules.book.PartRow;

/** A subject being scored by the reference: its view of the book, its lines, and its grades and rank as decided. */
final class ReferenceSubject {

    static final String CLAMP = "CLAMP";

    final SubjectType type;
    final String id;
    final ReferenceBook view;
    final List<ReferenceResult.Line> lines = new ArrayList<>();
    String band;
    String gated;
    String finalGrade;
    int rank;
    boolean vetoed;

    ReferenceSubject(SubjectType type, String id, ReferenceBook view) {
        this.type = type;
        this.id = id;
        this.view = view;
    }

    ReferenceGrades grades() {
        return new ReferenceGrades(view.grades(type));
    }

    /** Adds a line; its points are rounded to 2 decimals half up here, once. */
    void add(String part, String rule, BigDecimal points) {
        lines.add(new ReferenceResult.Line(part, rule, points.setScale(2, RoundingMode.HALF_UP)));
    }

    BigDecimal sum(String part) {
        return lines.stream().filter(l -> l.part().equals(part)).map(ReferenceResult.Line::points)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The sum of the lines of every part scored by this method. */
    BigDecimal sumOf(Method method) {
        return view.parts(type).stream().filter(p -> p.method() == method).map(p -> sum(p.code()))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    BigDecimal score() {
        return lines.stream().map(ReferenceResult.Line::points).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Every part of the view (a deduction part as a positive amount), and the clamp when it applied. */
    ReferenceResult toResult() {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        Set<String> deductions = new HashSet<>();
        for (PartRow part : view.parts(type)) {
            boolean deduction = part.method() == Method.DEDUCTION;
            parts.put(part.code(), deduction ? sum(part.code()).negate() : sum(part.code()));
            if (deduction) {
                deductions.add(part.code());
            }
        }
        if (lines.stream().anyMatch(l -> l.part().equals(CLAMP))) {
            parts.put(CLAMP, sum(CLAMP));
        }
        return new ReferenceResult(type, id, score(), parts, deductions, band, gated, finalGrade, rank, vetoed, lines);
    }
}

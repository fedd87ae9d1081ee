package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kaohe.errors.Message;
import org.kaohe.records.DeptType;
import org.kaohe.records.Project;
import org.kaohe.records.SubjectType;

/** parts.csv: parts adding up to the full marks in every department type's view, nothing scored twice. */
final class PartChecks extends TableChecks {

    PartChecks(BookFindings findings) {
        super(findings);
    }

    void parts() {
        Map<String, RowRef> seen = new HashMap<>();
        for (PartRow part : book.parts()) {
            RowRef first = seen.putIfAbsent(part.code() + "|" + part.subjectType() + "|" + part.deptType(), part.ref());
            if (first != null) {
                problem(part.ref(), "code", Message.of("rules.part.twice", part.code(), Integer.toString(first.line())));
            }
            boolean cadreOnly = part.method() == Method.APPRAISAL || part.method() == Method.LEADER_RATING;
            if (cadreOnly && part.subjectType() != SubjectType.CADRE) {
                problem(part.ref(), "method", Message.of("rules.part.cadresOnly", part.method().named()));
            }
            if (part.method() == Method.CADRE_MEAN && part.subjectType() != SubjectType.DEPARTMENT) {
                problem(part.ref(), "method", Message.of("rules.part.meanForDepartments"));
            }
        }
        if (!whole(BookTable.PARTS) || !settingsUsable()) {
            return;
        }
        for (DeptType deptType : DeptType.values()) {
            BookView view = book.view(deptType);
            for (SubjectType type : SubjectType.values()) {
                partsOfView(view, type);
            }
        }
    }

    private void partsOfView(BookView view, SubjectType type) {
        List<PartRow> parts = view.parts(type);
        DeptType deptType = view.deptType();
        if (parts.isEmpty()) {
            inView(new RowRef(BookTable.PARTS.fileName(), 0), "", Message.of("rules.view.noParts", type.named()),
                    deptType);
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (PartRow part : parts) {
            if (part.method().countsTowardFullMarks()) {
                sum = sum.add(part.max());
            }
        }
        SettingName fullMarksName = type == SubjectType.CADRE ? SettingName.FULL_MARKS_CADRE
                : SettingName.FULL_MARKS_DEPARTMENT;
        BigDecimal fullMarks = view.setting(fullMarksName);
        if (sum.compareTo(fullMarks) != 0) {
            inView(new RowRef(BookTable.PARTS.fileName(), 0), "", Message.of("rules.view.fullMarks", type.named(),
                    sum.toPlainString(), fullMarksName.name(), fullMarks.toPlainString(), maxima(parts)), deptType);
        }
        for (Method single : List.of(Method.APPRAISAL, Method.LEADER_RATING, Method.CADRE_MEAN)) {
            List<PartRow> same = parts.stream().filter(p -> p.method() == single).toList();
            if (same.size() > 1) {
                inView(same.get(1).ref(), "method", Message.of("rules.view.twoParts", type.named(), single.named(),
                        same.get(0).code(), same.get(1).code()), deptType);
            }
        }
        overlappingTargets(parts.stream().filter(p -> p.method() == Method.TARGETS).toList(), type, deptType);
    }

    /**
     * Targets parts whose projects overlap an earlier one's: each part is reported once, naming the
     * first earlier part it overlaps, so the check lists at most one problem per row however many
     * parts overlap (parts.csv holds at most {@link BookLimits#MAX_PARTS} rows).
     */
    private void overlappingTargets(List<PartRow> targets, SubjectType type, DeptType deptType) {
        for (int j = 1; j < targets.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (overlap(targets.get(i).projects(), targets.get(j).projects())) {
                    inView(targets.get(j).ref(), "projects", Message.of("rules.view.targetsOverlap", type.named(),
                            targets.get(i).code(), targets.get(j).code()), deptType);
                    break;
                }
            }
        }
    }

    private static boolean overlap(Set<Project> a, Set<Project> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        return a.stream().anyMatch(b::contains);
    }

    /**
     * The parts that make the full marks, each cited at its row as explanations cite rules, in no
     * language: "T 60 (parts.csv:2) + A 20 (parts.csv:3)".
     */
    private static String maxima(List<PartRow> parts) {
        return String.join(" + ", parts.stream().filter(p -> p.method().countsTowardFullMarks())
                .map(p -> p.code() + " " + p.max().toPlainString() + " (" + p.ref() + ")").toList());
    }


}

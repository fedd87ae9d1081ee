package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
                problem(part.ref(), "code", "计分部分 " + part.code() + " 重复,第 " + first.line() + " 行已有 / part given"
                        + " twice, first at row " + first.line());
            }
            boolean cadreOnly = part.method() == Method.APPRAISAL || part.method() == Method.LEADER_RATING;
            if (cadreOnly && part.subjectType() != SubjectType.CADRE) {
                problem(part.ref(), "method", part.method().label() + "只能用于干部 / " + part.method() + " scores cadres only");
            }
            if (part.method() == Method.CADRE_MEAN && part.subjectType() != SubjectType.DEPARTMENT) {
                problem(part.ref(), "method", "干部平均得分只能用于部门 / CADRE_MEAN scores departments only");
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
        String who = type == SubjectType.CADRE ? "干部" : "部门";
        DeptType deptType = view.deptType();
        if (parts.isEmpty()) {
            inView(new RowRef(BookTable.PARTS.fileName(), 0), "", who + "没有任何计分部分 / no scored part for " + type, deptType);
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
            inView(new RowRef(BookTable.PARTS.fileName(), 0), "", who + "各计分部分(加分、扣分除外)满分之和为 " + sum.toPlainString()
                    + ",应等于参数 " + fullMarksName + " " + fullMarks.toPlainString() + ":" + maxima(parts)
                    + " / the parts' maxima add up to " + sum.toPlainString() + ", not " + fullMarksName + " "
                    + fullMarks.toPlainString(), deptType);
        }
        for (Method single : List.of(Method.APPRAISAL, Method.LEADER_RATING, Method.CADRE_MEAN)) {
            List<PartRow> same = parts.stream().filter(p -> p.method() == single).toList();
            if (same.size() > 1) {
                inView(same.get(1).ref(), "method", who + "有两个「" + single.label() + "」部分(" + same.get(0).code() + "、"
                        + same.get(1).code() + "),同一数据会计两次分 / two parts would score the same records twice", deptType);
            }
        }
        overlappingTargets(parts.stream().filter(p -> p.method() == Method.TARGETS).toList(), who, deptType);
    }

    /**
     * Targets parts whose projects overlap an earlier one's: each part is reported once, naming the
     * first earlier part it overlaps, so the check lists at most one problem per row however many
     * parts overlap (parts.csv holds at most {@link BookLimits#MAX_PARTS} rows).
     */
    private void overlappingTargets(List<PartRow> targets, String who, DeptType deptType) {
        for (int j = 1; j < targets.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (overlap(targets.get(i).projects(), targets.get(j).projects())) {
                    inView(targets.get(j).ref(), "projects", who + "目标任务部分 " + targets.get(i).code() + " 与 "
                            + targets.get(j).code() + " 的目标范围重叠,同一目标会计两次分;请在「目标范围」中分别列出工程类别 / two"
                            + " targets parts cover the same projects", deptType);
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

    /** The parts that make the full marks, with their rows: "T(第2行)60 + A(第3行)20 + L(第4行)20". */
    private static String maxima(List<PartRow> parts) {
        return String.join(" + ", parts.stream().filter(p -> p.method().countsTowardFullMarks())
                .map(p -> p.code() + "(第" + p.ref().line() + "行)" + p.max().toPlainString()).toList());
    }
}

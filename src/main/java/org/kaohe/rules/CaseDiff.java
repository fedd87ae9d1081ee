package org.kaohe.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kaohe.records.CodedValue;
import org.kaohe.records.SubjectType;

/**
 * What accepting a draft's results changes in one scenario case, read from the case's files before
 * and after, so what is shown is exactly what is written: each value of {@code expected.csv} that
 * changes (old and new side by side), each subject's part of {@code expected-lines.csv} whose lines
 * change (all its lines before and after), the subjects whose notes are now marked to re-check,
 * and the problems accepting cannot solve (a rule the case no longer reaches: rewrite the case).
 */
public record CaseDiff(String caseName, String about, List<Change> changes, List<String> recheck,
                       List<RuleProblem> remaining) {

    /** One value: the file and row it is in (0 for a row added), whose, which value, before and after. */
    public record Change(String file, int line, String subject, String item, String before, String after) {}

    public CaseDiff {
        changes = List.copyOf(changes);
        recheck = List.copyOf(recheck);
        remaining = List.copyOf(remaining);
    }

    /** True when accepting leaves the case as it was. */
    public boolean empty() {
        return changes.isEmpty();
    }

    /** The values that differ between two versions of a case's files (name → content, null when absent). */
    static List<Change> changes(String folder, Map<String, String> before, Map<String, String> after, List<String> recheck) {
        List<Change> changes = new ArrayList<>();
        expected(folder + ScenarioCases.EXPECTED, before.get(ScenarioCases.EXPECTED), after.get(ScenarioCases.EXPECTED),
                changes, recheck);
        lines(folder + ScenarioCases.EXPECTED_LINES, before.get(ScenarioCases.EXPECTED_LINES),
                after.get(ScenarioCases.EXPECTED_LINES), changes);
        return changes;
    }

    private static final String[][] VALUES = {{"score", "得分"}, {"grade", "等次"}, {"rank", "排名"}, {"vetoed", "一票否决"}};

    private static void expected(String file, String before, String after, List<Change> changes, List<String> recheck) {
        if (before == null || after == null || before.equals(after)) {
            return;
        }
        CaseTable old = CaseTable.read(file, before, new ArrayList<>());
        CaseTable now = CaseTable.read(file, after, new ArrayList<>());
        for (int i = 0; i < Math.min(old.rows.size(), now.rows.size()); i++) {
            CaseTable.Row a = old.rows.get(i);
            CaseTable.Row b = now.rows.get(i);
            String who = subject(old, a);
            for (String[] value : VALUES) {
                String x = old.get(a, value[0], value[1]);
                String y = now.get(b, value[0], value[1]);
                if (!x.equals(y)) {
                    changes.add(new Change(file, a.line, who, value[1], x, y));
                }
            }
            if (!old.get(a, "note", "说明").equals(now.get(b, "note", "说明")) && CaseNotes.toRecheck(now.get(b, "note", "说明"))) {
                recheck.add(who);
            }
        }
    }

    private static void lines(String file, String before, String after, List<Change> changes) {
        if (after == null || after.equals(before)) {
            return;
        }
        CaseTable old = CaseTable.read(file, before == null ? CaseRewrite.LINES_HEADER + "\n" : before, new ArrayList<>());
        CaseTable now = CaseTable.read(file, after, new ArrayList<>());
        Map<String, List<CaseTable.Row>> a = groups(old);
        Map<String, List<CaseTable.Row>> b = groups(now);
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            List<CaseTable.Row> x = a.getOrDefault(key, List.of());
            List<CaseTable.Row> y = b.getOrDefault(key, List.of());
            String was = describe(old, x);
            String is = describe(now, y);
            if (!was.equals(is)) {
                CaseTable.Row first = x.isEmpty() ? y.get(0) : x.get(0);
                CaseTable table = x.isEmpty() ? now : old;
                changes.add(new Change(file, x.isEmpty() ? 0 : first.line, subject(table, first),
                        "部分 " + table.get(first, "part", "部分"), was, is));
            }
        }
    }

    private static Map<String, List<CaseTable.Row>> groups(CaseTable table) {
        Map<String, List<CaseTable.Row>> groups = new LinkedHashMap<>();
        for (CaseTable.Row row : table.rows) {
            groups.computeIfAbsent(table.subjectKey(row) + "|" + table.get(row, "part", "部分"), k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    /** A part's lines as the case states them: {@code 3 国家级表彰; 1 国家级宣传信息采用}. */
    private static String describe(CaseTable table, List<CaseTable.Row> rows) {
        List<String> lines = new ArrayList<>();
        for (CaseTable.Row row : rows) {
            String reason = table.get(row, "reason", "原因");
            lines.add(table.get(row, "points", "分值") + (reason.isEmpty() ? "" : " " + reason));
        }
        return String.join(";", lines);
    }

    /** The subject a row names, as people read it: 干部 C1. */
    private static String subject(CaseTable table, CaseTable.Row row) {
        String written = table.get(row, "subject_type", "对象类型");
        SubjectType type = CodedValue.lookup(SubjectType.class, written);
        return (type == null ? written : type.label()) + " " + table.get(row, "subject_id", "对象编号");
    }
}

package org.kaohe.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.kaohe.records.SubjectType;
import org.kaohe.results.ResultSeal;
import org.kaohe.results.RunSealer;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.PartLabel;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;

/**
 * A stored run compared field by field with the same import evaluated again under the same
 * rulebook version: the run's grade scales and part names, each subject's name, department,
 * score, parts, grades (band, gated, final), rank and veto, and each explanation line's rule, part,
 * points, reason and evidence, in the stored order. Stored lines arrive one subject at a time
 * ({@link #lines}), so a city-sized run is never held twice.
 *
 * <p>A run made under an old-format rulebook was computed by Drools rules that no longer exist;
 * the replay goes through the translation of its tables. Its rule names (the old rules' names) are
 * not compared, and a reason worded otherwise on a line whose part, points and evidence are
 * identical is listed apart as a wording difference (the old rules' code wrote the sentence): every
 * figure is still compared.
 */
final class ReplayComparison {

    /** At most this many differences are kept for the report; the rest are only counted. */
    static final int MAX_LISTED = 1_000;

    private final Map<String, SubjectResult> replayed = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final boolean ruleNames;
    private final Found differences = new Found();
    private final Found wordings = new Found();
    private final Set<String> withStoredLines = new HashSet<>();
    private long linesCompared;

    /** What was found of one kind: the first {@link #MAX_LISTED}, and how many in all. */
    static final class Found {
        private final List<ReplayDifference> listed = new ArrayList<>();
        private long count;

        private void add(ReplayDifference difference) {
            count++;
            if (listed.size() < MAX_LISTED) {
                listed.add(difference);
            }
        }

        List<ReplayDifference> listed() {
            return List.copyOf(listed);
        }

        long count() {
            return count;
        }
    }

    /** {@code oldFormat}: the run was made under an old-format rulebook (see the class comment). */
    ReplayComparison(EvaluationOutcome replay, boolean oldFormat) {
        replay.subjects().stream().sorted(RunSealer.ORDER).forEach(s -> replayed.put(RunSealer.subjectKey(s), s));
        this.ruleNames = !oldFormat;
    }

    /** The grade scale of each subject type the run was read with. */
    void scales(Map<SubjectType, GradeScale> stored, Map<SubjectType, GradeScale> replay) {
        for (SubjectType type : SubjectType.values()) {
            String before = scaleText(stored.get(type));
            String after = scaleText(replay.get(type));
            if (!Objects.equals(before, after)) {
                add(ReplayDifference.ofRun("等次表 grade scale " + type, before, after));
            }
        }
    }

    /** The part names the run was read with; runs made before part names were stored have none to compare. */
    void partNames(List<PartLabel> stored, List<PartLabel> replay) {
        if (!stored.isEmpty() && !stored.equals(replay)) {
            add(ReplayDifference.ofRun("分项名称 part names", partsText(stored), partsText(replay)));
        }
    }

    /** Every stored subject (lines apart) against its replay; a subject on one side only is a difference too. */
    void subjects(List<SubjectResult> stored) {
        Set<String> seen = new LinkedHashSet<>();
        for (SubjectResult s : stored) {
            String key = RunSealer.subjectKey(s);
            seen.add(key);
            names.put(key, s.name());
            SubjectResult r = replayed.get(key);
            if (r == null) {
                add(new ReplayDifference(key, s.name(), 0, "", "对象 subject", "存在 present", null));
                continue;
            }
            field(key, s, "名称 name", s.name(), r.name());
            field(key, s, "部门 department", s.deptId(), r.deptId());
            field(key, s, "得分 score", cents(s.score()), cents(r.score()));
            Set<String> parts = new LinkedHashSet<>(r.parts().keySet());
            parts.addAll(s.parts().keySet());
            for (String part : parts) {
                field(key, s, "分项 part " + part, cents(s.parts().get(part)), cents(r.parts().get(part)));
            }
            field(key, s, "分数段等次 band grade", grade(s.bandGrade()), grade(r.bandGrade()));
            field(key, s, "关卡后等次 gated grade", grade(s.gatedGrade()), grade(r.gatedGrade()));
            field(key, s, "最终等次 final grade", grade(s.finalGrade()), grade(r.finalGrade()));
            field(key, s, "排名 rank", Integer.toString(s.rank()), Integer.toString(r.rank()));
            field(key, s, "一票否决 veto", Boolean.toString(s.vetoed()), Boolean.toString(r.vetoed()));
        }
        replayed.forEach((key, r) -> {
            if (!seen.contains(key)) {
                add(new ReplayDifference(key, r.name(), 0, "", "对象 subject", null, "存在 present"));
            }
        });
    }

    /** One stored subject's lines, in their stored order, against the replay's. */
    void lines(String key, List<ExplanationLine> stored) {
        withStoredLines.add(key);
        SubjectResult r = replayed.get(key);
        if (r == null) {
            return; // already reported as a subject the replay does not have
        }
        List<ExplanationLine> replay = r.lines();
        String name = names.getOrDefault(key, r.name());
        for (int i = 0; i < Math.max(stored.size(), replay.size()); i++) {
            int number = i + 1;
            if (i >= stored.size()) {
                add(new ReplayDifference(key, name, number, replay.get(i).rule(), "明细 line", null, lineText(replay.get(i))));
            } else if (i >= replay.size()) {
                add(new ReplayDifference(key, name, number, stored.get(i).rule(), "明细 line", lineText(stored.get(i)), null));
            } else {
                compareLine(key, name, number, stored.get(i), replay.get(i));
            }
        }
        linesCompared += stored.size();
    }

    /** After the stored lines: a subject of the replay with lines, of which nothing is stored. */
    void linesDone() {
        replayed.forEach((key, r) -> {
            if (names.containsKey(key) && !withStoredLines.contains(key)) {
                lines(key, List.of());
            }
        });
    }

    /** What differs: any of these means the stored run is not what its rules make of its records. */
    Found differences() {
        return differences;
    }

    /** Old-format runs only: reasons worded otherwise on lines that are identical in every figure. */
    Found wordings() {
        return wordings;
    }

    long linesCompared() {
        return linesCompared;
    }

    private void compareLine(String key, String name, int number, ExplanationLine s, ExplanationLine r) {
        if (ruleNames && !Objects.equals(s.rule(), r.rule())) {
            add(new ReplayDifference(key, name, number, r.rule(), "规则 rule", s.rule(), r.rule()));
        }
        String rule = s.rule(); // where the line is named as the subject's page shows it
        boolean figuresDiffer = lineField(key, name, number, rule, "分项 part", s.part(), r.part())
                | lineField(key, name, number, rule, "分值 points", cents(s.points()), cents(r.points()))
                | lineField(key, name, number, rule, "依据 evidence", ResultSeal.evidenceText(s.evidence()),
                        ResultSeal.evidenceText(r.evidence()));
        // A run stored before reasons were typed compares by its Chinese text (ReasonText.same).
        if (!ReasonText.same(s.reason(), r.reason())) {
            ReplayDifference reason = new ReplayDifference(key, name, number, rule, "理由 reason",
                    ReasonText.chinese(s.reason()), ReasonText.chinese(r.reason()));
            if (ruleNames || figuresDiffer) {
                add(reason);
            } else {
                wordings.add(reason);
            }
        }
    }

    private void field(String key, SubjectResult s, String what, String stored, String replay) {
        if (!Objects.equals(stored, replay)) {
            add(new ReplayDifference(key, s.name(), 0, "", what, stored, replay));
        }
    }

    /** Adds the difference, if any; true when there was one. */
    private boolean lineField(String key, String name, int number, String rule, String what, String stored,
                              String replay) {
        if (Objects.equals(stored, replay)) {
            return false;
        }
        add(new ReplayDifference(key, name, number, rule, what, stored, replay));
        return true;
    }

    private void add(ReplayDifference difference) {
        differences.add(difference);
    }

    private String lineText(ExplanationLine line) {
        return (ruleNames ? line.rule() + " " : "") + line.part() + " " + cents(line.points()) + " " + ReasonText.chinese(line.reason())
                + (line.evidence().isEmpty() ? "" : " [" + ResultSeal.evidenceText(line.evidence()) + "]");
    }

    /** Points as stored: two decimals (the database keeps no more, so 5 and 5.00 are the same figure). */
    private static String cents(BigDecimal value) {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String grade(Grade grade) {
        return grade.name() + " " + grade.label();
    }

    private static String scaleText(GradeScale scale) {
        return scale == null ? null : String.join(", ", scale.grades().stream().map(ReplayComparison::grade).toList());
    }

    private static String partsText(List<PartLabel> parts) {
        return String.join(", ", parts.stream().map(p -> p.subjectType() + " " + p.code() + " " + p.name()).toList());
    }
}

package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.kaohe.records.DeptType;

/** settings.csv: every setting given once, and sensible in every department type's view. */
final class SettingChecks extends TableChecks {

    SettingChecks(BookFindings findings) {
        super(findings);
    }

    void settings() {
        Map<String, SettingRow> seen = new HashMap<>();
        for (SettingRow row : book.settings()) {
            SettingRow first = seen.putIfAbsent(row.name() + "|" + row.deptType(), row);
            if (first != null) {
                problem(row.ref(), "name", "参数 " + row.name() + (row.deptType() == null ? "" : "(" + row.deptType().label()
                        + ")") + " 重复,第 " + first.ref().line() + " 行已有 / setting given twice, first at row "
                        + first.ref().line());
            }
        }
        if (!whole(BookTable.SETTINGS)) {
            return;
        }
        for (SettingName name : SettingName.values()) {
            if (book.settings().stream().noneMatch(s -> s.name() == name && s.deptType() == null)) {
                problem(BookTable.SETTINGS, "缺少参数 " + name + "(" + name.meaning() + ",适用于所有部门的一行)"
                        + " / setting " + name + " missing (a row for all departments)");
            }
        }
        if (!settingsUsable()) {
            return;
        }
        for (DeptType type : DeptType.values()) {
            BookView view = book.view(type);
            if (view.setting(SettingName.SCORE_MIN).compareTo(view.setting(SettingName.SCORE_MAX)) >= 0) {
                inView(view.settingRow(SettingName.SCORE_MIN).ref(), "value", "总分下限 SCORE_MIN 应小于总分上限 "
                        + "SCORE_MAX / SCORE_MIN must be below SCORE_MAX", type);
            }
            BigDecimal scale = view.setting(SettingName.VOTE_SCALE);
            SettingName[] weights = {SettingName.VOTE_WEIGHT_GOOD, SettingName.VOTE_WEIGHT_FAIR,
                    SettingName.VOTE_WEIGHT_AVERAGE, SettingName.VOTE_WEIGHT_POOR};
            for (int i = 0; i < weights.length; i++) {
                BigDecimal weight = view.setting(weights[i]);
                if (weight.compareTo(scale) > 0) {
                    inView(view.settingRow(weights[i]).ref(), "value", weights[i] + " 超过票折算分满分 VOTE_SCALE "
                            + scale.toPlainString() + ",民主测评会超过满分 / a vote weight above VOTE_SCALE", type);
                }
                if (i > 0 && weight.compareTo(view.setting(weights[i - 1])) > 0) {
                    inView(view.settingRow(weights[i]).ref(), "value", weights[i] + " 高于 " + weights[i - 1]
                            + ",较差的票不应比较好的票折算分高 / a worse vote must not weigh more", type);
                }
            }
        }
    }
}

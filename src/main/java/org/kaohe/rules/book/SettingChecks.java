package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.kaohe.errors.Message;
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
                String line = Integer.toString(first.ref().line());
                problem(row.ref(), "name", row.deptType() == null ? Message.of("rules.setting.twice", row.name().name(), line)
                        : Message.of("rules.setting.twiceForType", row.name().name(), line,
                                row.deptType().named()));
            }
        }
        if (!whole(BookTable.SETTINGS)) {
            return;
        }
        for (SettingName name : SettingName.values()) {
            if (book.settings().stream().noneMatch(s -> s.name() == name && s.deptType() == null)) {
                problem(BookTable.SETTINGS, Message.of("rules.setting.missingForAll", name.name(), name.meaning()));
            }
        }
        if (!settingsUsable()) {
            return;
        }
        for (DeptType type : DeptType.values()) {
            BookView view = book.view(type);
            if (view.setting(SettingName.SCORE_MIN).compareTo(view.setting(SettingName.SCORE_MAX)) >= 0) {
                inView(view.settingRow(SettingName.SCORE_MIN).ref(), "value", Message.of("rules.view.scoreBounds"), type);
            }
            BigDecimal scale = view.setting(SettingName.VOTE_SCALE);
            SettingName[] weights = {SettingName.VOTE_WEIGHT_GOOD, SettingName.VOTE_WEIGHT_FAIR,
                    SettingName.VOTE_WEIGHT_AVERAGE, SettingName.VOTE_WEIGHT_POOR};
            for (int i = 0; i < weights.length; i++) {
                BigDecimal weight = view.setting(weights[i]);
                if (weight.compareTo(scale) > 0) {
                    inView(view.settingRow(weights[i]).ref(), "value", Message.of("rules.view.weightAboveScale",
                            weights[i].name(), scale.toPlainString()), type);
                }
                if (i > 0 && weight.compareTo(view.setting(weights[i - 1])) > 0) {
                    inView(view.settingRow(weights[i]).ref(), "value", Message.of("rules.view.worseWeighsMore",
                            weights[i].name(), weights[i - 1].name()), type);

                }
            }
        }
    }
}

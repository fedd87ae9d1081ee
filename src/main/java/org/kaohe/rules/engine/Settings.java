package org.kaohe.rules.engine;

import java.math.BigDecimal;

import org.kaohe.rules.book.BookView;
import org.kaohe.rules.book.SettingName;

/** The settings of one department type's view, as typed values the rules read. */
public record Settings(BigDecimal lateFactor, BigDecimal keyWorkRatio, BigDecimal voteGood, BigDecimal voteFair,
                       BigDecimal voteAverage, BigDecimal votePoor, BigDecimal voteScale, BigDecimal cadreScoreScale,
                       BigDecimal secretaryAgeLimit, BigDecimal scoreMin, BigDecimal scoreMax, BookView view) {

    static Settings of(BookView view) {
        return new Settings(view.setting(SettingName.LATE_FACTOR), view.setting(SettingName.KEY_WORK_RATIO),
                view.setting(SettingName.VOTE_WEIGHT_GOOD), view.setting(SettingName.VOTE_WEIGHT_FAIR),
                view.setting(SettingName.VOTE_WEIGHT_AVERAGE), view.setting(SettingName.VOTE_WEIGHT_POOR),
                view.setting(SettingName.VOTE_SCALE), view.setting(SettingName.CADRE_SCORE_SCALE),
                view.setting(SettingName.SECRETARY_AGE_LIMIT), view.setting(SettingName.SCORE_MIN),
                view.setting(SettingName.SCORE_MAX), view);
    }

    /** The settings row an explanation line cites. */
    public String rule(SettingName name) {
        return view.settingRow(name).ref().toString();
    }
}

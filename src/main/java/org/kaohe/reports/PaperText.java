package org.kaohe.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.kaohe.records.Period;
import org.kaohe.results.StaleReason;
import org.kaohe.scoring.ReasonText;

/** How the quarter's and the year's paper writes dates, points and an out-of-date run: one wording for both. */
final class PaperText {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private PaperText() {}

    /** Under the title, when the run the paper is printed from is out of date: that it is, and why. */
    static void staleMark(PdfPages pdf, String run, List<StaleReason> stale) {
        if (!stale.isEmpty()) {
            pdf.text("注意:本结果已过时,未反映现行规则或最新数据(" + run + "):", 11);
            stale.forEach(reason -> pdf.text("· " + ReasonText.chinese(reason.reason()), 10, 12));
            pdf.gap(6);
        }
    }

    /** "2026年第三季度". */
    static String quarter(Period period) {
        return period.year() + "年第" + "一二三四".charAt(period.quarter() - 1) + "季度";
    }

    static String score(BigDecimal score) {
        return score.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String signed(BigDecimal points) {
        String text = points.setScale(2, RoundingMode.HALF_UP).toPlainString();
        return points.signum() > 0 ? "+" + text : text;
    }
}

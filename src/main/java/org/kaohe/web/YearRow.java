package org.kaohe.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kaohe.annual.AnnualResults;
import org.kaohe.results.RunSealer;
import org.kaohe.results.SealStatus;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriUtils;

/**
 * One row of the year's tables, worded once in Java: the template only places its text. A page of
 * the year shows 200 rows; worded in the template, each row cost a dozen expressions and message
 * look-ups, and rendering was most of the request (a 100,000-cadre year's page, a server just started).
 * It words exactly what the template did: the annual grade's message, else the grade's name in the
 * reader's language; the rank, blank when none; each grade reason; the row's seal state; its links
 * (the subject's page, and a department's paper under {@code paperPath}). Public, as the templates'
 * compiled expressions read only public types.
 */
public record YearRow(String subjectId, String name, String deptId, BigDecimal score, String grade, String rank,
                      String vetoed, List<String> reasons, String seal, boolean altered, String href, String paperPath) {

    /** A department's summary (PDF). */
    public String summaryHref() {
        return paperPath + "summary.pdf";
    }

    /** A department's cadres' notices (ZIP). */
    public String noticesHref() {
        return paperPath + "notices.zip";
    }

    /** The rows of these subjects of the checked year, in the reader's language. */
    static List<YearRow> of(List<SubjectResult> subjects, AnnualResults.CheckedYear checked,
                            Map<String, List<Reason>> gradeReasons, Wording wording) {
        return subjects.stream().map(s -> of(s, checked, gradeReasons, wording)).toList();
    }

    private static YearRow of(SubjectResult s, AnnualResults.CheckedYear checked, Map<String, List<Reason>> gradeReasons,
                              Wording wording) {
        SealStatus seal = checked.statusOf(s);
        List<Reason> reasons = gradeReasons.getOrDefault(RunSealer.subjectKey(s), List.of());
        String year = wording.contextPath + "/years/" + checked.run().year() + "/";
        String id = UriUtils.encodePathSegment(s.subjectId(), StandardCharsets.UTF_8);
        return new YearRow(s.subjectId(), s.name(), s.deptId(), s.score(), wording.names.annualGrade(s.finalGrade()),
                s.rank() == 0 ? "" : Integer.toString(s.rank()), wording.message(s.vetoed() ? "common.yes" : "common.no"),
                reasons.stream().map(wording.reasons::text).toList(), wording.message("seal.status." + seal),
                seal == SealStatus.ALTERED, year + "subjects/" + id, year + "departments/" + id + "/");
    }

    /**
     * What words the rows: the messages, the rulebook's names and the reasons, in one locale; and the
     * application's context path, which its links start with (as a template's {@code @{/...}} would).
     */
    record Wording(MessageSource messages, NamesView names, ReasonsView reasons, Locale locale, String contextPath) {

        String message(String code) {
            return messages.getMessage(code, null, locale);
        }
    }
}

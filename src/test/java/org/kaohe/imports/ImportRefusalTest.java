package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;
import org.kaohe.errors.RefusedException;
import org.kaohe.imports.ImportReport.Status;

/** A refused import as the faces answer it: its problems located, every error counted, worded per reader. */
class ImportRefusalTest {

    private static final ImportProblem BAD_DATE = new ImportProblem("cadres.csv", 3, "birth_date",
            ImportProblem.Severity.ERROR, Message.of("import.cell.noSuchDate", "1970-13-45"));

    @Test
    void aRefusalCarriesTheListedProblemsAndCountsEveryError() {
        ImportReport report = new ImportReport(PeriodFiles.PERIOD, Status.REJECTED, null, null, List.of(),
                List.of(BAD_DATE), 0, 0);

        RefusedException refusal = report.refusal();

        assertThat(refusal.problems()).singleElement().isEqualTo(BAD_DATE);
        assertThat(refusal.summary()).isEqualTo(Message.of("refused.import", "1"));
        assertThat(refusal.lines(Locale.ENGLISH)).containsExactly("cadres.csv:3:birth_date: no such date: 1970-13-45",
                "the import has 1 error(s): nothing was stored");
    }

    @Test
    void problemsLeftUnlistedAreCountedInTheSummaryAndTheNote() {
        ImportReport report = new ImportReport(PeriodFiles.PERIOD, Status.REJECTED, null, null, List.of(),
                List.of(BAD_DATE), 3, 1);

        assertThat(report.refusal().summary()).isEqualTo(Message.of("refused.importOmitted", "4", "3", "1",
                Integer.toString(ImportLimits.MAX_PROBLEMS_LISTED)));
        assertThat(report.omittedNote(Locale.ENGLISH))
                .isEqualTo("3 more errors and 1 more warnings not listed (only the first 200 are)");
        assertThat(report.omittedNote()).startsWith("另有 3 个错误、1 个警告未列出").endsWith(report.omittedNote(Locale.ENGLISH));
    }
}

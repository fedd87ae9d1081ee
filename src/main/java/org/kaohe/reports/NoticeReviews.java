package org.kaohe.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.kaohe.results.ListedResult;
import org.kaohe.reviews.Review;

/**
 * What paper printed from one run says about the reviews (复核) of its subjects: a result a review
 * replaced, or a re-run's result a 维持 decision did not adopt, carries a mark saying which run is in
 * force and since when; the result in force states the review (when it was asked, the decision,
 * its note) and no longer invites a review that was decided. Official paper: Chinese only.
 */
final class NoticeReviews {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final long runId;
    private final List<Review> reviews;

    /** {@code reviews}: those about the run ({@code ReviewService.aboutRun}), oldest first. */
    NoticeReviews(long runId, List<Review> reviews) {
        this.runId = runId;
        this.reviews = List.copyOf(reviews);
    }

    /**
     * The mark of a result that is not the one in force: "已被第 N 次运行取代(复核)" with the date of
     * the decision, or the re-run's result a 维持 decision left aside. Empty for a result in force.
     */
    Optional<String> mark(String subjectId) {
        Optional<String> replaced = of(subjectId).stream().filter(r -> r.replaced(runId)).reduce((a, b) -> b)
                .map(r -> "已被第 " + r.reviewRunId() + " 次运行取代(复核):" + date(r.decidedAt())
                        + "复核决定变更,本结果不再有效,以第 " + r.reviewRunId() + " 次运行的结果为准");
        return replaced.or(() -> of(subjectId).stream().filter(r -> r.notAdopted(runId)).reduce((a, b) -> b)
                .map(r -> "复核未采用本结果:" + date(r.decidedAt()) + "复核决定维持第 " + r.originalRunId()
                        + " 次运行的结果,以该次运行的结果为准"));
    }

    /** The short form of {@link #mark}: the stamp atop each page, a row of a department's summary. */
    private Optional<String> shortMark(String subjectId) {
        Optional<String> replaced = of(subjectId).stream().filter(r -> r.replaced(runId)).reduce((a, b) -> b)
                .map(r -> "【已被第 " + r.reviewRunId() + " 次运行取代(复核," + date(r.decidedAt()) + "决定)】");
        return replaced.or(() -> of(subjectId).stream().filter(r -> r.notAdopted(runId)).reduce((a, b) -> b)
                .map(r -> "【复核维持第 " + r.originalRunId() + " 次运行的结果(" + date(r.decidedAt()) + "决定),本行未采用】"));
    }

    /** One paragraph per decided review that made this run's result the one in force. */
    private List<String> statements(String subjectId) {
        return of(subjectId).stream().filter(r -> r.decidedInFavourOf(runId)).map(this::statement).toList();
    }

    /** The short form of {@link #statements} for a row of a department's summary. */
    private Optional<String> shortStatement(String subjectId) {
        return of(subjectId).stream().filter(r -> r.decidedInFavourOf(runId)).reduce((a, b) -> b)
                .map(r -> "复核" + r.decision().label() + "(" + date(r.decidedAt()) + ")");
    }

    /** A request about this result still awaiting its decision. */
    private Optional<String> pending(String subjectId) {
        return of(subjectId).stream().filter(r -> r.pendingOn(runId)).reduce((a, b) -> b)
                .map(r -> "复核:" + r.requestedBy() + " 已于 " + date(r.requestDate()) + "申请复核,尚待决定;决定后另行通知。");
    }

    /** Whether the notice may still invite the subject to ask for a review: no review of it decided or pending. */
    private boolean mayInvite(String subjectId) {
        return of(subjectId).isEmpty();
    }

    /** A result a review replaced (or left aside) says so atop every page and in red under the title. */
    void markNotInForce(PdfPages pdf, String subjectId) {
        shortMark(subjectId).ifPresent(pdf::stamp);
        mark(subjectId).ifPresent(mark -> pdf.alert(mark, 13).gap(6));
    }

    /**
     * Under a notice's table: the review of the result in force (when asked, the decision, its note),
     * or the request awaiting a decision; the invitation to ask for a review only when there is none.
     */
    void paragraphs(PdfPages pdf, String subjectId) {
        pdf.gap(10);
        statements(subjectId).forEach(statement -> pdf.text(statement, 11, 24));
        pending(subjectId).ifPresent(pending -> pdf.text(pending, 11, 24));
        if (mayInvite(subjectId)) {
            pdf.text("如对考核结果有异议,可向组织人事科申请复核。", 11, 24);
        }
        pdf.gap(16);
    }

    /** A cadre's row in a department's summary: the review's mark, or the decision that made this result stand. */
    Optional<String> rowNote(String subjectId) {
        return shortMark(subjectId).or(() -> shortStatement(subjectId));
    }

    /** Under a summary's table: each cadre whose result here a review replaced, by name; the department's own review. */
    void underSummary(PdfPages pdf, String deptId, List<ListedResult> cadres) {
        for (ListedResult cadre : cadres) {
            mark(cadre.subjectId()).ifPresent(mark -> pdf.gap(4).alert(cadre.subjectId() + " " + cadre.name() + ":" + mark, 10));
        }
        statements(deptId).forEach(statement -> pdf.gap(4).text(statement, 10));
    }

    private String statement(Review r) {
        String asked = "复核:" + r.requestedBy() + " 于 " + date(r.requestDate()) + "申请复核(理由:" + r.reason() + ")。";
        String decided = date(r.decidedAt()) + "复核决定" + r.decision().label() + ":" + (r.decision() == Review.Decision.CHANGE
                ? "以本次(第 " + runId + " 次)运行的结果取代第 " + r.originalRunId() + " 次运行的结果。"
                : "维持本结果(已与第 " + r.reviewRunId() + " 次运行的结果比较)。");
        String note = r.note() == null || r.note().isBlank() ? "" : "说明:" + r.note();
        return asked + decided + note;
    }

    private List<Review> of(String subjectId) {
        return reviews.stream().filter(r -> r.subjectId().equals(subjectId)).toList();
    }

    private static String date(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate().format(DATE);
    }

    private static String date(LocalDate day) {
        return day == null ? "" : day.format(DATE);
    }
}

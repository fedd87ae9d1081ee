package org.kaohe.reviews;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kaohe.audit.AuditLog;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.scoring.SubjectResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Label;
import org.kaohe.errors.Message;

/**
 * Records review requests and decisions, and reads them back by period and by subject. Every
 * request and decision is checked (a located, bilingual message for each bad field) and written to
 * the audit log in the same transaction.
 */
@Service
public class ReviewService {

    /** How many reviews a period has, by state. */
    public record Counts(Period period, long total, long open, long maintained, long changed) {}

    /** What HR types in when a subject asks for a review. */
    public record Request(String requestedBy, LocalDate requestDate, String reason, String attachments) {}

    private static final String SELECT = """
            SELECT r.*, d.review_run_id, d.decision, d.note, d.decided_by, d.decided_at
            FROM review r LEFT JOIN review_decision d ON d.review_id = r.id""";

    private final JdbcClient jdbc;
    private final RunQueries runs;
    private final AuditLog auditLog;

    ReviewService(JdbcClient jdbc, RunQueries runs, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.auditLog = auditLog;
    }

    /** Records a request about a subject's result in a run; returns the new review. */
    @Transactional
    public Review request(long runId, String subjectId, Request request, String user) {
        RunInfo run = runs.run(runId).orElseThrow(() -> new InvalidInputException(Message.of("input.run.unknown", String.valueOf(runId))));
        SubjectResult subject = runs.subject(runId, subjectId).orElseThrow(() ->
                new InvalidInputException(Message.of("input.review.subjectUnknown", org.kaohe.errors.Echo.of(subjectId))));
        String requestedBy = text("requested_by", "申请人", request.requestedBy(), 200, true);
        String reason = text("reason", "复核理由", request.reason(), 2000, true);
        String attachments = text("attachments", "附件", request.attachments(), 4000, false);
        if (request.requestDate() == null) {
            throw new InvalidInputException(Message.of("input.field.required", new Label("申请日期", "request_date")));
        }
        if (request.requestDate().isAfter(LocalDate.now())) {
            throw new InvalidInputException(Message.of("input.review.requestDateFuture", request.requestDate().toString()));
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO review (period, subject_type, subject_id, subject_name, original_run_id, requested_by,
                                            request_date, reason, attachments, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(run.period().toString(), subject.subjectType().name(), subject.subjectId(), subject.name(),
                        runId, requestedBy, request.requestDate(), reason, attachments, user, OffsetDateTime.now())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        auditLog.record(user, "REVIEW_REQUESTED", requestedDetail(id, run, subject, requestedBy, request.requestDate(),
                reason));
        return get(id).orElseThrow();
    }

    /**
     * Records the decision on an open review, made after comparing the original result with the
     * subject's result in {@code reviewRunId} (a later run of the same period).
     */
    @Transactional
    public Review decide(long reviewId, long reviewRunId, Review.Decision decision, String note, String user) {
        Review review = get(reviewId).orElseThrow(() -> new InvalidInputException(Message.of("input.review.unknown", String.valueOf(reviewId))));
        if (!review.open()) {
            throw new InvalidInputException(Message.of("input.review.decided", review.decision().named()));
        }
        RunInfo reRun = runs.run(reviewRunId).orElseThrow(() ->
                new InvalidInputException(Message.of("input.run.unknown", String.valueOf(reviewRunId))));
        if (!reRun.period().equals(review.period()) || reRun.id() <= review.originalRunId()) {
            throw new InvalidInputException(Message.of("input.review.laterRun", String.valueOf(reviewRunId)));
        }
        if (runs.subject(reviewRunId, review.subjectId()).isEmpty()) {
            throw new InvalidInputException(Message.of("input.review.subjectNotInRun", String.valueOf(reviewRunId)));
        }
        if (decision == null) {
            throw new InvalidInputException(Message.of("input.review.decision"));
        }
        String shortNote = text("note", "说明", note, 2000, false);
        try {
            jdbc.sql("""
                            INSERT INTO review_decision (review_id, review_run_id, decision, note, decided_by, decided_at)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(reviewId, reviewRunId, decision.name(), shortNote, user, OffsetDateTime.now())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(Message.of("input.review.decidedMeanwhile"));
        }
        auditLog.record(user, "REVIEW_DECIDED", decidedDetail(review, reviewRunId, decision, shortNote));
        return get(reviewId).orElseThrow();
    }

    public Optional<Review> get(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(ReviewService::review).optional();
    }

    /** Reviews of a period, newest first; every period when null. */
    public List<Review> list(Period period) {
        return period == null
                ? jdbc.sql(SELECT + " ORDER BY r.id DESC").query(ReviewService::review).list()
                : jdbc.sql(SELECT + " WHERE r.period = ? ORDER BY r.id DESC").param(period.toString())
                        .query(ReviewService::review).list();
    }

    /**
     * Reviews that concern a run: those asked about one of its results, and those decided by comparing
     * with it (its re-run), oldest first. What a notice printed from the run has to say about them.
     */
    public List<Review> aboutRun(long runId) {
        return jdbc.sql(SELECT + " WHERE r.original_run_id = ? OR d.review_run_id = ? ORDER BY r.id")
                .params(runId, runId).query(ReviewService::review).list();
    }

    /** Reviews of one subject in a period, newest first. */
    public List<Review> ofSubject(Period period, SubjectType type, String subjectId) {
        return jdbc.sql(SELECT + " WHERE r.period = ? AND r.subject_type = ? AND r.subject_id = ? ORDER BY r.id DESC")
                .params(period.toString(), type.name(), subjectId)
                .query(ReviewService::review).list();
    }

    /** Counts per period, newest period first. */
    public List<Counts> counts() {
        return jdbc.sql("""
                        SELECT r.period, COUNT(*) AS total,
                               SUM(CASE WHEN d.decision IS NULL THEN 1 ELSE 0 END) AS open_count,
                               SUM(CASE WHEN d.decision = 'MAINTAIN' THEN 1 ELSE 0 END) AS maintained,
                               SUM(CASE WHEN d.decision = 'CHANGE' THEN 1 ELSE 0 END) AS changed
                        FROM review r LEFT JOIN review_decision d ON d.review_id = r.id
                        GROUP BY r.period ORDER BY r.period DESC""")
                .query((rs, n) -> new Counts(Period.parse(rs.getString("period")), rs.getLong("total"),
                        rs.getLong("open_count"), rs.getLong("maintained"), rs.getLong("changed")))
                .list();
    }

    /** The audit entry's named values for a request: worded by {@code audit.detail.REVIEW_REQUESTED}. */
    private static Map<String, Object> requestedDetail(long id, RunInfo run, SubjectResult subject, String requestedBy,
                                                       LocalDate requestDate, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("review", id);
        detail.put("period", run.period());
        detail.put("subject", subject.subjectId());
        detail.put("name", subject.name());
        detail.put("run", run.id());
        detail.put("requestedBy", requestedBy);
        detail.put("requestDate", requestDate);
        detail.put("reason", reason);
        return detail;
    }

    /** The audit entry's named values for a decision, its note included: worded by {@code audit.detail.REVIEW_DECIDED}. */
    private static Map<String, Object> decidedDetail(Review review, long reviewRunId, Review.Decision decision,
                                                     String note) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("review", review.id());
        detail.put("period", review.period());
        detail.put("subject", review.subjectId());
        detail.put("name", review.subjectName());
        detail.put("decision", decision.name());
        detail.put("originalRun", review.originalRunId());
        detail.put("reviewRun", reviewRunId);
        detail.put("inForce", decision == Review.Decision.CHANGE ? reviewRunId : review.originalRunId());
        detail.put("note", note.isEmpty() ? "—" : note);
        return detail;
    }

    /** A text field: trimmed, required or not, at most {@code max} characters; a located message otherwise. */
    private static String text(String field, String chinese, String value, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            throw new InvalidInputException(Message.of("input.field.required", new Label(chinese, field)));
        }
        if (v.length() > max) {
            throw new InvalidInputException(Message.of("input.field.tooLong", new Label(chinese, field),
                    String.valueOf(max), String.valueOf(v.length())));
        }
        return v;
    }

    private static Review review(ResultSet rs, int n) throws SQLException {
        String decision = rs.getString("decision");
        long reviewRun = rs.getLong("review_run_id");
        return new Review(rs.getLong("id"), Period.parse(rs.getString("period")),
                SubjectType.valueOf(rs.getString("subject_type")), rs.getString("subject_id"),
                rs.getString("subject_name"), rs.getLong("original_run_id"), rs.getString("requested_by"),
                rs.getObject("request_date", LocalDate.class), rs.getString("reason"), rs.getString("attachments"),
                rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class),
                decision == null ? null : reviewRun,
                decision == null ? null : Review.Decision.valueOf(decision), rs.getString("note"),
                rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class));
    }
}

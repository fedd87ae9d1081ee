package org.kaohe.reviews;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.kaohe.records.CodedValue;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;

/**
 * A review request and, once made, its decision ({@code decision} null while open).
 *
 * @param originalRunId the run whose result was asked about
 * @param reviewRunId   the re-run the decision compared it with; null while open
 */
public record Review(long id, Period period, SubjectType subjectType, String subjectId, String subjectName,
                     long originalRunId, String requestedBy, LocalDate requestDate, String reason, String attachments,
                     String recordedBy, OffsetDateTime recordedAt, Long reviewRunId, Decision decision, String note,
                     String decidedBy, OffsetDateTime decidedAt) {

    /** The outcome of a review. */
    public enum Decision implements CodedValue {
        /** 维持: the original result stands. */
        MAINTAIN("维持"),
        /** 变更: the re-run's result replaces the original. */
        CHANGE("变更");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public boolean open() {
        return decision == null;
    }

    /** The run whose result is in force for this subject after the review: the re-run when changed. */
    public long runInForce() {
        return decision == Decision.CHANGE ? reviewRunId : originalRunId;
    }

    /** True when the decision replaced this subject's result in {@code runId} (变更 of that run's result). */
    public boolean replaced(long runId) {
        return decision == Decision.CHANGE && originalRunId == runId;
    }

    /** True when this run was the re-run a 维持 decision did not adopt: its result for the subject is not in force. */
    public boolean notAdopted(long runId) {
        return decision == Decision.MAINTAIN && reviewRunId == runId;
    }

    /** True when the decision made this run's result the one in force for the subject. */
    public boolean decidedInFavourOf(long runId) {
        return !open() && runInForce() == runId;
    }

    /** True when the request about this run's result awaits its decision. */
    public boolean pendingOn(long runId) {
        return open() && originalRunId == runId;
    }
}

package org.kaohe.records;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A target of a cadre or a department (targets.csv). {@code doneDate} is null while not done;
 * planned and weight are positive, actual is not negative.
 */
public record Target(String targetId, SubjectType ownerType, String ownerId, Project project, String title,
                     BigDecimal planned, BigDecimal actual, BigDecimal weight, LocalDate dueDate,
                     LocalDate doneDate, boolean keyWork, SourceRef source) {

    /** Done after its due date (docs/scheme.md: earns the late factor). */
    public boolean late() {
        return doneDate != null && doneDate.isAfter(dueDate);
    }
}

package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.Set;

import org.kaohe.records.DeptType;
import org.kaohe.records.Project;
import org.kaohe.records.SubjectType;

/**
 * parts.csv: a scored part of a subject type — its code (T, A, ZF, …), Chinese name, maximum and
 * method; {@code deptType} null for every department type, else it replaces the general row of the
 * same code for that type. {@code max} is null only for a deduction part without a cap.
 * {@code nameEn} is its English name, empty when the table gives none.
 * {@code projects} limits a targets part to targets of those projects (empty: all).
 */
public record PartRow(RowRef ref, String code, String name, String nameEn, SubjectType subjectType, DeptType deptType,
                      BigDecimal max, Method method, Set<Project> projects) {
    public PartRow {
        projects = Set.copyOf(projects);
    }

    /** True when a targets part counts targets of this project. */
    public boolean covers(Project project) {
        return projects.isEmpty() || projects.contains(project);
    }

    /** The rule an explanation line cites: this row of parts.csv. */
    public String rule() {
        return ref.toString();
    }
}

package org.kaohe.rules.book;

import org.kaohe.records.DeptType;
import org.kaohe.records.SubjectType;

/**
 * participation.csv: a cadre with fewer than {@code minVotes} appraisal votes gets
 * {@code appraisal} for the appraisal part and, when {@code effect} is given, that effect on the
 * grade ({@code grade} a grade code, null for NO_TOP or no effect).
 */
public record ParticipationRow(RowRef ref, SubjectType subjectType, DeptType deptType, int minVotes,
                               AppraisalEffect appraisal, GateEffect effect, String grade) {}

package org.kaohe.rules;

import java.math.BigDecimal;

import org.kaohe.records.SubjectType;

/** A subject's score S: the sum of its lines, cap and clamp lines included. */
public record Score(SubjectType subjectType, String subjectId, BigDecimal value) {}

package org.kaohe.rules;

import org.kaohe.records.SubjectType;
import org.kaohe.scoring.Grade;

/** The grade a subject's score falls in by the grade bands (RULEBOOK §4.1). */
public record BandGrade(SubjectType subjectType, String subjectId, Grade grade) {}

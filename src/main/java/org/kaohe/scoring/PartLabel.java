package org.kaohe.scoring;

import org.kaohe.records.SubjectType;

/** A scored part as a run names it: code (T, A, ZF, …) and Chinese name, for a subject type. */
public record PartLabel(SubjectType subjectType, String code, String name) {}

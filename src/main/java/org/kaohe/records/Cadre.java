package org.kaohe.records;

import java.time.LocalDate;

/** A cadre of the period's roster (cadres.csv); {@code deptId} is the department in that period. */
public record Cadre(String cadreId, String name, String deptId, String position, LocalDate birthDate,
                    SourceRef source) {}

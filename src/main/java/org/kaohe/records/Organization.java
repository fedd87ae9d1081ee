package org.kaohe.records;

/** A grassroots organization of a department (organizations.csv). */
public record Organization(String orgId, String deptId, Area area, int secretaryAge, int members, int activities,
                           SourceRef source) {}

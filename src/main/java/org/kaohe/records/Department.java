package org.kaohe.records;

/** A department of the period's roster (departments.csv). */
public record Department(String deptId, String name, DeptType type, SourceRef source) {}

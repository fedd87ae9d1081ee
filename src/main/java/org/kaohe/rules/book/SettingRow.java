package org.kaohe.rules.book;

import java.math.BigDecimal;

import org.kaohe.records.DeptType;

/** settings.csv: a setting's value for every department ({@code deptType} null) or for one type. */
public record SettingRow(RowRef ref, SettingName name, DeptType deptType, BigDecimal value) {}

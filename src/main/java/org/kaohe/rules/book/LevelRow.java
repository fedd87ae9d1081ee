package org.kaohe.rules.book;

/** levels.csv: a level an item may have (NATIONAL 国家级, …), by code and Chinese name. */
public record LevelRow(RowRef ref, String code, String name) {}

package org.kaohe.rules.book;

/**
 * levels.csv: a level an item may have (NATIONAL 国家级, …), by code, Chinese name and English name
 * (empty when the table gives none).
 */
public record LevelRow(RowRef ref, String code, String name, String nameEn) {}

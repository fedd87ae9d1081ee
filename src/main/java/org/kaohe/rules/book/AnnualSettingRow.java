package org.kaohe.rules.book;

import java.math.BigDecimal;

/** annual-settings.csv: one setting of the annual assessment. */
public record AnnualSettingRow(RowRef ref, AnnualSettingName name, BigDecimal value) {}

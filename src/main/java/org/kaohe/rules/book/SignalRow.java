package org.kaohe.rules.book;

import java.math.BigDecimal;

/** signals.csv: one threshold of one warning signal. */
public record SignalRow(RowRef ref, SignalParameter name, BigDecimal value) {}

package org.kaohe.rules;

import java.math.BigDecimal;

/** A number of the rulebook a leader may change, inserted by the settings decision table (参数表). */
public record Setting(String name, BigDecimal value) {}

package org.kaohe.rules.book;

import java.math.RoundingMode;

import org.kaohe.records.CodedValue;

/** How a share quota (share × group size) becomes a whole number of places. */
public enum Rounding implements CodedValue {
    HALF_UP("四舍五入", RoundingMode.HALF_UP),
    FLOOR("向下取整", RoundingMode.FLOOR),
    CEILING("向上取整", RoundingMode.CEILING);

    private final String label;
    private final RoundingMode mode;

    Rounding(String label, RoundingMode mode) {
        this.label = label;
        this.mode = mode;
    }

    @Override
    public String label() {
        return label;
    }

    public RoundingMode mode() {
        return mode;
    }
}

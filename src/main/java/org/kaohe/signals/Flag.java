package org.kaohe.signals;

import java.math.BigDecimal;
import java.util.List;

import org.kaohe.rules.book.SignalKind;

/**
 * One warning: the signal, the department (and for a cadre's signal the cadre) it is about, what was
 * measured, this subject's value, the city's, the threshold and the row of signals.csv it comes from,
 * and the records behind it. {@code key} names the flag within its run, for a note on it.
 */
public record Flag(SignalKind signal, String deptId, String deptName, String cadreId, String cadreName,
                   Measure measure, BigDecimal value, BigDecimal city, BigDecimal threshold, String rule,
                   List<Evidence> evidence) {

    public Flag {
        // figures are kept with four decimals, as stored: a flag read back equals the one computed
        // (a threshold keeps the scale it was written with in signals.csv, 0.95, unless set here)
        value = Stats.figure(value);
        city = Stats.figure(city);
        threshold = Stats.figure(threshold);
        evidence = List.copyOf(evidence);
    }

    /** {@code UNIFORM_APPRAISAL/D03/GOOD_SHARE}, or with the cadre for a cadre's signal. */
    public String key() {
        return signal + "/" + deptId + (cadreId == null ? "" : "/" + cadreId) + "/" + measure;
    }
}

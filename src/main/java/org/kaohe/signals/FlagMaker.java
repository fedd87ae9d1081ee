package org.kaohe.signals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.kaohe.rules.book.SignalParameter;

/** Builds flags with the department's name and the row of signals.csv a threshold comes from. */
final class FlagMaker {

    private final SignalInputs inputs;
    private final Map<String, String> departments;

    FlagMaker(SignalInputs inputs) {
        this.inputs = inputs;
        this.departments = inputs.departments();
    }

    Map<String, String> departments() {
        return departments;
    }

    double threshold(SignalParameter parameter) {
        return inputs.thresholds().value(parameter).doubleValue();
    }

    /** A department's flag, the threshold the parameter's value. */
    Flag department(SignalParameter parameter, String deptId, Measure measure, double value, double city,
                    List<Evidence> evidence) {
        return flag(parameter, deptId, null, null, measure, value, city, inputs.thresholds().value(parameter), evidence);
    }

    Flag flag(SignalParameter parameter, String deptId, String cadreId, String cadreName, Measure measure, double value,
              double city, BigDecimal threshold, List<Evidence> evidence) {
        return new Flag(parameter.signal(), deptId, departments.getOrDefault(deptId, deptId), cadreId, cadreName, measure,
                Stats.figure(value), Stats.figure(city), threshold, inputs.thresholds().ref(parameter).toString(),
                evidence);
    }
}

package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.kaohe.errors.Message;
import org.kaohe.rules.RuleProblem;

/**
 * The thresholds of the warning signals as signals.csv gives them (each parameter once), with the
 * row each came from, so a flag can cite the rule behind its threshold as a score line does.
 */
public final class SignalThresholds {

    private final Map<SignalParameter, SignalRow> rows = new EnumMap<>(SignalParameter.class);

    SignalThresholds(List<SignalRow> rows) {
        rows.forEach(row -> this.rows.putIfAbsent(row.name(), row));
    }

    /** The parameter's value; every parameter is present in a book that passed its checks. */
    public BigDecimal value(SignalParameter parameter) {
        SignalRow row = rows.get(parameter);
        if (row == null) {
            throw new IllegalStateException("signals.csv has no " + parameter);
        }
        return row.value();
    }

    /** The row of signals.csv the parameter is read from, as explanations cite rules ({@code signals.csv:4}). */
    public RowRef ref(SignalParameter parameter) {
        return rows.get(parameter).ref();
    }

    /** Every parameter with its row, in the order of {@link SignalParameter}. */
    public Map<SignalParameter, SignalRow> rows() {
        return java.util.Collections.unmodifiableMap(rows);
    }

    /**
     * The table's own checks once its cells are read: every parameter exactly once, under its own
     * signal. {@code whole} is false when a cell could not be read (then a missing row is not claimed).
     */
    static List<RuleProblem> check(Rulebook book, List<SignalRow> read, boolean whole) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<SignalParameter, SignalRow> seen = new EnumMap<>(SignalParameter.class);
        String file = BookTable.SIGNALS.fileName();
        for (SignalRow row : read) {
            SignalRow first = seen.putIfAbsent(row.name(), row);
            if (first != null) {
                problems.add(new RuleProblem(file, row.ref().line(), book.columnName(file, "name"),
                        Message.of("rules.setting.twice", row.name().name(), Integer.toString(first.ref().line()))));
            }
        }
        if (whole) {
            for (SignalParameter parameter : SignalParameter.values()) {
                if (!seen.containsKey(parameter)) {
                    problems.add(new RuleProblem(file, 0, Message.of("rules.signal.missing", parameter.name(),
                            parameter.signal().label(), parameter.meaning())));

                }
            }
        }
        return problems;
    }
}

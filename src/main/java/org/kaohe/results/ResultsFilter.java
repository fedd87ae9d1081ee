package org.kaohe.results;

import java.util.Arrays;
import java.util.Locale;

import org.kaohe.records.SubjectType;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;

/**
 * Which results a list shows and in what order: by subject type, department and final grade (its
 * code in the run's grade scale; null or blank: all), sorted by one column (ties by type and id). The results page, its exports and
 * the results API all read through one of these, so an export holds what the page showed.
 */
public record ResultsFilter(SubjectType type, String dept, String grade, Sort sort, boolean descending) {

    /** The columns a list can be sorted by. */
    public enum Sort {
        /** A department's own row first, then its cadres by rank: the order HR reads a city in. */
        DEPT, ID, NAME, SCORE, GRADE, RANK;

        /** {@code score}, {@code SCORE}: the sort a request names; an unknown name is a client error. */
        public static Sort of(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                String columns = String.join(", ",
                        Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
                throw new InvalidInputException(Message.of("input.results.sortColumn", columns, name));
            }
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ResultsFilter {
        dept = dept == null || dept.isBlank() ? null : dept.trim();
        grade = grade == null || grade.isBlank() ? null : grade.trim();
        sort = sort == null ? Sort.DEPT : sort;
    }

    /** Every result, in the page's default order. */
    public static ResultsFilter all() {
        return new ResultsFilter(null, null, null, Sort.DEPT, false);
    }
}

package org.kaohe.results;

import java.math.BigDecimal;
import java.util.List;

import org.kaohe.records.SubjectType;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.Reason;

/**
 * One row of a results list as people read it: the subject with its department's name, the grade
 * by score band and the final grade, the rank (within the department for a cadre, city-wide for a
 * department) and the reasons of every grade gate, veto and quota line (why the grade is what it
 * is when the score alone would say otherwise). {@code seal} is what checking this row against its
 * seal found (null until the row is checked, {@link RunChecks#page}).
 */
public record ListedResult(SubjectType subjectType, String subjectId, String name, String deptId, String deptName,
                           BigDecimal score, Grade bandGrade, Grade finalGrade, int rank, boolean vetoed,
                           List<Reason> gradeReasons, SealStatus seal) {

    public ListedResult {
        gradeReasons = List.copyOf(gradeReasons);
    }

    /** True when a gate, veto or quota changed the grade the score band gave. */
    public boolean gradeChanged() {
        return vetoed || !bandGrade.equals(finalGrade);
    }

    ListedResult withDeptName(String name) {
        return new ListedResult(subjectType, subjectId, this.name, deptId, name, score, bandGrade, finalGrade, rank,
                vetoed, gradeReasons, seal);
    }

    ListedResult withReasons(List<Reason> reasons) {
        return new ListedResult(subjectType, subjectId, name, deptId, deptName, score, bandGrade, finalGrade, rank,
                vetoed, reasons, seal);
    }

    ListedResult withSeal(SealStatus status) {
        return new ListedResult(subjectType, subjectId, name, deptId, deptName, score, bandGrade, finalGrade, rank,
                vetoed, gradeReasons, status);
    }
}

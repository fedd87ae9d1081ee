package org.kaohe.rules.engine;

import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.DeptType;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;

/**
 * Who is scored in a session: a cadre or a department. Rules start from a subject so that
 * "nothing of a kind" (no targets, no votes, no cadres) can be explained. {@code deptId} is the
 * cadre's department, or the department's own id; {@code deptType} is that department's type.
 */
public record Subject(SubjectType type, String id, String name, String deptId, DeptType deptType,
                      SourceRef source) {

    /** A cadre of a department of the given type. */
    static Subject of(Cadre cadre, DeptType deptType) {
        return new Subject(SubjectType.CADRE, cadre.cadreId(), cadre.name(), cadre.deptId(), deptType, cadre.source());
    }

    static Subject of(Department department) {
        return new Subject(SubjectType.DEPARTMENT, department.deptId(), department.name(), department.deptId(),
                department.type(), department.source());
    }
}

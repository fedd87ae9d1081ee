package org.kaohe.rules;

import org.kaohe.records.DeptType;
import org.kaohe.records.Organization;

/**
 * Derived once: a shortfall of a grassroots organization that the organization-deductions table
 * prices. {@code kind} is NO_MEMBERS (有组织无人员), NO_ACTIVITIES (有组织无活动) or
 * OVER_AGE_SECRETARY (书记超龄); {@code deptType} lets the table limit a row to one type of department.
 */
public record OrgShortfall(String kind, Organization organization, DeptType deptType) {

    /** Chinese name of the shortfall, for explanation lines. */
    public String label() {
        return switch (kind) {
            case "NO_MEMBERS" -> "有组织无人员";
            case "NO_ACTIVITIES" -> "有组织无活动";
            case "OVER_AGE_SECRETARY" -> "书记超龄(" + organization.secretaryAge() + "岁)";
            default -> kind;
        };
    }
}

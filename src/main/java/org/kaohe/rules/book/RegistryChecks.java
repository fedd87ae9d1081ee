package org.kaohe.rules.book;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.kaohe.records.SubjectType;

/** kinds.csv and levels.csv: codes and names unique, sources and levels that exist. */
final class RegistryChecks extends TableChecks {

    private final Map<String, RowRef> firstRows = new HashMap<>();

    RegistryChecks(BookFindings findings) {
        super(findings);
    }

    void registry() {
        for (LevelRow level : book.levels()) {
            duplicate("level code", level.code(), level.ref(), "code", "级别代码");
            duplicate("level name", level.name(), level.ref(), "name", "级别名称");
        }
        Map<String, KindRow> codes = new HashMap<>();
        for (KindRow kind : book.kinds()) {
            codes.putIfAbsent(kind.code().toUpperCase(), kind);
            duplicate("kind code", kind.code().toUpperCase(), kind.ref(), "code", "事项代码");
            duplicate("kind name", kind.name(), kind.ref(), "name", "事项名称");
            DerivedKind derived = DerivedKind.of(kind.code()).orElse(null);
            if (derived != null && kind.source() != derived.source()) {
                problem(kind.ref(), "source", kind.code() + " 由系统从" + derived.source().label() + "数据中识别,来源应为 "
                        + derived.source() + " / a built-in kind: its source is " + derived.source());
            } else if (derived == null && kind.source() != ItemSource.EVENT) {
                problem(kind.ref(), "source", "新增事项只能来自事项登记(EVENT);系统能识别的" + kind.source().label()
                        + "事项只有:" + String.join("、", EnumSet.allOf(DerivedKind.class).stream()
                        .filter(d -> d.source() == kind.source()).map(Enum::name).toList())
                        + " / a new kind must be an EVENT kind");
            }
            if (derived != null && derived.source() == ItemSource.ORGANIZATION && kind.appliesTo() == SubjectType.CADRE) {
                problem(kind.ref(), "applies_to", "组织建设事项只适用于部门 / organization items belong to departments");
            }
            for (String level : kind.levels()) {
                if (whole(BookTable.LEVELS)
                        && book.levels().stream().noneMatch(l -> l.code().equalsIgnoreCase(level) || l.name().equals(level))) {
                    problem(kind.ref(), "levels", "级别「" + level + "」未在级别表 levels.csv 中登记 / level not in levels.csv");
                }
            }
        }
        for (KindRow kind : book.kinds()) {
            KindRow other = codes.get(kind.name().toUpperCase());
            if (other != null && other != kind) {
                problem(kind.ref(), "name", "名称「" + kind.name() + "」与第 " + other.ref().line() + " 行的代码相同,导入时"
                        + "无法区分 / the name equals another kind's code");
            }
        }
    }

    private void duplicate(String namespace, String key, RowRef ref, String column, String what) {
        RowRef earlier = firstRows.putIfAbsent(namespace + "|" + key, ref);
        if (earlier != null) {
            problem(ref, column, what + "「" + key + "」重复,第 " + earlier.line() + " 行已有 / duplicate, first at row "
                    + earlier.line());
        }
    }
}

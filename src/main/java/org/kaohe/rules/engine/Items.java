package org.kaohe.rules.engine;

import java.math.BigDecimal;
import java.util.List;

import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;
import org.kaohe.rules.book.DerivedKind;

/** The items the classify rules derive from records: one factory per source. */
public final class Items {

    private Items() {}

    /** An event of events.csv: its kind, level and count as recorded; the note quoted in reasons. */
    public static Item event(Event e) {
        String note = e.note() == null || e.note().isBlank() ? "" : "「" + e.note().trim() + "」";
        return new Item(e.subjectType(), e.subjectId(), e.kind(), e.level(), e.count(), true, "", note,
                List.of(e.source()));
    }

    /** A shortfall of a grassroots organization, charged to its department. */
    public static Item organization(Organization o, DerivedKind kind) {
        String detail = kind == DerivedKind.OVER_AGE_SECRETARY ? "(" + o.secretaryAge() + "岁)" : "";
        return new Item(SubjectType.DEPARTMENT, o.deptId(), kind.name(), null, 1, false, "组织「" + o.orgId() + "」",
                detail, List.of(o.source()));
    }

    /** A key-work target done to at least ratio × planned (超额完成重点工作). */
    public static Item keyWork(Target t, BigDecimal ratio) {
        String detail = "「" + t.title() + "」(完成 " + Points.plain(t.actual()) + "/计划 " + Points.plain(t.planned())
                + " ≥ " + Points.plain(ratio) + " 倍)";
        return new Item(t.ownerType(), t.ownerId(), DerivedKind.KEY_WORK_OVERFULFILLED.name(), null, 1, false, "", detail,
                List.of(t.source()));
    }
}

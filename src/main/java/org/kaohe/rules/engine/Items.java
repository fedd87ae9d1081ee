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
        String units = Integer.toString(e.count());
        boolean noted = e.note() != null && !e.note().isBlank();
        return new Item(e.subjectType(), e.subjectId(), e.kind(), e.level(), e.count(),
                noted ? "event.note" : "event", noted ? List.of(e.note().trim(), units) : List.of(units),
                List.of(e.source()));
    }

    /** A shortfall of a grassroots organization, charged to its department. */
    public static Item organization(Organization o, DerivedKind kind) {
        boolean age = kind == DerivedKind.OVER_AGE_SECRETARY;
        return new Item(SubjectType.DEPARTMENT, o.deptId(), kind.name(), null, 1, age ? "org.age" : "org",
                age ? List.of(o.orgId(), Integer.toString(o.secretaryAge())) : List.of(o.orgId()), List.of(o.source()));
    }

    /** A key-work target done to at least ratio × planned (超额完成重点工作). */
    public static Item keyWork(Target t, BigDecimal ratio) {
        return new Item(t.ownerType(), t.ownerId(), DerivedKind.KEY_WORK_OVERFULFILLED.name(), null, 1, "keyWork",
                List.of(t.title(), Points.plain(t.actual()), Points.plain(t.planned()), Points.plain(ratio)),
                List.of(t.source()));
    }
}

package org.kaohe.rules.book;

import java.util.List;

import org.kaohe.records.SubjectType;

/**
 * kinds.csv: a kind of item — its code, Chinese name (either may be written in events.csv), who it
 * applies to ({@code appliesTo} null: cadres and departments), the levels it takes (empty: any
 * level or none) and where its items come from. {@code nameEn} is its English name, empty when
 * the table gives none.
 */
public record KindRow(RowRef ref, String code, String name, String nameEn, SubjectType appliesTo, List<String> levels,
                      ItemSource source) {
    public KindRow {
        levels = List.copyOf(levels);
    }
}

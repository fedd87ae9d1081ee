package org.kaohe.rules.book;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of item Kaohe derives from records other than events.csv. The registry (kinds.csv)
 * names and prices them like any other kind, but how they are found is Kaohe's.
 */
public enum DerivedKind {
    /** 有组织无人员: an organization with no members. */
    NO_MEMBERS(ItemSource.ORGANIZATION),
    /** 有组织无活动: an organization with no activity in the period. */
    NO_ACTIVITIES(ItemSource.ORGANIZATION),
    /** 书记超龄: an organization whose secretary is older than SECRETARY_AGE_LIMIT. */
    OVER_AGE_SECRETARY(ItemSource.ORGANIZATION),
    /** 超额完成重点工作: a key-work target whose actual reaches KEY_WORK_RATIO × planned. */
    KEY_WORK_OVERFULFILLED(ItemSource.TARGET);

    private final ItemSource source;

    DerivedKind(ItemSource source) {
        this.source = source;
    }

    public ItemSource source() {
        return source;
    }

    public static Optional<DerivedKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst();
    }
}

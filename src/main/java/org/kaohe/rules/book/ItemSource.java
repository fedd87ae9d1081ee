package org.kaohe.rules.book;

import org.kaohe.records.CodedValue;

/**
 * Where the items of a kind come from. Leaders add kinds recorded in events.csv; the kinds Kaohe
 * derives from other records (organizations without members, over-age secretaries, overfulfilled
 * key work) are built in, and the registry only names them.
 */
public enum ItemSource implements CodedValue {
    EVENT("事项登记"),
    ORGANIZATION("组织建设"),
    TARGET("目标任务");

    private final String label;

    ItemSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

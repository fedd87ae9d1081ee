package org.kaohe.imports;

import java.util.HashMap;
import java.util.Map;

import org.kaohe.errors.Message;

/** Remembers the ids of one file, reporting a repeated one with the line it first appeared on. */
final class UniqueIds {

    private final Map<String, Integer> firstLine = new HashMap<>();

    /** False (and an error reported) when {@code id} was already seen in this file. */
    boolean add(RowFields fields, String column, String id) {
        if (id == null) {
            return true;
        }
        Integer first = firstLine.putIfAbsent(id, fields.line());
        if (first != null) {
            fields.error(column, Message.of("import.row.duplicateId", Integer.toString(first), id));
            return false;
        }
        return true;
    }
}

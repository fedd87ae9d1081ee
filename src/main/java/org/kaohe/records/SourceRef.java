package org.kaohe.records;

/**
 * Where a record came from: the file name and the line number in it (the header is line 1).
 * Auditors follow every point of a score back to one of these.
 */
public record SourceRef(String file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}

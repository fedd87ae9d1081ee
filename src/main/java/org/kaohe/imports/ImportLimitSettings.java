package org.kaohe.imports;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * This installation's import limits ({@link ImportLimits}): the defaults suit a city of 100,000
 * cadres; a province's quarter (a million cadres make some 340 MB of CSV and 2.5 million target rows)
 * needs them raised, with {@code kaohe.imports.max-megabytes} and
 * {@code kaohe.imports.max-rows-per-file}, and a heap of about ten times its largest file (an import
 * holds one file's text at a time, to store it with the version). Made at start even where beans are made on first use (the
 * command line), so that every import path reads the same limits.
 */
@Component
@Lazy(false)
class ImportLimitSettings {

    /** Each setting absent: its default in {@link ImportLimits}. */
    ImportLimitSettings(@Value("${kaohe.imports.max-rows-per-file:0}") int rowsPerFile,
                        @Value("${kaohe.imports.max-megabytes:0}") long megabytes) {
        if (rowsPerFile < 0 || megabytes < 0) {
            throw new IllegalStateException("导入上限不能为负 / import limits cannot be negative:"
                    + " kaohe.imports.max-rows-per-file=" + rowsPerFile + ", kaohe.imports.max-megabytes=" + megabytes);
        }
        ImportLimits.set(rowsPerFile == 0 ? ImportLimits.DEFAULT_MAX_ROWS_PER_FILE : rowsPerFile,
                megabytes == 0 ? ImportLimits.DEFAULT_MAX_UNPACKED_BYTES : megabytes * 1024 * 1024);
    }
}

package org.kaohe.imports;

import org.kaohe.records.ItemRegistry;

/**
 * Where the import finds the kinds and levels it accepts: the published rulebook's registry.
 * Implemented by the rules module, which depends on records (not the other way round).
 */
public interface ItemRegistrySource {
    ItemRegistry publishedRegistry();
}

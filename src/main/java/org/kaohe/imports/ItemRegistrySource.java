package org.kaohe.imports;

import org.kaohe.records.ItemRegistry;
import org.springframework.modulith.NamedInterface;

/**
 * Where the import finds the kinds and levels it accepts: the published rulebook's registry.
 * Implemented by the rules module, which depends on records (not the other way round).
 */
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public interface ItemRegistrySource {
    ItemRegistry publishedRegistry();
}

package org.kaohe.imports;

import org.springframework.modulith.NamedInterface;

/**
 * Whether HR confirmed that a new version may remove a large share of a file's rows
 * ({@link VersionDiff#needsConfirmation()}): {@code --confirm-removals} on the command line,
 * {@code confirmRemovals=true} in the API, the confirm button of the page. The page confirms what
 * it showed: the removals against one current version ({@code againstVersion}); if another import
 * made a newer one meanwhile, the confirmation does not cover it and HR is asked again.
 */
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public record RemovalConfirmation(boolean given, Integer againstVersion) {

    /** No confirmation: a large removal is held and nothing is stored. */
    public static final RemovalConfirmation NONE = new RemovalConfirmation(false, null);

    /** Confirmed whatever the current version is (the command line's and the API's flag). */
    public static RemovalConfirmation of(boolean given) {
        return given ? new RemovalConfirmation(true, null) : NONE;
    }

    /** Confirmed for the removals against this current version only (what a page showed). */
    public static RemovalConfirmation against(int version) {
        return new RemovalConfirmation(true, version);
    }

    /** True when this confirms the removals of a version replacing {@code currentVersion}. */
    public boolean covers(Integer currentVersion) {
        return given && (againstVersion == null || againstVersion.equals(currentVersion));
    }
}

package org.kaohe.api;

import org.kaohe.imports.VersionDiff;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The API's answer to an import held because it removes a large share of a file's rows: 409, what
 * it would remove, the per-file diff, and the parameter that confirms it. Nothing was stored.
 */
record RemovalsToConfirm(int status, String message, VersionDiff diff) {

    static ResponseEntity<RemovalsToConfirm> answer(VersionDiff diff) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new RemovalsToConfirm(HttpStatus.CONFLICT.value(),
                diff.largeRemovalMessage() + ". " + ApiText.of("api.import.confirmRemovals"), diff));
    }
}

package org.kaohe.rules.engine;

import org.springframework.modulith.NamedInterface;

/** An evaluation stopped at a limit or by cancellation; the message says which, in Chinese and English. */
@NamedInterface("engine") // one of the few engine types other modules use; the rest is internal
public class RunStoppedException extends RuntimeException {
    public RunStoppedException(String message) {
        super(message);
    }
}

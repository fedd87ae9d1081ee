package org.kaohe.rules.engine;

/** An evaluation stopped at a limit or by cancellation; the message says which, in Chinese and English. */
public class RunStoppedException extends RuntimeException {
    public RunStoppedException(String message) {
        super(message);
    }
}

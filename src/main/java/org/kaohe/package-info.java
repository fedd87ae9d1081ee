/**
 * Kaohe. Modules (each documented in its own package): {@code records} (import), {@code rules}
 * (the rulebook and its engine), {@code scoring} (the result model), {@code evaluation},
 * {@code results} (runs: sealing, reading, checking, exports), {@code audit}, {@code security},
 * {@code jobs}, {@code uploads}, {@code reviews}, {@code reports}; faces {@code web}, {@code api},
 * {@code cli}, which depend on the modules and never on each other. {@code ArchitectureTest}
 * enforces the boundaries and the absence of cycles.
 */
package org.kaohe;

/**
 * Kaohe. Every package directly under this one is a module (each documented in its own
 * package-info): {@code records} (the period model), {@code imports}, {@code rules} (the rulebook
 * and its engine), {@code scoring} (the result model), {@code evaluation}, {@code results} (runs:
 * sealing, reading, checking, exports), {@code annual}, {@code audit}, {@code security},
 * {@code jobs}, {@code work}, {@code uploads}, {@code reviews}, {@code reports}, {@code errors},
 * {@code demo}; faces {@code web}, {@code api}, {@code cli}, which depend on the modules and never
 * on each other. {@code ModulesTest} (spring-modulith) finds the modules without a list and checks
 * that none uses another's internals or takes part in a cycle, and writes the module map to
 * {@code docs/modules/}; {@code ArchitectureTest} checks the layering (faces, plain models, the
 * audit log, Drools in {@code rules.engine}).
 */
package org.kaohe;

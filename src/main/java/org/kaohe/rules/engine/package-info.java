/**
 * The engine: Kaohe's own, fixed DRL (in resources, compiled once) that scores a period with the
 * rulebook's rows as facts, in phases that are named agenda groups run in order ({@code Phase}),
 * department sessions run in parallel under firing, time and cancellation limits. The only code
 * that touches {@code org.kie} (with {@code rules.legacy}); line arithmetic (exact values, one
 * rounding) in {@code Lines}, grades, gates and quotas in {@code Grading}.
 */
package org.kaohe.rules.engine;

/**
 * The append-only, chained audit log ({@link org.kaohe.audit.AuditLog}: each entry keyed by the
 * installation's {@link org.kaohe.audit.SealKey} (its file read, or made once, by {@code KeyFile}) and
 * chained to the one before, so an edit, insertion or deletion is found by {@code audit verify}), and
 * {@link org.kaohe.audit.AuditText}, which words its entries in the reader's language.
 * {@link org.kaohe.audit.SealKey#seal} is the one seal writer every module seals with;
 * {@link org.kaohe.audit.H2Password} keeps the embedded database's password beside the key.
 * Beside it, for PostgreSQL: {@link org.kaohe.audit.PostgresDriverSettings} (the driver's batched
 * inserts) and {@link org.kaohe.audit.PlannerStatistics} (tables analyzed once they hold rows); and
 * for both databases {@link org.kaohe.audit.BulkWriter}, which writes the rows of a
 * {@link org.kaohe.audit.BulkTable} (a table's columns and values, defined once) as COPY on
 * PostgreSQL and as a batch of inserts elsewhere.
 * Depends on no domain package: every other module may log.
 */
package org.kaohe.audit;

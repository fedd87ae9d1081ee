/**
 * The rulebook as tables: each CSV file of {@code rules/} read cell by cell against its template
 * ({@link org.kaohe.rules.book.BookTable}), every problem located (file, row, column) with a
 * Chinese message ({@code RulebookParser}, each table's rows by {@code RowReaders}), and the book checked for
 * meaning as a whole ({@code BookChecks}: one class of checks per table, such as {@code PartChecks}, over
 * {@code BookFindings}) before anything is compiled. The result, {@link org.kaohe.rules.book.Rulebook}, is plain data: rows the engine
 * inserts as facts, and the English names its grades, parts, kinds and levels have for English readers
 * ({@link org.kaohe.rules.book.EnglishNames}, from the optional {@code name_en} columns; never scored).
 *
 * <p>Each table's columns are defined once ({@code TableColumns}, one
 * {@link org.kaohe.rules.book.BookColumn} per column: headers, {@link org.kaohe.rules.book.CellType},
 * range, length, required or not, choices, what an empty cell means, unit, the manual's note). The
 * parser's cells ({@code Cells}) read by it, the editor's inputs and the version page's names come
 * from it, and {@link org.kaohe.rules.book.ColumnManual} writes the manual's column tables
 * ({@code rules/README.md} §3) from it; a test fails when the manual differs. Only what depends on
 * another cell of the same row (a deduction part's maximum may be empty, a quota's value is a
 * share or a count) is the parser's own.
 */
@NamedInterface("book")
package org.kaohe.rules.book;

import org.springframework.modulith.NamedInterface;

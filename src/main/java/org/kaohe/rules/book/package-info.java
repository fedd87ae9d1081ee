/**
 * The rulebook as tables: each CSV file of {@code rules/} read cell by cell against its template
 * ({@link org.kaohe.rules.book.BookTable}, {@link org.kaohe.rules.book.BookColumn}), every problem
 * located (file, row, column) with a Chinese message, and the book checked for meaning as a whole
 * ({@code BookChecks}) before anything is compiled. The result, {@link org.kaohe.rules.book.Rulebook},
 * is plain data: rows the engine inserts as facts.
 */
@NamedInterface("book")
package org.kaohe.rules.book;

import org.springframework.modulith.NamedInterface;

/**
 * Input records of a period (docs/scheme.md): their types, CSV reading and validation, and import
 * versions stored in the database. Every record keeps its source file and line.
 *
 * <p>Entry points: {@link org.kaohe.imports.ImportService} imports a folder, uploaded files or a
 * zip as one transaction and answers with an {@link org.kaohe.imports.ImportReport};
 * {@link org.kaohe.imports.ImportRepository} gives a period's current records, any stored version,
 * the list of versions and the original files. Reading goes decode ({@code TextDecoder}) → CSV shape
 * ({@code CsvTableReader}) → fields, one class per file ({@code DepartmentRows} ...) → checks
 * between files ({@code CrossFileChecks}), all collected by {@code ImportParser} without touching
 * the database; {@code ImportStore} writes.
 */
package org.kaohe.records;


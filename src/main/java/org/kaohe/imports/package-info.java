/**
 * Imports: a period's files (CSV, an Excel workbook or a zip of them) checked cell by cell and
 * stored as one atomic import version. Kept inside: decode ({@code TextDecoder}) → CSV shape
 * ({@code CsvTableReader}) → fields, one reader per file ({@code DepartmentRows} ...) → checks
 * between files ({@code CrossFileChecks}), all collected by {@code ImportParser} without touching
 * the database ({@code ImportRowReader} turns rows into records, {@code CollectedRecords} keeps them
 * in memory when nothing is stored); {@code ImportStore} begins a version and {@code VersionWriter}
 * writes its records in batches, while {@code ReadAhead} reads, checks and seals the upload on a
 * second thread that touches no database. Other modules use only the types marked
 * {@code @NamedInterface("imports")} (ArchitectureTest keeps every other type inside):
 * {@link org.kaohe.imports.ImportService} imports and answers
 * with an {@link org.kaohe.imports.ImportReport}; {@link org.kaohe.imports.ImportRepository}
 * gives a period's current records, any stored version, the list of versions and the original files.
 * Every stored record, file and version is sealed under the installation's key ({@code RecordSeals})
 * and checked as it is read back ({@code ImportSealCheck}): a forged record refuses the version, named.
 */
package org.kaohe.imports;

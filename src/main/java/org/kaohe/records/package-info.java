/**
 * The period model: the records of one period (departments, cadres, targets, appraisals, events,
 * organizations, the year-end appraisal) as plain values, each keeping its source file and line
 * ({@link org.kaohe.records.SourceRef}), and the codes they use. No Spring, no database, no
 * parsing: the {@code imports} module makes these from files, the rules read them.
 */
package org.kaohe.records;

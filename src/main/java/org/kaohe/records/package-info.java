/**
 * Input records of a period (RULEBOOK §2): their types, CSV reading and validation, and import
 * versions stored in the database. Every record keeps its source file and line.
 */
package org.kaohe.records;

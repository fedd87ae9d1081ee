/**
 * The rulebook as leaders edit and read it in the browser: each table as rows of cells
 * ({@link org.kaohe.rules.edit.EditableTable}), rows from the page's form written back as the
 * table's CSV so that the same checks run ({@link org.kaohe.rules.edit.RuleEditor}), problems
 * placed at the cell they name ({@link org.kaohe.rules.edit.FieldProblems}), a readable cell-level
 * difference of two books ({@link org.kaohe.rules.edit.BookDiff}) and a book as a zip archive
 * ({@link org.kaohe.rules.edit.RulebookZip}). Nothing here scores anything: the tables are data.
 */
@NamedInterface("edit")
package org.kaohe.rules.edit;

import org.springframework.modulith.NamedInterface;

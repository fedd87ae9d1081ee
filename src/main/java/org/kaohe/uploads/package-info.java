/**
 * Uploads shared by the two HTTP faces (pages in {@code web}, REST in {@code api}): record files,
 * zips and workbooks handed to the import ({@link org.kaohe.uploads.Uploads}), rule tables and zips
 * read as a draft rulebook and checked, published or kept as a draft ({@link org.kaohe.uploads.DraftChecks}).
 * What is uploaded is data: it is read cell by cell and never executed.
 */
package org.kaohe.uploads;

/**
 * The result model of an evaluation — grades, explanation lines, subject results — shared by the
 * rules engine that makes them, the evaluation that stores them and the faces that show them.
 * Depends on nothing but {@code records}.
 */
package org.kaohe.scoring;

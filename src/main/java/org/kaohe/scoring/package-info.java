/**
 * The result model of an evaluation — grades, parts, explanation lines with their typed reasons
 * ({@link org.kaohe.scoring.Reason}, worded by {@link org.kaohe.scoring.ReasonText} from the
 * reasons bundle), subject results — shared by the rules engine that makes them, the run store that
 * keeps them and the faces that show them. Depends on nothing but {@code records}; no Spring.
 */
package org.kaohe.scoring;

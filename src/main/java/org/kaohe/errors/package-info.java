/**
 * The error vocabulary every module may use and every face maps in one handler: today
 * {@link org.kaohe.errors.InvalidInputException} (the user's input is wrong). Depends on nothing.
 */
package org.kaohe.errors;

package org.kaohe.errors;

/**
 * What a user sent is wrong (a malformed period, an unknown grade, a password the policy refuses):
 * the message says what and where, Chinese first with English beside. Each face maps it to its
 * answer for bad input (400 on the pages and the API, exit 2 on the command line). Any other
 * {@link IllegalArgumentException} is a defect of Kaohe's, answered as an internal error, so a bug
 * is never shown to a user as their mistake.
 */
public class InvalidInputException extends IllegalArgumentException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

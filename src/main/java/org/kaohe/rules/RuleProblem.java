package org.kaohe.rules;

/**
 * One problem of a rulebook: the rule file, the line in it (0 when the problem is the file or
 * the folder as a whole) and a message in Chinese with English.
 */
public record RuleProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return (file.isEmpty() ? "" : file + ":" + (line > 0 ? line + ": " : " ")) + message;
    }
}

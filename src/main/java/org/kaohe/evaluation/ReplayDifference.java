package org.kaohe.evaluation;

/**
 * One thing a replay computed differently from what the run stored: for a subject (its key such as
 * {@code CADRE/C3} and name), for one of its explanation lines (numbered from 1 as stored, with
 * the line's rule), or for the run as a whole (subject empty). {@code what} names the field in
 * Chinese and English; the values are as the pages show them, {@code null} where there is none.
 */
public record ReplayDifference(String subject, String name, int line, String rule, String what, String stored,
                               String replayed) {

    /** A difference of the run as a whole (its grade scales or part names). */
    static ReplayDifference ofRun(String what, String stored, String replayed) {
        return new ReplayDifference("", "", 0, "", what, stored, replayed);
    }

    /** Where and what, Chinese first with English beside: how the command line and the pages list it. */
    public String text() {
        return where() + ":" + what + ":存储 stored " + value(stored) + " ≠ 重算 replayed " + value(replayed);
    }

    private String where() {
        if (subject.isEmpty()) {
            return "运行 run";
        }
        String who = "对象 " + subject + (name == null || name.isEmpty() ? "" : " " + name);
        if (line == 0) {
            return who;
        }
        return who + " 第 " + line + " 条明细 line " + line + (rule == null || rule.isEmpty() ? "" : "(" + rule + ")");
    }

    private static String value(String v) {
        return v == null ? "无 none" : "「" + v + "」";
    }
}

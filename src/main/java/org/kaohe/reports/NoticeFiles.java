package org.kaohe.reports;

import org.kaohe.records.SubjectType;
import org.kaohe.results.RunInfo;
import org.kaohe.scoring.SubjectResult;

/**
 * The file names of printed notices, one definition for the pages, the zips and the command line:
 * each names the period, the run and the subject ({@code 2026-Q3-run12-C0003-张三-考核结果通知书.pdf}),
 * so two printouts of different runs never share a name, and a result a review replaced says so
 * in its name too ({@code …-已被取代.pdf}).
 */
final class NoticeFiles {

    private NoticeFiles() {}

    /** A cadre's notice, or a department's summary. */
    static String notice(RunInfo run, SubjectResult subject, boolean replaced) {
        String what = subject.subjectType() == SubjectType.DEPARTMENT ? "考核结果汇总" : "考核结果通知书";
        return stem(run, subject) + "-" + what + (replaced ? "-已被取代" : "") + ".pdf";
    }

    /** A department's summary with every cadre's notice. */
    static String zip(RunInfo run, SubjectResult department) {
        return stem(run, department) + "-考核结果通知书.zip";
    }

    private static String stem(RunInfo run, SubjectResult subject) {
        return run.period() + "-run" + run.id() + "-" + safe(subject.subjectId()) + "-" + safe(subject.name());
    }

    /** A part of a file name: no path separators or characters Windows refuses. */
    private static String safe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }
}

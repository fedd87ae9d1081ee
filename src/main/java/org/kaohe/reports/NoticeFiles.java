package org.kaohe.reports;

import org.kaohe.annual.AnnualRunInfo;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunInfo;
import org.kaohe.scoring.SubjectResult;

/**
 * The file names of printed notices, one definition for the pages, the zips and the command line:
 * each names the period, the run and the subject ({@code 2026-Q3-run12-C0003-张三-考核结果通知书.pdf}),
 * so two printouts of different runs never share a name, and a result a review replaced says so
 * in its name too ({@code …-已被取代.pdf}). The year's paper likewise names the year and its annual
 * run ({@code 2026-annual-run3-C0003-张三-年度考核结果通知书.pdf}).
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

    /** A cadre's annual notice, or a department's annual summary. */
    static String annualNotice(AnnualRunInfo run, SubjectResult subject) {
        String what = subject.subjectType() == SubjectType.DEPARTMENT ? "年度考核结果汇总" : "年度考核结果通知书";
        return annualStem(run, subject) + "-" + what + ".pdf";
    }

    /** A department's annual summary with every cadre's annual notice. */
    static String annualZip(AnnualRunInfo run, SubjectResult department) {
        return annualStem(run, department) + "-年度考核结果通知书.zip";
    }

    private static String annualStem(AnnualRunInfo run, SubjectResult subject) {
        return run.year() + "-annual-run" + run.id() + "-" + safe(subject.subjectId()) + "-" + safe(subject.name());
    }

    private static String stem(RunInfo run, SubjectResult subject) {
        return run.period() + "-run" + run.id() + "-" + safe(subject.subjectId()) + "-" + safe(subject.name());
    }

    /** A part of a file name: no path separators or characters Windows refuses. */
    private static String safe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }
}

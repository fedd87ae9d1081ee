package org.kaohe.reports;

import static org.kaohe.reports.PaperText.quarter;
import static org.kaohe.reports.PaperText.score;
import static org.kaohe.reports.PaperText.signed;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.kaohe.records.SubjectType;
import org.kaohe.results.ListedResult;
import org.kaohe.results.ResultsFilter;
import org.kaohe.results.ResultsList;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.SealStatus;
import org.kaohe.reviews.ReviewService;
import org.kaohe.results.StaleReason;
import org.kaohe.results.StaleRuns;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The printable results of a run: a cadre's 考核结果通知书 (score, grade, rank with its meaning,
 * why the grade is what it is, every point of the score with its reason), a department's summary of
 * its cadres, and a zip of the summary with every cadre's notice. Official paper: Chinese only.
 * Each names the run, the import version, the rulebook version and the seal state it was made from,
 * and says under its title when the run is out of date, with why.
 */
@Service
public class Notices {

    private final RunQueries runs;
    private final ResultsList list;
    private final JdbcClient jdbc;
    private final RunChecks checks;
    private final ReviewService reviews;
    private final StaleRuns staleRuns;

    Notices(RunQueries runs, ResultsList list, JdbcClient jdbc, RunChecks checks, ReviewService reviews,
            StaleRuns staleRuns) {
        this.runs = runs;
        this.checks = checks;
        this.list = list;
        this.jdbc = jdbc;
        this.reviews = reviews;
        this.staleRuns = staleRuns;
    }

    /** A cadre's notice; a department's id gives its summary. Empty when the run has no such subject. */
    public Optional<byte[]> notice(RunInfo run, String subjectId) {
        return runs.subject(run.id(), subjectId).map(subject -> subject.subjectType() == SubjectType.DEPARTMENT
                ? summary(run, subject, intact(run, subjectId), reviewsOf(run))
                : cadreNotice(run, subject, intact(run, subjectId), reviewsOf(run)));
    }

    /**
     * The file name of a subject's notice (a department's: its summary), naming the period, the run and
     * the subject, and saying so when a review replaced the result; empty when the run has no such subject.
     */
    public Optional<String> fileName(RunInfo run, String subjectId) {
        return runs.subject(run.id(), subjectId).map(subject -> NoticeFiles.notice(run, subject,
                reviewsOf(run).mark(subject.subjectId()).isPresent()));
    }

    /** The file name of a department's zip of notices; empty when the run has no such department. */
    public Optional<String> zipFileName(RunInfo run, String deptId) {
        return department(run, deptId).map(d -> NoticeFiles.zip(run, d));
    }

    /** What a notice of this subject from this run marks about its review: set when the result is not the one in force. */
    public Optional<String> reviewMark(RunInfo run, String subjectId) {
        return reviewsOf(run).mark(subjectId);
    }

    private NoticeReviews reviewsOf(RunInfo run) {
        return new NoticeReviews(run.id(), reviews.aboutRun(run.id()));
    }

    /** Paper says "完好" only when every figure and line it prints passed its seal check as it was printed. */
    private boolean intact(RunInfo run, String subjectId) {
        return printedSeal(run, subjectId) == SealStatus.INTACT;
    }

    /**
     * What the seal checks find for everything the paper of this subject prints: the run's rows and
     * the chain between them (ranks, counts, names), the subject's own row and explanation lines, and
     * for a department each of its cadres' rows and lines (its summary and zip print their grade
     * reasons). The worst status found; ALTERED when the subject is missing.
     */
    public SealStatus printedSeal(RunInfo run, String subjectId) {
        SealStatus worst = checks.verdict(run).status();
        List<String> printed = new ArrayList<>(List.of(subjectId));
        department(run, subjectId).ifPresent(d -> cadres(run, subjectId).forEach(c -> printed.add(c.subjectId())));
        for (String id : printed) {
            worst = worse(worst, checks.subject(run, id).map(RunChecks.CheckedSubject::status).orElse(SealStatus.ALTERED));
        }
        return worst;
    }

    private static SealStatus worse(SealStatus a, SealStatus b) {
        for (SealStatus s : List.of(SealStatus.ALTERED, SealStatus.OTHER_KEY, SealStatus.LEGACY)) {
            if (a == s || b == s) {
                return s;
            }
        }
        return SealStatus.INTACT;
    }

    /** A department's summary of its cadres. */
    public Optional<byte[]> departmentSummary(RunInfo run, String deptId) {
        return department(run, deptId).map(d -> summary(run, d, intact(run, deptId), reviewsOf(run)));
    }

    /** A zip of the department's summary and every cadre's notice; false when there is no such department. */
    public boolean departmentNotices(RunInfo run, String deptId, OutputStream out) {
        Optional<SubjectResult> department = department(run, deptId);
        if (department.isEmpty()) {
            return false;
        }
        boolean intact = intact(run, deptId);
        NoticeReviews reviewed = reviewsOf(run);
        try {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(NoticeFiles.notice(run, department.get(), reviewed.mark(deptId).isPresent())));
            zip.write(summary(run, department.get(), intact, reviewed));
            zip.closeEntry();
            for (ListedResult cadre : cadres(run, deptId)) {
                SubjectResult subject = runs.subject(run.id(), cadre.subjectId()).orElseThrow();
                zip.putNextEntry(new ZipEntry(NoticeFiles.notice(run, subject, reviewed.mark(subject.subjectId()).isPresent())));
                zip.write(cadreNotice(run, subject, intact, reviewed));
                zip.closeEntry();
            }
            zip.finish();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] cadreNotice(RunInfo run, SubjectResult cadre, boolean intact, NoticeReviews reviewed) {
        String deptName = department(run, cadre.deptId()).map(SubjectResult::name).orElse(cadre.deptId());
        long inDepartment = list.count(run.id(), new ResultsFilter(SubjectType.CADRE, cadre.deptId(), null, null, false));
        String position = jdbc.sql("SELECT position FROM cadre_record WHERE import_id = ? AND cadre_id = ?")
                .params(run.importId(), cadre.subjectId()).query(String.class).optional().orElse("");
        try (PdfPages pdf = new PdfPages("考核结果通知书 " + cadre.name() + " " + run.period())) {
            pdf.centred("考核结果通知书", 20).centred("(" + quarter(run.period()) + ")", 12).gap(10);
            reviewed.markNotInForce(pdf, cadre.subjectId());
            staleMark(pdf, run, cadre.subjectId(), reviewed);
            pdf.text(cadre.name() + " 同志(编号 " + cadre.subjectId() + "):", 12).gap(2);
            pdf.text("经" + quarter(run.period()) + "平时考核,你的考核结果如下:", 12, 24).gap(4);
            pdf.table(new float[] {1, 1.6f, 1, 1.6f}, List.of("项目", "内容", "项目", "内容"), List.of(
                    List.of("所在部门", deptName, "职务", position),
                    List.of("考核得分", score(cadre.score()), "考核等次", cadre.finalGrade().label()),
                    List.of("部门内排名", cadre.rank() + " / " + inDepartment + "(按得分)", "一票否决", cadre.vetoed() ? "是" : "否")),
                    11);
            List<String> gradeReasons = cadre.lines().stream()
                    .filter(l -> l.part().equals(ExplanationLine.GRADE_PART)).map(l -> ReasonText.chinese(l.reason())).toList();
            if (!gradeReasons.isEmpty() || cadre.bandGrade() != cadre.finalGrade()) {
                pdf.gap(8).text("等次说明:按得分为“" + cadre.bandGrade().label() + "”,最终等次为“" + cadre.finalGrade().label()
                        + "”。", 11);
                gradeReasons.forEach(reason -> pdf.text("· " + reason, 11, 12));
            }
            pdf.gap(8).text("得分明细(各项相加即为考核得分):", 11);
            List<List<String>> rows = new ArrayList<>();
            for (ExplanationLine line : cadre.lines()) {
                if (!line.part().equals(ExplanationLine.GRADE_PART)) {
                    rows.add(List.of(signed(line.points()), ReasonText.chinese(line.reason())));
                }
            }
            rows.add(List.of(score(cadre.score()), "合计"));
            pdf.table(new float[] {1, 6}, List.of("分值", "理由"), rows, 10);
            reviewed.paragraphs(pdf, cadre.subjectId());
            pdf.right("组织人事科", 12).right(LocalDate.now().format(PaperText.DATE), 12).gap(16);
            footer(pdf, run, intact);
            reviewed.mark(cadre.subjectId()).ifPresent(mark -> pdf.alert(mark, 9));
            return pdf.bytes();
        }
    }

    private byte[] summary(RunInfo run, SubjectResult department, boolean intact, NoticeReviews reviewed) {
        long departments = list.count(run.id(), new ResultsFilter(SubjectType.DEPARTMENT, null, null, null, false));
        try (PdfPages pdf = new PdfPages("部门考核结果汇总 " + department.name() + " " + run.period())) {
            pdf.centred(department.name() + " 考核结果汇总", 18).centred("(" + quarter(run.period()) + ")", 12).gap(8);
            reviewed.markNotInForce(pdf, department.subjectId());
            staleMark(pdf, run, department.subjectId(), reviewed);
            pdf.text("部门得分 " + score(department.score()) + ",等次 " + department.finalGrade().label() + ",全市排名 "
                    + department.rank() + " / " + departments + (department.vetoed() ? ",一票否决" : "") + "。", 12);
            department.lines().stream().filter(l -> l.part().equals(ExplanationLine.GRADE_PART))
                    .forEach(l -> pdf.text("· " + ReasonText.chinese(l.reason()), 11, 12));
            pdf.gap(6).text("干部考核结果(部门内按得分排名;同分按目标任务得分、再按编号):", 11);
            List<List<String>> rows = new ArrayList<>();
            List<ListedResult> cadres = cadres(run, department.subjectId());
            for (ListedResult cadre : cadres) {
                List<String> notes = new ArrayList<>();
                reviewed.rowNote(cadre.subjectId()).ifPresent(notes::add);
                cadre.gradeReasons().stream().map(ReasonText::chinese).forEach(notes::add);
                rows.add(List.of(Integer.toString(cadre.rank()), cadre.subjectId(), cadre.name(), score(cadre.score()),
                        cadre.finalGrade().label(), cadre.vetoed() ? "是" : "否", String.join(";", notes)));
            }
            pdf.table(new float[] {0.7f, 1.2f, 1.3f, 1, 0.8f, 0.9f, 4}, List.of("排名", "编号", "姓名", "得分", "等次",
                    "一票否决", "等次说明"), rows, 10);
            reviewed.underSummary(pdf, department.subjectId(), cadres);
            pdf.gap(16);
            footer(pdf, run, intact);
            return pdf.bytes();
        }
    }

    /**
     * Paper printed from an out-of-date run says so before anything else, with each reason; that a
     * newer run superseded it is left to the review's own mark when a review replaced this subject's result.
     */
    private void staleMark(PdfPages pdf, RunInfo run, String subjectId, NoticeReviews reviewed) {
        boolean reviewMarked = reviewed.mark(subjectId).isPresent();
        PaperText.staleMark(pdf, "第 " + run.id() + " 次考核运行", staleRuns.reasons(run).stream()
                .filter(r -> !(reviewMarked && r.kind() == StaleReason.Kind.SUPERSEDED)).toList());
    }

    private static void footer(PdfPages pdf, RunInfo run, boolean intact) {
        pdf.text("依据:" + run.period() + " 第 " + run.id() + " 次考核运行(" + run.runBy() + "),导入版本 " + run.importVersion()
                + ",考核细则版本 " + run.rulebookVersion() + ";结果封印" + (intact ? "完好" : "已损坏,结果在生成后被改动!")
                + "", 8);
    }

    private List<ListedResult> cadres(RunInfo run, String deptId) {
        List<ListedResult> cadres = new ArrayList<>();
        list.forEach(run.id(), new ResultsFilter(SubjectType.CADRE, deptId, null, ResultsFilter.Sort.RANK, false),
                cadres::add);
        return cadres;
    }

    private Optional<SubjectResult> department(RunInfo run, String deptId) {
        return runs.subject(run.id(), deptId).filter(s -> s.subjectType() == SubjectType.DEPARTMENT);
    }
}

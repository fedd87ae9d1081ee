package org.kaohe.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.kaohe.annual.AnnualPages.PaperYear;
import org.kaohe.annual.AnnualQuotas;
import org.kaohe.annual.AnnualResults.CheckedYear;
import org.kaohe.annual.AnnualRunInfo;
import org.kaohe.annual.AnnualStaleness;
import org.kaohe.records.SubjectType;
import org.kaohe.results.SealStatus;
import org.kaohe.results.StaleReason;
import org.kaohe.rules.book.QuotaScope;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.springframework.stereotype.Service;

/**
 * The year's printable results, laid out like the quarter's ({@link Notices}, on the same
 * {@link PdfPages}): a cadre's 年度考核结果通知书 (annual score, grade, rank, veto, why the grade is
 * what it is, Q and E with their reasons), a department's annual summary of its cadres with the
 * quota as applied, and a zip of the summary with every cadre's notice. Chinese only, as official
 * paper; each names the annual run, the quarterly runs, the appraisal version, the rulebook
 * version and the seal state it was made from. Printed from one department's rows at a time
 * ({@link PaperYear}), whatever the year's size.
 */
@Service
public class AnnualNotices {

    private final AnnualStaleness staleness;

    AnnualNotices(AnnualStaleness staleness) {
        this.staleness = staleness;
    }

    /** A cadre's notice; a department's id gives its summary. Empty when the year has no such subject. */
    public Optional<byte[]> notice(PaperYear year, String subjectId) {
        Paper paper = new Paper(year, staleness.reasons(year.printed().run()));
        return year.printed().subject(subjectId)
                .map(s -> s.subjectType() == SubjectType.DEPARTMENT ? paper.summary(s) : paper.cadre(s));
    }

    /** The file name of a subject's annual notice (a department's: its summary); empty when the year has no such subject. */
    public Optional<String> fileName(PaperYear year, String subjectId) {
        return year.printed().subject(subjectId).map(s -> NoticeFiles.annualNotice(year.printed().run(), s));
    }

    /** The file name of a department's zip of annual notices; empty when the year has no such department. */
    public Optional<String> zipFileName(PaperYear year, String deptId) {
        return department(year.printed(), deptId).map(d -> NoticeFiles.annualZip(year.printed().run(), d));
    }

    /** A department's annual summary of its cadres. */
    public Optional<byte[]> departmentSummary(PaperYear year, String deptId) {
        Paper paper = new Paper(year, staleness.reasons(year.printed().run()));
        return department(year.printed(), deptId).map(paper::summary);
    }

    /** A zip of the department's summary and every cadre's notice; false when there is no such department. */
    public boolean departmentNotices(PaperYear year, String deptId, OutputStream out) {
        Optional<SubjectResult> department = department(year.printed(), deptId);
        if (department.isEmpty()) {
            return false;
        }
        Paper paper = new Paper(year, staleness.reasons(year.printed().run()));
        AnnualRunInfo run = year.printed().run();
        try {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(NoticeFiles.annualNotice(run, department.get())));
            zip.write(paper.summary(department.get()));
            zip.closeEntry();
            for (SubjectResult cadre : paper.cadresOf(deptId)) {
                zip.putNextEntry(new ZipEntry(NoticeFiles.annualNotice(run, cadre)));
                zip.write(paper.cadre(cadre));
                zip.closeEntry();
            }
            zip.finish();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<SubjectResult> department(CheckedYear year, String deptId) {
        return year.subject(deptId).filter(s -> s.subjectType() == SubjectType.DEPARTMENT);
    }

    /**
     * One department's paper: its quotas and reasons worked out once for every page printed from it
     * (the department's subjects, placed among the year's: {@link PaperYear}).
     */
    private static final class Paper {
        private final CheckedYear year;
        private final List<AnnualQuotas.Quota> quotas;
        private final Map<String, List<Reason>> reasons;
        private final int departments;
        private final List<StaleReason> stale;

        Paper(PaperYear paper, List<StaleReason> stale) {
            this.year = paper.printed();
            this.quotas = paper.quotas().quotas();
            this.departments = paper.departments();
            this.stale = stale;
            this.reasons = paper.quotas().reasons(year.subjects());
        }

        byte[] cadre(SubjectResult cadre) {
            int y = year.run().year();
            String deptName = department(year, cadre.deptId()).map(SubjectResult::name).orElse(cadre.deptId());
            try (PdfPages pdf = new PdfPages("年度考核结果通知书 " + cadre.name() + " " + y)) {
                pdf.centred("年度考核结果通知书", 20).centred("(" + y + "年度)", 12).gap(10);
                PaperText.staleMark(pdf, "第 " + year.run().id() + " 次年度考核", stale);
                pdf.text(cadre.name() + " 同志(编号 " + cadre.subjectId() + "):", 12).gap(2);
                pdf.text("经" + y + "年度考核(平时考核与年度民主测评),你的考核结果如下:", 12, 24).gap(4);
                pdf.table(new float[] {1, 1.6f, 1, 1.6f}, List.of("项目", "内容", "项目", "内容"), List.of(
                        List.of("所在部门", deptName, "年度得分", PaperText.score(cadre.score())),
                        List.of("年度等次", cadre.finalGrade().label(), rankLabel(), rank(cadre)),
                        List.of("一票否决", cadre.vetoed() ? "是" : "否", "分数段等次", cadre.bandGrade().label())), 11);
                List<String> why = why(cadre);
                if (!why.isEmpty()) {
                    pdf.gap(8).text("等次说明:", 11);
                    why.forEach(reason -> pdf.text("· " + reason, 11, 12));
                }
                pdf.gap(8).text("得分明细(各项相加即为年度得分):", 11);
                List<List<String>> rows = new ArrayList<>();
                for (ExplanationLine line : cadre.lines()) {
                    if (!line.part().equals(ExplanationLine.GRADE_PART)) {
                        rows.add(List.of(line.part(), PaperText.signed(line.points()), ReasonText.chinese(line.reason())));
                    }
                }
                rows.add(List.of("", PaperText.score(cadre.score()), "合计"));
                pdf.table(new float[] {0.6f, 1, 6}, List.of("部分", "分值", "理由"), rows, 10);
                pdf.gap(10).text("如对年度考核结果有异议,可向组织人事科申请复核。", 11, 24).gap(16);
                pdf.right("组织人事科", 12).right(LocalDate.now().format(PaperText.DATE), 12).gap(16);
                footer(pdf);
                return pdf.bytes();
            }
        }

        byte[] summary(SubjectResult department) {
            int y = year.run().year();
            try (PdfPages pdf = new PdfPages("部门年度考核结果汇总 " + department.name() + " " + y)) {
                pdf.centred(department.name() + " 年度考核结果汇总", 18).centred("(" + y + "年度)", 12).gap(8);
                PaperText.staleMark(pdf, "第 " + year.run().id() + " 次年度考核", stale);
                pdf.text("部门年度得分 " + PaperText.score(department.score()) + ",等次 " + department.finalGrade().label()
                        + ",全市排名 " + department.rank() + " / " + departments + (department.vetoed() ? ",一票否决" : "") + "。", 12);
                why(department).forEach(reason -> pdf.text("· " + reason, 11, 12));
                quotaLines(department.subjectId()).forEach(line -> pdf.text(line, 11));
                pdf.gap(6).text("干部年度考核结果(" + rankLabel() + ";同分按季度平均分、再按编号):", 11);
                List<List<String>> rows = new ArrayList<>();
                for (SubjectResult cadre : cadresOf(department.subjectId())) {
                    rows.add(List.of(cadre.rank() == 0 ? "-" : Integer.toString(cadre.rank()), cadre.subjectId(), cadre.name(),
                            PaperText.score(cadre.score()), cadre.finalGrade().label(), cadre.vetoed() ? "是" : "否",
                            String.join(";", why(cadre))));
                }
                pdf.table(new float[] {0.7f, 1.2f, 1.3f, 1, 1, 0.9f, 4}, List.of("排名", "编号", "姓名", "年度得分", "等次",
                        "一票否决", "等次说明"), rows, 10);
                pdf.gap(16);
                footer(pdf);
                return pdf.bytes();
            }
        }

        /** The department's cadres, ranked first (by rank), then the ungraded by id. */
        List<SubjectResult> cadresOf(String deptId) {
            return year.subjects().stream().filter(s -> s.subjectType() == SubjectType.CADRE && s.deptId().equals(deptId))
                    .sorted(Comparator.comparing((SubjectResult s) -> s.rank() == 0).thenComparingInt(SubjectResult::rank)
                            .thenComparing(SubjectResult::subjectId)).toList();
        }

        private List<String> why(SubjectResult s) {
            return reasons.getOrDefault(s.subjectType().name() + "/" + s.subjectId(), List.of()).stream()
                    .map(ReasonText::chinese).toList();
        }

        /** The cadre quotas as they fell on this department (or on the city, when they count city-wide). */
        private List<String> quotaLines(String deptId) {
            List<String> lines = new ArrayList<>();
            for (AnnualQuotas.Quota q : quotas) {
                if (q.type() != SubjectType.CADRE) {
                    continue;
                }
                String where = q.scope() == QuotaScope.CITY ? "" : deptId;
                q.group(where).ifPresent(g -> lines.add("干部「" + q.grade().label() + "」名额:" + (where.isEmpty() ? "全市" : "本部门")
                        + " " + g.graded() + " 人参评,最多 " + g.places() + " 人。"));
            }
            return lines;
        }

        private boolean cityWide() {
            return quotas.stream().anyMatch(q -> q.type() == SubjectType.CADRE && q.scope() == QuotaScope.CITY);
        }

        private String rankLabel() {
            return cityWide() ? "全市排名" : "部门内排名";
        }

        private String rank(SubjectResult cadre) {
            if (cadre.rank() == 0) {
                return "不排名(" + cadre.finalGrade().label() + ")";
            }
            String where = cityWide() ? "" : cadre.deptId();
            long graded = quotas.stream().filter(q -> q.type() == SubjectType.CADRE).findFirst()
                    .flatMap(q -> q.group(where)).map(AnnualQuotas.Group::graded).map(Integer::longValue).orElse(0L);
            return cadre.rank() + (graded > 0 ? " / " + graded : "") + "(按年度得分)";
        }

        private void footer(PdfPages pdf) {
            AnnualRunInfo run = year.run();
            pdf.text("依据:" + run.year() + " 年度第 " + run.id() + " 次年度考核(" + run.runBy() + "),季度考核 " + run.quarterRuns()
                    + ",年度民主测评第 " + run.appraisalVersion() + " 版,考核细则版本 " + run.rulebookVersion() + ";结果封印"
                    + (year.status() == SealStatus.INTACT ? "完好" : "未通过核验(" + year.status().label(java.util.Locale.SIMPLIFIED_CHINESE) + "),结果可能在生成后被改动!"), 8);
        }
    }
}

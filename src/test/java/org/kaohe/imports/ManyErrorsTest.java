package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A file full of mistakes: every one is reported, in file and line order, not just the first. */
class ManyErrorsTest {

    @Test
    void everyProblemIsReportedInOrder() {
        PeriodFiles files = PeriodFiles.valid()
                .rows("targets.csv", "target_id,period,owner_type,owner_id,project,title,planned,actual,weight,due_date,"
                                + "done_date,key_work",
                        "T1,2026-Q3,CADRE,C1,QUALITY,培训,-3,1,1,2026-09-30,,N",
                        "T2,2026-Q2,CADRE,C1,QUALITY,培训,1,1,1,2026-09-30,,N",
                        "T3,2026-Q3,CADRE,C9,QUALITY,培训,1,1,1,2026-09-30,,N",
                        "T3,2026-Q3,CADRE,C1,SPORTS,培训,1,abc,1,2026-09-31,,X",
                        "T5,2026-Q3,CADRE,C1,QUALITY,培训,1,1")
                .row("departments.csv", "D1,重复,OTHER")
                .row("organizations.csv", "O2,D1,VILLAGE,abc,1,1");

        assertThat(files.errors()).containsExactly(
                "departments.csv:4: dept_id: import.row.duplicateId[2, D1]",
                "targets.csv:2: planned: import.row.positive[计划值 / planned, -3]",
                "targets.csv:3: period: import.row.period[2026-Q3, 2026-Q2]",
                "targets.csv:4: owner_id: import.cross.subjectNotFound[cadres.csv, 干部 / cadre, C9]",
                "targets.csv:5: target_id: import.row.duplicateId[4, T3]",
                "targets.csv:5: project: import.row.code[QUALITY 素质工程, RIGHTS 维权工程, ASSISTANCE 帮扶工程, "
                        + "ORGANIZATION 组织建设, OFFICE 机关建设, PUBLICITY 宣传, OTHER 其他, SPORTS]",
                "targets.csv:5: actual: import.cell.notANumber[abc]",
                "targets.csv:5: due_date: import.cell.noSuchDate[2026-09-31]",
                "targets.csv:5: key_work: import.row.yesNo[X]",
                "targets.csv:6: import.csv.cellCount[8, 12]",
                "organizations.csv:3: secretary_age: import.cell.notANumber[abc]");
    }
}

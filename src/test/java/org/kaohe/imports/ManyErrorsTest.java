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
                "departments.csv:4: dept_id: 编号重复(第 2 行已有) / duplicate id, already on line 2: D1",
                "targets.csv:2: planned: 计划值必须大于0 / planned must be > 0: -3",
                "targets.csv:3: period: 考核期与本次导入的考核期 2026-Q3 不一致 / period differs from the import's period "
                        + "2026-Q3: 2026-Q2",
                "targets.csv:4: owner_id: 在 cadres.csv 中找不到干部 C9 / cadre not found in cadres.csv: C9",
                "targets.csv:5: target_id: 编号重复(第 4 行已有) / duplicate id, already on line 4: T3",
                "targets.csv:5: project: 取值无效，可选 / invalid value, expected one of: QUALITY 素质工程, RIGHTS 维权工程, "
                        + "ASSISTANCE 帮扶工程, ORGANIZATION 组织建设, OFFICE 机关建设, PUBLICITY 宣传, OTHER 其他: SPORTS",
                "targets.csv:5: actual: 不是数字 / not a number: abc",
                "targets.csv:5: due_date: 日期不存在 / no such date: 2026-09-31",
                "targets.csv:5: key_work: 应为 Y/N 或 是/否 / expected Y/N or 是/否: X",
                "targets.csv:6: 本行有 8 个单元格，表头有 12 列 / row has 8 cells but the header has 12 columns",
                "organizations.csv:3: secretary_age: 不是数字 / not a number: abc");
    }
}

package org.kaohe.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The structural changes leaders made to a real scheme (rules/README.md §6 counts what each costs
 * the scenario cases): each applied, as a leader types it, to a copy of the default rulebook folder
 * {@code rules/} with its cases, and the default cases that are about it.
 */
enum LeaderChanges {

    /** 作风建设 10 points taken from T (60 → 50), three deductions taken from it instead of D (§7 b). */
    NEW_PART("worked-example", "targets", "deductions") {
        @Override
        void apply(Path rules) throws IOException {
            replace(rules, "parts.csv", "T,目标任务,CADRE,,60,", "T,目标任务,CADRE,,50,");
            replace(rules, "parts.csv", "L,领导评价,CADRE,,20,LEADER_RATING,,\"满分 × 领导评价 ÷ 100\",Leader rating\n",
                    "L,领导评价,CADRE,,20,LEADER_RATING,,\"满分 × 领导评价 ÷ 100\",Leader rating\n"
                            + "ZF,作风建设,CADRE,,10,BASE_MINUS,,\"从 10 分起按扣分表扣减,最低 0 分\",\n");
            replace(rules, "deduction-points.csv", "CADRE,,COMMITMENT_BREACH,,1,,", "CADRE,,COMMITMENT_BREACH,,1,ZF,");
            replace(rules, "deduction-points.csv", "CADRE,,OVERDUE,,0.5,,", "CADRE,,OVERDUE,,0.5,ZF,");
            replace(rules, "deduction-points.csv", "CADRE,,FIRST_INQUIRY_BREACH,,1,,", "CADRE,,FIRST_INQUIRY_BREACH,,1,ZF,");
        }
    },
    /** 妇联 departments: T 40 and O 30 instead of 50 and 20. */
    WOMENS_FEDERATION_MAXIMA() {
        @Override
        void apply(Path rules) throws IOException {
            replace(rules, "parts.csv", "T,目标任务,DEPARTMENT,,50,TARGETS,,\"三项工程等目标任务,算法同干部\",Targets\n",
                    "T,目标任务,DEPARTMENT,,50,TARGETS,,\"三项工程等目标任务,算法同干部\",Targets\n"
                            + "T,目标任务,DEPARTMENT,WOMENS_FEDERATION,40,TARGETS,,妇联部门目标任务 40 分,\n");
            replace(rules, "parts.csv", "O,组织建设,DEPARTMENT,,20,BASE_MINUS,,\"从满分起按扣分表扣减,最低 0 分\",Organization\n",
                    "O,组织建设,DEPARTMENT,,20,BASE_MINUS,,\"从满分起按扣分表扣减,最低 0 分\",Organization\n"
                            + "O,组织建设,DEPARTMENT,WOMENS_FEDERATION,30,BASE_MINUS,,妇联部门组织建设 30 分,\n");
        }
    },
    /** Fewer than 12 votes: the appraisal counts 0 and the grade is at most 一般 (§7 d with 12). */
    TWELVE_VOTES("worked-example", "appraisal") {
        @Override
        void apply(Path rules) throws IOException {
            append(rules, "participation.csv", "CADRE,,12,ZERO,CAP,一般\n");
        }
    },
    /** Five grades, two of them with a quota; the gates name the new grades. */
    FIVE_GRADES("worked-example", "bands", "gates", "quota") {
        @Override
        void apply(Path rules) throws IOException {
            Files.writeString(rules.resolve("grades.csv"), "对象类型 subject_type,代码 code,名称 name,最低分 min_score,"
                    + "名额方式 quota,名额 quota_value,名额至少 quota_min,取整 rounding\n"
                    + ",EXCELLENT,优秀,95,SHARE,0.15,1,HALF_UP\n"
                    + ",GOOD,良好,85,SHARE,0.30,1,HALF_UP\n"
                    + ",COMPETENT,称职,70,,,,\n"
                    + ",BASIC,基本称职,60,,,,\n"
                    + ",INCOMPETENT,不称职,,,,,\n", StandardCharsets.UTF_8);
            Files.writeString(rules.resolve("gates.csv"), "对象类型 subject_type,部门类型 dept_type,事项 kind,最少次数 min_units,"
                    + "最多次数 max_units,效果 effect,等次 grade,一票否决 veto\n"
                    + "CADRE,,SANCTION,1,,SET,不称职,是\n"
                    + "CADRE,,COMPLAINT,3,,SET,不称职,否\n"
                    + "CADRE,,COMPLAINT,1,2,CAP,良好,否\n"
                    + "CADRE,,ADMONISHMENT,1,,CAP,称职,否\n"
                    + "DEPARTMENT,,MAJOR_INCIDENT,1,,SET,不称职,是\n", StandardCharsets.UTF_8);
        }
    },
    /** Two complaints: no top grade (one complaint still caps at 较好). */
    TWO_COMPLAINTS_NO_TOP("gates") {
        @Override
        void apply(Path rules) throws IOException {
            replace(rules, "gates.csv", "CADRE,,COMPLAINT,1,2,CAP,较好,否\n",
                    "CADRE,,COMPLAINT,1,1,CAP,较好,否\nCADRE,,COMPLAINT,2,2,NO_TOP,,否\n");
        }
    },
    /** A bonus kind written in Chinese and a district level for awards (§7 g). */
    CHINESE_KIND_AND_LEVEL() {
        @Override
        void apply(Path rules) throws IOException {
            replace(rules, "levels.csv", "CITY,市级,City\n", "CITY,市级,City\nDISTRICT,区级,District\n");
            replace(rules, "kinds.csv", "AWARD,表彰,,NATIONAL/PROVINCIAL/CITY/COUNTY,EVENT,",
                    "AWARD,表彰,,NATIONAL/PROVINCIAL/CITY/DISTRICT/COUNTY,EVENT,");
            append(rules, "kinds.csv", "五个一兑现,五个一服务承诺兑现,CADRE,,EVENT,干部兑现五个一服务承诺受到服务对象书面表扬\n");
            replace(rules, "bonus-points.csv", ",,AWARD,CITY,1,,\n", ",,AWARD,CITY,1,,\n,,AWARD,DISTRICT,0.5,,\n");
            append(rules, "bonus-points.csv", "CADRE,,五个一兑现,,0.3,,\n");
        }
    },
    /** 妇联's organization secretaries over 40 cost their department 1 point each. */
    AGE_LIMIT_PER_TYPE() {
        @Override
        void apply(Path rules) throws IOException {
            append(rules, "settings.csv", "SECRETARY_AGE_LIMIT,WOMENS_FEDERATION,40,妇联组织负责人年龄上限\n");
            append(rules, "deduction-points.csv", "DEPARTMENT,WOMENS_FEDERATION,OVER_AGE_SECRETARY,,1,O,\n");
        }
    },
    /** Other annual weights: Q 60 %, the year-end appraisal 40 (§3.8). */
    ANNUAL_WEIGHTS() {
        @Override
        void apply(Path rules) throws IOException {
            replace(rules, "annual-settings.csv", "QUARTERLY_WEIGHT,0.7,", "QUARTERLY_WEIGHT,0.6,");
            replace(rules, "annual-settings.csv", "APPRAISAL_MAX,30,", "APPRAISAL_MAX,40,");
        }
    };

    /** The default cases about the change: the only ones it may fail (none: no default case is about it). */
    final Set<String> casesAboutIt;

    LeaderChanges(String... casesAboutIt) {
        this.casesAboutIt = Set.of(casesAboutIt);
    }

    /** The default rulebook folder with its scenario cases. */
    static final Path DEFAULT_RULES = Path.of("rules");

    abstract void apply(Path rules) throws IOException;

    /** A copy of rules/ (tables and cases) in {@code target}. */
    static Path copyDefault(Path target) throws IOException {
        try (Stream<Path> all = Files.walk(DEFAULT_RULES)) {
            for (Path from : all.toList()) {
                Path to = target.resolve(DEFAULT_RULES.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return target;
    }

    private static void replace(Path rules, String file, String before, String after) throws IOException {
        RuleFolders.replaceOnce(rules, file, before, after);
    }

    private static void append(Path rules, String file, String row) throws IOException {
        Path path = rules.resolve(file);
        String content = Files.readString(path, StandardCharsets.UTF_8);
        Files.writeString(path, (content.endsWith("\n") ? content : content + "\n") + row, StandardCharsets.UTF_8);
    }
}

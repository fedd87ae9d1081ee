package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.kaohe.evaluation.StoredRuns;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One order for ids on PostgreSQL whatever the database's default collation (V80): a schema made up
 * to the migration before V80 whose id columns are given ICU's {@code en-US} collation (what a database created with that
 * locale gives every column) lists ids that differ in case and punctuation in the language's order,
 * not Java's; after V80 the database's {@code ORDER BY} (the results pages and exports:
 * {@link ResultsList}) and Java's order ({@link RunQueries#storedResults}: the command line's
 * {@code results}, the compare pages) are one, the ids' binary order, for departments and cadres
 * alike, characters beyond U+FFFF included; names still sort by the database's collation.
 *
 * <p>Runs only when {@code KAOHE_TEST_POSTGRES_URL} names a database (as {@code PostgresIT}); in a
 * schema of its own, dropped at the end.
 */
@EnabledIfEnvironmentVariable(named = "KAOHE_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "set KAOHE_TEST_POSTGRES_URL (and KAOHE_TEST_POSTGRES_USER, KAOHE_TEST_POSTGRES_PASSWORD) to run the PostgreSQL tests")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdOrderPostgresIT {

    private static final String SCHEMA = "kaohe_it_ids_" + UUID.randomUUID().toString().replace("-", "");

    /** Departments' and cadres' ids in their binary order (code points: U+FF21 before U+20000). */
    private static final List<String> DEPARTMENTS = List.of("D_1", "d-1", "d1");
    private static final List<String> CADRES = List.of("A_1", "B2", "a-1", "a1", "b-2", "\uFF211", "\uD840\uDC001");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = System.getenv("KAOHE_TEST_POSTGRES_URL");
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("KAOHE_TEST_POSTGRES_USER", ""));
        registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("KAOHE_TEST_POSTGRES_PASSWORD", ""));
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.flyway.target", IdOrderPostgresIT::lastBeforeV80); // V80 is run by the test
    }

    /** The newest migration before V80 (Flyway takes only a version that exists as its target). */
    private static String lastBeforeV80() {
        try (Stream<Path> sql = Files.list(Path.of("src/main/resources/db/migration"));
             Stream<Path> java = Files.list(Path.of("src/main/java/db/migration"))) {
            return Stream.concat(sql, java).map(p -> p.getFileName().toString().replaceFirst("^V(\\d+)__.*", "$1"))
                    .mapToInt(Integer::parseInt).filter(v -> v < 80).max().orElseThrow() + "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired Flyway flyway;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired RunSealer sealer;
    @Autowired RunQueries queries;
    @Autowired ResultsList list;

    @AfterAll
    void dropSchema() {
        jdbc.sql("DROP SCHEMA " + SCHEMA + " CASCADE").update();
    }

    @Test
    void theDatabaseAndJavaListIdsInOneOrderWhateverTheDefaultCollation() {
        for (String[] column : new String[][] {{"subject_result", "subject_id"}, {"subject_result", "dept_id"},
                {"subject_detail", "subject_id"}, {"subject_result", "name"}}) {
            jdbc.sql("ALTER TABLE " + column[0] + " ALTER COLUMN " + column[1] + " TYPE VARCHAR(" + length(column)
                    + ") COLLATE \"en-x-icu\"").update();
        }
        long before = store(Period.parse("2029-Q1"));
        assertThat(cadresById(before)).as("en-US: the language's order, not the binary one")
                .isNotEqualTo(CADRES).containsExactlyInAnyOrderElementsOf(CADRES);

        Flyway.configure().configuration(flyway.getConfiguration()).target(MigrationVersion.LATEST).load().migrate();

        assertThat(jdbc.sql("SELECT collation_name FROM information_schema.columns WHERE table_schema = ?"
                        + " AND table_name = 'subject_result' AND column_name = 'name'").param(SCHEMA)
                .query(String.class).single()).as("names keep their collation: they sort for the reader").isEqualTo("en-x-icu");
        for (long run : new long[] {before, store(Period.parse("2029-Q2"))}) {
            assertThat(cadresById(run)).as("the database's ORDER BY of ids").containsExactlyElementsOf(CADRES);
            assertThat(list.departments(run)).extracting(ResultsList.Department::id).containsExactlyElementsOf(DEPARTMENTS);
            List<String> java = queries.storedResults(run).stream().map(s -> s.result().subjectId()).toList();
            List<String> database = new ArrayList<>();
            list.forEach(run, new ResultsFilter(SubjectType.DEPARTMENT, null, null, ResultsFilter.Sort.DEPT, false),
                    row -> database.add(row.subjectId()));
            list.forEach(run, new ResultsFilter(SubjectType.CADRE, null, null, ResultsFilter.Sort.DEPT, false),
                    row -> database.add(row.subjectId()));
            assertThat(java).as("departments, then cadres by department, rank and id: Java as the database")
                    .containsExactlyElementsOf(database);
        }
    }

    private List<String> cadresById(long run) {
        List<String> ids = new ArrayList<>();
        list.forEach(run, new ResultsFilter(SubjectType.CADRE, null, null, ResultsFilter.Sort.ID, false),
                row -> ids.add(row.subjectId()));
        return ids;
    }

    private int length(String[] column) {
        return jdbc.sql("SELECT character_maximum_length FROM information_schema.columns WHERE table_schema = ?"
                + " AND table_name = ? AND column_name = ?").params(SCHEMA, column[0], column[1]).query(Integer.class).single();
    }

    /** The departments, and the cadres spread over them with ranks that tie, so ids decide within a department. */
    private long store(Period period) {
        List<SubjectResult> subjects = new ArrayList<>();
        Grade grade = GradeScale.QUARTERLY.grades().get(0);
        for (int d = 0; d < DEPARTMENTS.size(); d++) {
            subjects.add(subject(SubjectType.DEPARTMENT, DEPARTMENTS.get(d), DEPARTMENTS.get(d), grade, d + 1));
        }
        for (int c = 0; c < CADRES.size(); c++) {
            subjects.add(subject(SubjectType.CADRE, CADRES.get(c), DEPARTMENTS.get((c * 2) % DEPARTMENTS.size()), grade,
                    1 + c % 2));
        }
        return StoredRuns.store(jdbc, template, sealer, period, "ids", subjects);
    }

    private static SubjectResult subject(SubjectType type, String id, String dept, Grade grade, int rank) {
        BigDecimal points = new BigDecimal("80.00");
        List<ExplanationLine> lines = List.of(new ExplanationLine("T", "T", points, Reason.frozen("目标任务"), List.of()));
        return new SubjectResult(type, id, "名" + id, dept, points, Map.of("T", points), grade, grade, grade, rank, false,
                lines);
    }
}

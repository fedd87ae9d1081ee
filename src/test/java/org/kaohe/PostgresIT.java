package org.kaohe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.audit.AuditLog;
import org.kaohe.errors.ConflictException;
import org.kaohe.errors.Message;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportProblem;
import org.kaohe.imports.ImportReport.Status;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.ImportService;
import org.kaohe.imports.ImportVersionInfo;
import org.kaohe.imports.ParsedFolder;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SourceRef;
import org.kaohe.reference.ReferenceResult;
import org.kaohe.reference.ReferenceScorer;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.RulebookRepository;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccount;
import org.kaohe.security.UserAccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything Kaohe stores, on a real PostgreSQL (H2 is the default; PostgreSQL is for larger
 * installations): the user's flow through the same services the command line and the web call —
 * import (stored, unchanged, rejected with nothing stored, refused when another import of the period
 * holds its version number), rulebook publication, evaluation, results and explanations read back,
 * the seal, the audit log, and user accounts with their login lock-out.
 *
 * <p>Runs only when {@code KAOHE_TEST_POSTGRES_URL} (with {@code KAOHE_TEST_POSTGRES_USER} and
 * {@code KAOHE_TEST_POSTGRES_PASSWORD}) names a database the user may create schemas in; .ci/run
 * sets them up. Each run migrates a schema of its own and drops it at the end, so the database
 * can be shared and reused.
 */
@EnabledIfEnvironmentVariable(named = "KAOHE_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "set KAOHE_TEST_POSTGRES_URL (and KAOHE_TEST_POSTGRES_USER, KAOHE_TEST_POSTGRES_PASSWORD), "
                + "e.g. jdbc:postgresql://localhost:5432/kaohe_test, to run the PostgreSQL tests")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresIT {

    private static final String SCHEMA = "kaohe_it_" + UUID.randomUUID().toString().replace("-", "");
    private static final Period Q3 = Period.parse("2026-Q3");
    private static final Path DEMO_Q3 = Path.of("data", "2026-Q3");
    private static final String WHO = "pg-test";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = System.getenv("KAOHE_TEST_POSTGRES_URL");
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("KAOHE_TEST_POSTGRES_USER", ""));
        registry.add("spring.datasource.password",
                () -> System.getenv().getOrDefault("KAOHE_TEST_POSTGRES_PASSWORD", ""));
        // Flyway creates the schema and migrates it; the connections' search path is that schema.
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @Autowired ImportService importService;
    @Autowired ImportRepository imports;
    @Autowired RulebookService rulebooks;
    @Autowired EvaluationService evaluation;
    @Autowired RunQueries runs;
    @Autowired org.kaohe.results.RunChecks checks;
    @Autowired org.kaohe.results.ResultPageChecks pageChecks;
    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.jdbc.core.JdbcTemplate template;
    @Autowired TransactionTemplate transaction;
    @Autowired UserAccountService accounts;
    @Autowired AuthenticationProvider loginProvider;
    @Autowired ApplicationEventPublisher events;
    @Autowired org.kaohe.annual.AnnualService annual;
    @Autowired org.kaohe.annual.AnnualResults annualResults;
    @Autowired org.kaohe.annual.AnnualPages annualPages;

    @TempDir
    Path dir;

    private final OffsetDateTime testStart = OffsetDateTime.now().minusMinutes(1);

    @AfterAll
    void dropSchema() {
        jdbc.sql("DROP SCHEMA " + SCHEMA + " CASCADE").update();
    }

    @Test
    @Order(1)
    void theDatabaseIsPostgresqlWithEveryMigration() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).isEqualTo(SCHEMA);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success").query(Long.class).single())
                .isZero();
        assertThat(tableRowCounts()).containsKeys("import_version", "target_record", "audit_log", "evaluation_run",
                "subject_detail", "rulebook_publication");
    }

    @Test
    @Order(2)
    void anImportStoresRecordsThatReadBackExactlyAsParsed() throws IOException {
        ImportReport report = importService.importFolder(DEMO_Q3, Q3, WHO);

        assertThat(report.status()).as(report.problems().toString()).isEqualTo(Status.STORED);
        assertThat(report.version()).isEqualTo(1);
        PeriodRecords stored = imports.loadCurrent(Q3).orElseThrow();
        // Types that differ between databases: NUMERIC(30,10), BOOLEAN, nullable DATE and NUMERIC, Chinese TEXT.
        PeriodRecords parsed = ParsedFolder.records(DEMO_Q3, Q3, report.importId());
        assertThat(stored).isEqualTo(parsed);
        assertThat(stored.targets()).anyMatch(t -> t.keyWork()).anyMatch(t -> !t.keyWork())
                .anyMatch(t -> t.doneDate() == null);
        assertThat(stored.appraisals()).anyMatch(a -> a.leaderScore() == null);
        assertThat(stored.events()).anyMatch(e -> e.level() == null);
        assertThat(imports.fileContent(report.importId(), "events.csv")).contains(
                Files.readString(DEMO_Q3.resolve("events.csv"), StandardCharsets.UTF_8));

        ImportVersionInfo version = imports.list().get(0);
        assertThat(version.period()).isEqualTo(Q3);
        assertThat(version.current()).isTrue();
        assertThat(version.importedAt()).isBetween(testStart, OffsetDateTime.now());
        assertThat(version.files()).hasSize(6);
    }

    @Test
    @Order(3)
    void identicalFilesAgainAreUnchangedAndStoreNothing() {
        Map<String, Long> before = tableRowCounts();

        ImportReport again = importService.importFolder(DEMO_Q3, Q3, WHO);

        assertThat(again.status()).isEqualTo(Status.UNCHANGED);
        assertThat(again.version()).isEqualTo(1);
        assertThat(tableRowCounts()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aRejectedImportLeavesEveryTableAsItWas() throws IOException {
        Path broken = copyOfDemo("broken");
        // A NUL character (PostgreSQL cannot store it) and, in the last file, a department nobody declared.
        append(broken.resolve("events.csv"), "E9999,2026-Q3,CADRE,C0001,AWARD,CITY,1,2026-07-10,损坏\u0000的备注\n");
        append(broken.resolve("organizations.csv"), "O9999,D99,VILLAGE,40,10,1\n");
        Map<String, Long> before = tableRowCounts();

        ImportReport report = importService.importFolder(broken, Q3, WHO);

        assertThat(report.status()).isEqualTo(Status.REJECTED);
        assertThat(report.errors()).extracting(ImportProblem::file).containsExactly("events.csv", "organizations.csv");
        assertThat(report.errors().get(0).message()).contains("NUL");
        assertThat(tableRowCounts()).isEqualTo(before);
        assertThat(imports.loadCurrent(Q3).orElseThrow().importId()).isEqualTo(imports.list().get(0).importId());
    }

    @Test
    @Order(5)
    void publishingStoresTheRulebookOnceAndEachPublication() throws Exception {
        RulebookSource source = RulebookSource.fromFolder(Path.of("rules"));

        RulebookService.Published first = rulebooks.publish(source, WHO, "测试 test");
        RulebookService.Published again = rulebooks.publish(source, WHO, "测试 test");

        assertThat(first.newVersion()).isTrue();
        assertThat(again.newVersion()).isFalse();
        assertThat(rulebooks.files(first.version())).isEqualTo(source.files());
        List<RulebookRepository.Publication> publications = rulebooks.publications();
        assertThat(publications).hasSize(2).allMatch(p -> p.version().equals(source.version()));
        assertThat(publications.get(0).publishedAt()).isBetween(testStart, OffsetDateTime.now());
        assertThat(publications.get(0).fileNames()).containsExactlyElementsOf(source.files().keySet());
        assertThat(rulebooks.current().orElseThrow().version()).isEqualTo(source.version());
    }

    @Test
    @Order(6)
    void anEvaluationIsStoredAndReadsBackAsTheReferenceScorerHasIt() {
        EvaluationService.RunSummary summary = evaluation.evaluate(Q3, WHO);

        RunInfo run = runs.currentRun(Q3).orElseThrow();
        assertThat(run.id()).isEqualTo(summary.runId());
        assertThat(run.importVersion()).isEqualTo(1);
        assertThat(run.startedAt()).isBetween(testStart, OffsetDateTime.now());
        assertThat(run.subjectCount()).isEqualTo(6 + 85);
        List<SubjectResult> results = runs.results(run.id());
        assertThat(results).hasSize(6 + 85);

        List<ReferenceResult> reference = ReferenceScorer.evaluate(imports.loadCurrent(Q3).orElseThrow());
        for (SubjectResult s : results) {
            ReferenceResult expected = ReferenceScorer.find(reference, s.subjectType(), s.subjectId());
            assertThat(s.score()).as(s.subjectId()).isEqualByComparingTo(expected.score());
            assertThat(s.score().scale()).as("two decimals, as stored").isEqualTo(2);
            assertThat(s.finalGrade().label()).as(s.subjectId()).isEqualTo(expected.finalGrade());
            assertThat(s.rank()).as(s.subjectId()).isEqualTo(expected.rank());
            assertThat(s.vetoed()).as(s.subjectId()).isEqualTo(expected.vetoed());

            SubjectResult explained = runs.subject(run.id(), s.subjectId()).orElseThrow();
            BigDecimal sum = explained.lines().stream().map(ExplanationLine::points)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as("lines of " + s.subjectId()).isEqualByComparingTo(s.score());
            BigDecimal parts = explained.parts().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(parts).as("parts of " + s.subjectId()).isEqualByComparingTo(s.score());
        }
        assertThat(results).anyMatch(SubjectResult::vetoed).anyMatch(s -> !s.vetoed());
        assertThat(checks.intact(run.id())).isTrue();
    }

    @Test
    @Order(7)
    void anExplanationKeepsItsEvidence() {
        RunInfo run = runs.currentRun(Q3).orElseThrow();

        SubjectResult cadre = runs.subject(run.id(), "C0002").orElseThrow();

        assertThat(cadre.name()).isEqualTo("吴思远");
        assertThat(cadre.lines()).isNotEmpty();
        assertThat(cadre.lines()).flatExtracting(ExplanationLine::evidence)
                .contains(new SourceRef("targets.csv", 4), new SourceRef("appraisals.csv", 3));
    }

    @Test
    @Order(7)
    void theFirstRunLeavesItsTablesAnalyzed() {
        // Never analyzed, subject_result looked like ten pages of unknown rows to the planner, which then
        // checked each detail row's foreign key by walking another index over the run's rows so far
        // (docs/performance.md). Analyzed after the run's first batch: its rows known (-1: never analyzed).
        for (String table : List.of("subject_result", "subject_detail")) {
            assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)").param(table)
                    .query(Double.class).single()).as(table).isEqualTo(6 + 85);
        }
    }

    @Test
    @Order(7)
    void batchedInsertsAreSentAsMultiRowInserts() {
        jdbc.sql("CREATE TABLE batched_probe (v INT)").update();
        try {
            int[] counts = template.batchUpdate("INSERT INTO batched_probe (v) VALUES (?)",
                    List.of(new Object[] {1}, new Object[] {2}, new Object[] {3}, new Object[] {4}));

            // The driver reports no count per row for a batch it rewrote into one statement (one row at a
            // time, each would count 1).
            assertThat(counts).containsOnly(java.sql.Statement.SUCCESS_NO_INFO).hasSize(4);
            assertThat(jdbc.sql("SELECT v FROM batched_probe ORDER BY v").query(Integer.class).list())
                    .containsExactly(1, 2, 3, 4);
        } finally {
            jdbc.sql("DROP TABLE batched_probe").update();
        }
    }

    @Test
    @Order(8)
    void aChangedImportIsTheNextVersionAndTheNextRunUsesIt() throws IOException {
        Path changed = copyOfDemo("changed");
        append(changed.resolve("events.csv"), "E9999,2026-Q3,CADRE,C0002,AWARD,CITY,1,2026-07-10,市级先进个人\n");

        ImportReport v2 = importService.importFolder(changed, Q3, WHO);
        long runId = evaluation.evaluate(Q3, WHO).runId();

        assertThat(v2.status()).as(v2.problems().toString()).isEqualTo(Status.STORED);
        assertThat(v2.version()).isEqualTo(2);
        RunInfo run = runs.currentRun(Q3).orElseThrow();
        assertThat(run.id()).isEqualTo(runId);
        assertThat(run.importId()).isEqualTo(v2.importId());
        assertThat(run.importVersion()).isEqualTo(2);
        assertThat(runs.runs()).hasSize(2);
        assertThat(imports.list()).extracting(ImportVersionInfo::version, ImportVersionInfo::current)
                .containsExactly(Tuple.tuple(1, false), Tuple.tuple(2, true));
        assertThat(checks.intact(runId)).isTrue();
        // The second run's id is in the planner's statistics as soon as the run is stored (the first
        // run's analysis knew only the first id): its export and pages are planned by its real rows.
        assertThat(jdbc.sql("SELECT most_common_vals::text FROM pg_stats WHERE schemaname = current_schema()"
                        + " AND tablename = 'subject_result' AND attname = 'run_id'").query(String.class).single())
                .matches(".*\\b" + runId + "\\b.*");
    }

    @Test
    @Order(9)
    void theSealShowsAStoredPointChangedAfterTheRun() {
        long runId = runs.currentRun(Q3).orElseThrow().id();

        jdbc.sql("UPDATE subject_result SET parts = REPLACE(parts, '\":', '\":1') WHERE run_id = ? AND subject_id = 'C0002'")
                .param(runId).update();

        assertThat(checks.intact(runId)).isFalse();
    }

    @Test
    @Order(10)
    void theAuditLogHoldsEveryChangeNewestFirst() {
        // Import v1, publish twice, evaluate, import v2, evaluate; the unchanged and refused imports are
        // logged too (IMPORT_UNCHANGED, IMPORT_REFUSED) but change nothing.
        List<AuditLog.Entry> entries = auditLog.latest(20).stream()
                .filter(e -> !e.action().equals("IMPORT_UNCHANGED") && !e.action().equals("IMPORT_REFUSED")).limit(6).toList();
        assertThat(auditLog.verify().intact()).as("the chain, on PostgreSQL").isTrue();
        assertThat(entries).extracting(AuditLog.Entry::action)
                .containsExactly("EVALUATE", "IMPORT", "EVALUATE", "RULES_PUBLISH", "RULES_PUBLISH", "IMPORT");
        assertThat(entries).allMatch(e -> e.actor().equals(WHO))
                .allMatch(e -> !e.at().isBefore(testStart) && !e.at().isAfter(OffsetDateTime.now()));

        assertThat(entries.get(0).at()).isAfterOrEqualTo(entries.get(5).at());
    }

    @Test
    @Order(11)
    void anImportRacingAnotherOfThePeriodIsRefusedAndStoresNothing() throws Exception {
        Period q2 = Period.parse("2026-Q2");
        Map<String, Long> before = tableRowCounts();
        // Another import's transaction has taken version 1 of 2026-Q2 but not committed yet: the racing
        // import cannot see it, picks version 1 too and waits on PostgreSQL's unique index until we commit.
        CompletableFuture<ImportReport> racing = transaction.execute(status -> {
            jdbc.sql("INSERT INTO import_version (period, version, content_hash, imported_by, imported_at)"
                            + " VALUES ('2026-Q2', 1, 'other', 'other', ?)").param(OffsetDateTime.now()).update();
            CompletableFuture<ImportReport> importing = CompletableFuture.supplyAsync(
                    () -> importService.importFolder(Path.of("data", "2026-Q2"), q2, WHO));
            awaitAnotherSessionWaitingForALock();
            return importing;
        });

        // Refused as a conflict (409 on the API), nothing of it stored, the refusal in the audit log.
        assertThatThrownBy(() -> racing.get(30, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.message()).contains(Message.of("state.import.conflict", "2026-Q2")));
        Map<String, Long> after = tableRowCounts();
        assertThat(after.get("import_version")).isEqualTo(before.get("import_version") + 1);
        after.put("import_version", before.get("import_version"));
        assertThat(after).as("nothing else stored").isEqualTo(before);
        jdbc.sql("DELETE FROM import_version WHERE period = '2026-Q2'").update();
    }

    @Test
    @Order(12)
    void usersAreStoredSealedAndFailedLoginsLockAnAccountForTheirSourceOnly() {
        UserAccountService.CreatedUser created = accounts.create(WHO, "pg-hr", EnumSet.of(Role.HR, Role.LEADER),
                "Pg-willow-harbour-58");
        ProviderManager login = new ProviderManager(loginProvider);
        login.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));

        assertThat(login.authenticate(credentials("Pg-willow-harbour-58", "198.51.100.1")).isAuthenticated()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login.authenticate(credentials("wrong", "198.51.100.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> login.authenticate(credentials("Pg-willow-harbour-58", "198.51.100.1")))
                .isInstanceOf(LockedException.class);
        assertThat(login.authenticate(credentials("Pg-willow-harbour-58", "198.51.100.2")).isAuthenticated()).isTrue();
        assertThat(jdbc.sql("SELECT locked_until FROM login_failure WHERE username = 'pg-hr' AND source = '198.51.100.1'")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single()).isAfter(OffsetDateTime.now());
        UserAccount stored = accounts.list().stream().filter(u -> u.username().equals("pg-hr")).findFirst().orElseThrow();
        assertThat(stored.roles()).containsExactlyInAnyOrder(Role.HR, Role.LEADER);
        assertThat(stored.enabled()).isTrue();
        assertThat(stored.sealIntact()).isTrue();
        assertThat(stored.createdAt()).isBetween(testStart, OffsetDateTime.now());
        assertThat(created.account().username()).isEqualTo("pg-hr");
        assertThat(auditLog.latest(2)).extracting(AuditLog.Entry::action).containsExactly("USER_LOCKED", "LOGIN_FAILED");

        accounts.setEnabled(WHO, "pg-hr", false);
        assertThat(accounts.list()).filteredOn(u -> u.username().equals("pg-hr")).singleElement()
                .extracting(UserAccount::enabled).isEqualTo(false);
        jdbc.sql("UPDATE app_user SET enabled = TRUE WHERE username = 'pg-hr'").update();
        assertThat(accounts.find("pg-hr").orElseThrow().seal()).isEqualTo(org.kaohe.results.SealStatus.ALTERED);
        assertThatThrownBy(() -> login.authenticate(credentials("Pg-willow-harbour-58", "198.51.100.3")))
                .isInstanceOf(org.springframework.security.authentication.DisabledException.class);
    }

    private static UsernamePasswordAuthenticationToken credentials(String password, String source) {
        UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.unauthenticated("pg-hr", password);
        login.setDetails(new WebAuthenticationDetails(source, null));
        return login;
    }

    private void awaitAnotherSessionWaitingForALock() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'").query(Long.class).single() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the racing import never waited for the uncommitted version 1");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Row counts of every table in the test's schema (Flyway's history aside). */
    @Test
    @Order(13)
    void theAnnualAssessmentStoresAndReadsBackSealed() {
        for (int q = 1; q <= 4; q++) {
            Period period = new Period(2026, q);
            if (q != 3) {
                assertThat(importService.importFolder(Path.of("data", period.toString()), period, WHO).errors()).isEmpty();
            }
            evaluation.evaluate(period, WHO);
        }
        long importsBefore = jdbc.sql("SELECT COUNT(*) FROM annual_import").query(Long.class).single();
        assertThat(annual.importFile("year,cadre_id,votes_excellent,votes_competent,votes_basic,votes_incompetent\n2026,C0001,x,1,1,1\n"
                .getBytes(StandardCharsets.UTF_8), 2026, WHO).status()).isEqualTo(org.kaohe.annual.AnnualService.ImportStatus.REJECTED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM annual_import").query(Long.class).single()).isEqualTo(importsBefore);
        assertThat(annual.importFolder(Path.of("data", "2026"), 2026, WHO).status())
                .isEqualTo(org.kaohe.annual.AnnualService.ImportStatus.STORED);
        annual.evaluate(2026, WHO);
        // Its rows known to the planner at once: never analyzed, a page's rows were found by reading the run's.
        assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = to_regclass('annual_result')").query(Double.class)
                .single()).isPositive();

        org.kaohe.annual.AnnualResults.CheckedYear year = annualResults.current(2026).orElseThrow();
        assertThat(year.status()).as(year.problems().toString()).isEqualTo(org.kaohe.results.SealStatus.INTACT);
        assertThat(year.subject("C0082").orElseThrow().finalGrade().label()).isEqualTo("不定等次");
        assertThat(year.subject("C0082").orElseThrow().rank()).isZero();
        for (SubjectResult s : year.subjects()) {
            assertThat(s.lines().stream().map(l -> l.points()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                    .as(s.subjectId()).isEqualByComparingTo(s.score());
        }
        // The year's page lists it without lines, in the same order, and reads the rows it shows whole.
        org.kaohe.annual.AnnualPages.Listing listing = annualPages.listing(2026).orElseThrow();
        assertThat(listing.subjects()).extracting(SubjectResult::subjectId)
                .containsExactlyElementsOf(year.subjects().stream().map(SubjectResult::subjectId).toList());
        org.kaohe.annual.AnnualPages.Shown shown = annualPages.shown(listing, listing.subjects().subList(0, 30));
        assertThat(shown.check().status()).as(shown.check().problems().toString())
                .isEqualTo(org.kaohe.results.SealStatus.INTACT);
        assertThat(shown.check().subjects()).containsExactlyElementsOf(year.subjects().subList(0, 30));
        // The year's whole check, the rows streamed from PostgreSQL in the background, ends and finds the run intact.
        org.kaohe.testing.Eventually.until("the year's whole check ends",
                () -> !annualPages.shown(listing, listing.subjects().subList(0, 1)).wholeCheckPending());
        assertThat(annualPages.shown(listing, listing.subjects().subList(0, 1)).check().problems()).isEmpty();
        // The year's download: the whole run checked as read from PostgreSQL, its rows read whole in the listed order.
        org.kaohe.annual.AnnualPages.ExportedYear exported = annualPages.forExport(2026).orElseThrow();
        List<SubjectResult> rows = new java.util.ArrayList<>();
        exported.inOrder().forEach(rows::add);
        assertThat(rows).containsExactlyElementsOf(year.subjects());
        assertThat(exported.check().status()).isEqualTo(org.kaohe.results.SealStatus.INTACT);
    }

    private Map<String, Long> tableRowCounts() {
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'
                        ORDER BY table_name""")
                .param(SCHEMA).query(String.class).list();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            // A refused or unchanged import is logged (who tried what) but changes nothing else.
            String where = table.equals("audit_log") ? " WHERE action NOT IN ('IMPORT_REFUSED', 'IMPORT_UNCHANGED')" : "";
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table + where).query(Long.class).single());
        }
        return counts;
    }

    private Path copyOfDemo(String name) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(name).resolve("2026-Q3"));
        try (var files = Files.list(DEMO_Q3)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static void append(Path file, String row) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, (content.endsWith("\n") ? content : content + "\n") + row, StandardCharsets.UTF_8);
    }

    @Autowired org.kaohe.results.ResultsList resultsList;
    @Autowired org.kaohe.results.RunComparison comparison;
    @Autowired org.kaohe.reviews.ReviewService reviews;

    @Test
    @Order(20)
    void resultsPageInTheDatabaseRunsAreComparedAndAReviewIsDecidedOnPostgres() {
        RunInfo first = runs.currentRun(Q3).orElseThrow();
        org.kaohe.results.ResultsPage page = resultsList.page(first.id(), new org.kaohe.results.ResultsFilter(
                org.kaohe.records.SubjectType.CADRE, "D01", null, org.kaohe.results.ResultsFilter.Sort.GRADE, true), 2, 5);
        assertThat(page.total()).isEqualTo(runs.results(first.id()).stream()
                .filter(s -> s.subjectType() == org.kaohe.records.SubjectType.CADRE && s.deptId().equals("D01")).count());
        assertThat(page.rows()).hasSize(5).allSatisfy(r -> assertThat(r.deptName()).isEqualTo("青川市总工会"));
        // Pages read from the nearer end of their order (PostgreSQL reads its indexes backwards too) are the
        // whole ordered list cut by offset, for every sort both ways.
        for (org.kaohe.results.ResultsFilter.Sort sort : org.kaohe.results.ResultsFilter.Sort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                org.kaohe.results.ResultsFilter filter = new org.kaohe.results.ResultsFilter(null, null, null, sort, descending);
                List<String> whole = new java.util.ArrayList<>();
                resultsList.forEach(first.id(), filter, r -> whole.add(r.subjectId()));
                List<String> paged = new java.util.ArrayList<>();
                for (int p = 1; p <= (whole.size() + 6) / 7; p++) {
                    resultsList.page(first.id(), filter, p, 7).rows().forEach(r -> paged.add(r.subjectId()));
                }
                assertThat(paged).as("%s", filter).isEqualTo(whole);
            }
        }

        org.kaohe.reviews.Review review = reviews.request(first.id(), "C0003", new org.kaohe.reviews.ReviewService.Request(
                "邓蕾", java.time.LocalDate.now(), "投诉不属实", ""), WHO);
        RunInfo second = runs.run(evaluation.evaluate(Q3, WHO).runId()).orElseThrow();
        org.kaohe.results.RunComparison.Page compared = comparison.compare(first, second, 1, 10);
        assertThat(compared.cause()).isEqualTo(org.kaohe.results.RunComparison.Cause.NOTHING);
        assertThat(compared.summary().changed()).isZero();
        assertThat(reviews.decide(review.id(), second.id(), org.kaohe.reviews.Review.Decision.MAINTAIN, "", WHO).decision())
                .isEqualTo(org.kaohe.reviews.Review.Decision.MAINTAIN);
        assertThat(reviews.counts()).singleElement().satisfies(c -> assertThat(c.maintained()).isEqualTo(1));
    }

    @Test
    @Order(21)
    void thePagesBackgroundCheckFindsWhatTheCheckInARequestFinds() {
        RunInfo run = runs.currentRun(Q3).orElseThrow();
        jdbc.sql("UPDATE subject_result SET score = score + 1 WHERE run_id = ? AND subject_id = 'C0002'").param(run.id())
                .update();
        org.kaohe.results.ResultsPage page = resultsList.page(run.id(), org.kaohe.results.ResultsFilter.all(), 1, 5);

        pageChecks.page(run, page); // starts the run's whole check, read in the table's order on PostgreSQL
        org.kaohe.testing.Eventually.until("the pages' whole check ends", () -> !pageChecks.page(run, page).wholeCheckPending());
        assertThat(pageChecks.page(run, page).problems()).containsExactlyElementsOf(checks.results(run).problems())
                .contains(org.kaohe.results.RunChainChecker.rowAltered("CADRE/C0002"));
    }
}

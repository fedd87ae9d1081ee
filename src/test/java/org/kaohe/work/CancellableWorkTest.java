package org.kaohe.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.errors.ConflictException;
import org.kaohe.errors.FaultPoint;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.WorkStoppedException;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.testing.Eventually;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Heavy work through the real use cases, each held at a {@link FaultPoint} so the test acts at the
 * same moment on a fast or a loaded machine: a rulebook check and a publication cancelled while
 * they run stop, say so, and publish nothing; the work page lists a running check to its owner and
 * its button cancels it; a second import of a period while one is writing is
 * refused with 409 and the first one completes.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancellableWorkTest {

    private static final Path STANDARD = Path.of("src/test/resources/books/standard");

    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired HeavyWork heavy;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @TempDir
    Path dir;

    @BeforeAll
    void anImportedPeriod() {
        assertThat(imports.importFolder(Path.of("data", "2026-Q3"), Period.parse("2026-Q3"), "hr").stored()).isTrue();
    }

    @AfterEach
    void noPause() {
        System.clearProperty(FaultPoint.PAUSE_AT);
        System.clearProperty(FaultPoint.BARRIER);
    }

    @Test
    void aCheckCancelledWhileItRunsStopsAndSaysSo() throws Exception {
        RulebookSource draft = RulebookService.read(STANDARD);
        CompletableFuture<?> check = heldAt(FaultPoint.CHECK_TRIAL, "check.barrier",
                () -> rulebooks.check(draft, "leader-cancels"));

        cancelOwn("leader-cancels");
        release("check.barrier");

        assertThatThrownBy(() -> check.get(2, TimeUnit.MINUTES)).cause().isInstanceOfSatisfying(WorkStoppedException.class,
                e -> assertThat(e.getMessage(Locale.ENGLISH)).isEqualTo(MessageText.of(Message.of("work.cancelled",
                        MessageText.of(HeavyWork.Kind.VALIDATE.label(), Locale.ENGLISH)), Locale.ENGLISH)));
        assertThat(heavy.running("leader-cancels", false)).isEmpty();
    }

    @Test
    void aPublicationCancelledWhileItIsCheckedPublishesNothing() throws Exception {
        long publications = jdbc.sql("SELECT COUNT(*) FROM rulebook_publication").query(Long.class).single();
        RulebookSource draft = RulebookService.read(STANDARD);
        CompletableFuture<?> publish = heldAt(FaultPoint.CHECK_TRIAL, "publish.barrier", () -> {
            try {
                return rulebooks.publish(draft, "leader-cancels", "取消测试");
            } catch (org.kaohe.rules.RulebookInvalidException e) {
                throw new IllegalStateException(e);
            }
        });

        cancelOwn("leader-cancels");
        release("publish.barrier");

        assertThatThrownBy(() -> publish.get(2, TimeUnit.MINUTES)).cause().isInstanceOfSatisfying(WorkStoppedException.class,
                e -> assertThat(e.message()).map(Message::key).contains("work.cancelled"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rulebook_publication").query(Long.class).single())
                .as("nothing published").isEqualTo(publications);
    }

    @Test
    void theWorkPageListsARunningCheckAndItsCancelButtonStopsIt() throws Exception {
        RulebookSource draft = RulebookService.read(STANDARD);
        CompletableFuture<?> check = heldAt(FaultPoint.CHECK_TRIAL, "page.barrier",
                () -> rulebooks.check(draft, "leader-page"));
        String id = heavy.running("leader-page", false).get(0).id();

        String page = mvc.perform(get("/work").with(user("leader-page").roles("LEADER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("进行中的操作").contains("规则检查").contains("/work/" + id + "/cancel");
        String other = mvc.perform(get("/work").with(user("someone-else").roles("LEADER")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(other).doesNotContain("/work/" + id + "/cancel");

        mvc.perform(post("/work/" + id + "/cancel").with(user("leader-page").roles("LEADER")).with(csrf()))
                .andExpect(redirectedUrl("/work"));
        release("page.barrier");

        assertThatThrownBy(() -> check.get(2, TimeUnit.MINUTES)).hasCauseInstanceOf(WorkStoppedException.class);
    }

    @Test
    void aSecondImportOfAPeriodWhileOneIsWritingIsAConflictAndTheFirstCompletes() throws Exception {
        Period q2 = Period.parse("2026-Q2");
        CompletableFuture<ImportReport> first = heldAt(FaultPoint.IMPORT_FIRST_BATCH, "import.barrier",
                () -> imports.importFolder(Path.of("data", "2026-Q2"), q2, "hr-first"));

        assertThatThrownBy(() -> imports.importFolder(Path.of("data", "2026-Q2"), q2, "hr-second"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.message().orElseThrow())
                        .satisfies(m -> assertThat(m.key()).isEqualTo("work.alreadyRunning"),
                                m -> assertThat(m.args()).contains("hr-first")));
        release("import.barrier");

        ImportReport report = first.get(2, TimeUnit.MINUTES);
        assertThat(report.stored()).isTrue();
        assertThat(jdbc.sql("SELECT imported_by FROM import_version WHERE period = '2026-Q2'").query(String.class).list())
                .containsExactly("hr-first");
    }

    /** Starts the work held at the point: returns once it waits there. */
    private <T> CompletableFuture<T> heldAt(FaultPoint point, String barrierName, Supplier<T> work) {
        Path barrier = dir.resolve(barrierName);
        System.setProperty(FaultPoint.PAUSE_AT, point.key());
        System.setProperty(FaultPoint.BARRIER, barrier.toString());
        CompletableFuture<T> running = CompletableFuture.supplyAsync(work);
        Eventually.until("the work waits at " + point.key(), () -> Files.exists(barrier) || running.isDone());
        assertThat(running).as("held at " + point.key()).isNotDone();
        return running;
    }

    private void cancelOwn(String owner) {
        List<HeavyWork.Running> running = heavy.running(owner, false);
        assertThat(running).hasSize(1);
        assertThat(heavy.cancel(running.get(0).id(), owner, false)).isTrue();
    }

    private void release(String barrierName) throws Exception {
        Files.delete(dir.resolve(barrierName));
    }
}

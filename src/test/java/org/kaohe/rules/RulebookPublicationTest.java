package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.audit.AuditLog;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Publishing: a draft is checked (tables, scenario cases, a trial on every imported period) and
 * published only with a reason; a broken draft leaves the published book as it was; an upload of
 * some tables changes only those; an earlier version can be published again.
 */
@KaoheTest
class RulebookPublicationTest {

    @Autowired RulebookService rulebooks;
    @Autowired RulebookDrafts drafts;
    @Autowired RulebookValidation validation;
    @Autowired ImportService imports;
    @Autowired AuditLog auditLog;

    @TempDir Path dir;

    @BeforeEach
    void standardBookPublishedAndAQuarterImported() throws Exception {
        rulebooks.publish(RulebookService.read(StandardBook.FOLDER), "leader", "测试:标准规则");
        imports.importFolder(Path.of("data/2026-Q3"), Period.parse("2026-Q3"), "hr");
    }

    @Test
    void aBrokenDraftIsRefusedAndThePublishedBookStays() throws Exception {
        String published = rulebooks.current().orElseThrow().version();
        int publications = rulebooks.publications().size();
        Path draft = changedCopy("broken", "grades.csv", ",GOOD,好,90,", ",GOOD,好,70,");

        assertThatThrownBy(() -> rulebooks.publish(RulebookService.read(draft), "leader", "改分数线"))
                .isInstanceOfSatisfying(RulebookInvalidException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.toString()).startsWith("grades.csv:3:D(最低分): ")));
        assertThat(rulebooks.publications()).hasSize(publications);
        assertThat(rulebooks.current().orElseThrow().version()).isEqualTo(published);
    }

    @Test
    void anUploadOfOneTableChangesThatTableAndKeepsTheOthers() throws Exception {
        Path upload = Files.createDirectories(dir.resolve("one-table"));
        Files.writeString(upload.resolve("bonus-points.csv"), Files.readString(StandardBook.FOLDER.resolve("bonus-points.csv"))
                .replace(",,AWARD,CITY,1,,", ",,AWARD,CITY,1.5,,"));

        DraftCheck check = rulebooks.check(RulebookService.read(upload));

        assertThat(check.problems()).isEmpty();
        assertThat(check.keptFromPublished()).containsExactlyInAnyOrder("settings.csv", "parts.csv", "grades.csv",
                "kinds.csv", "levels.csv", "deduction-points.csv", "gates.csv", "participation.csv", "annual-settings.csv",
                "annual-grades.csv", "annual-gates.csv", "signals.csv");
        assertThat(check.source().files()).containsKeys("parts.csv", "bonus-points.csv");
        // the demo quarter has city awards: the trial names the subjects whose scores change
        DraftTrial.PeriodTrial q3 = check.trials().stream().filter(t -> t.period().equals(Period.parse("2026-Q3")))
                .findFirst().orElseThrow();
        assertThat(q3.scoresChanged()).isPositive();
        assertThat(q3.changes()).allSatisfy(c -> assertThat(c.scoreAfter()).isGreaterThanOrEqualTo(c.scoreBefore()));
        assertThat(q3.changes()).filteredOn(DraftTrial.Change::scoreChanged).hasSize(q3.scoresChanged());
    }

    @Test
    void publishingNeedsAReasonWhichTheHistoryAndTheAuditLogKeep() throws Exception {
        Path changed = changedCopy("changed", "parts.csv", "B,加分,CADRE,,5,", "B,加分,CADRE,,6,");
        assertThatThrownBy(() -> rulebooks.publish(RulebookService.read(changed), "leader", "  "))
                .isInstanceOfSatisfying(RulebookInvalidException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.typed().key()).isEqualTo("rules.publish.reasonRequired")));


        RulebookService.Published published = rulebooks.publish(RulebookService.read(changed), "leader", "加分上限提高到 6 分");

        assertThat(published.newVersion()).isTrue();
        assertThat(rulebooks.current().orElseThrow().version()).isEqualTo(published.version());
        assertThat(rulebooks.publications().get(0).reason()).isEqualTo("加分上限提高到 6 分");
        assertThat(auditLog.latest(1)).singleElement().satisfies(e -> assertThat(e.detail())
                .contains(published.version()).contains("加分上限提高到 6 分"));
    }

    @Test
    void theSameContentIsTheSameVersionAndAnEarlierVersionCanBePublishedAgain() throws Exception {
        String standard = rulebooks.current().orElseThrow().version();
        RulebookService.Published again = rulebooks.publish(RulebookService.read(StandardBook.FOLDER), "leader", "再发布");
        assertThat(again.version()).isEqualTo(standard);
        assertThat(again.newVersion()).isFalse();

        RulebookService.Published other = rulebooks.publish(RulebookService.read(
                changedCopy("quota", "grades.csv", "SHARE,0.40,", "SHARE,0.30,")), "leader", "好等次比例 30%");
        assertThat(rulebooks.current().orElseThrow().version()).isEqualTo(other.version());

        RulebookService.Published back = rulebooks.republish(standard, "leader2", "回退到 40%");
        assertThat(back.version()).isEqualTo(standard);
        assertThat(rulebooks.current().orElseThrow().version()).isEqualTo(standard);
        assertThat(rulebooks.publications().get(0)).satisfies(p -> {
            assertThat(p.publishedBy()).isEqualTo("leader2");
            assertThat(p.reason()).isEqualTo("回退到 40%");
        });
        assertThatThrownBy(() -> rulebooks.republish("sha256:none", "leader", "x"))
                .isInstanceOf(RulebookInvalidException.class);
    }

    @Test
    void aRegistryThatDropsAKindTheImportsUseIsRefused() throws Exception {
        // the demo quarter has awards: a book without AWARD would silently give them nothing
        Path draft = changedCopy("no-award", "kinds.csv", "AWARD,表彰,,NATIONAL/PROVINCIAL/CITY/COUNTY,EVENT,\n", "");
        RuleFolders.deleteRows(draft, "bonus-points.csv", ",,AWARD,");
        DraftCheck check = rulebooks.check(RulebookService.read(draft));
        assertThat(check.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("kinds.csv");
            assertThat(p.message()).contains("2026-Q3").contains("「AWARD」事项");
        });
    }

    @Test
    void aDraftKeptForAnotherLeaderIsPublishedByThem() throws Exception {
        Path changed = changedCopy("draft", "parts.csv", "B,加分,CADRE,,5,", "B,加分,CADRE,,4,");
        long id = drafts.saveDraft(RulebookService.read(changed), "leader");
        assertThat(drafts.openDraft("leader")).hasValueSatisfying(d -> assertThat(d.id()).isEqualTo(id));

        RulebookService.Published published = rulebooks.publishDraft(id, "leader2", "审核通过");

        assertThat(rulebooks.publications().get(0)).satisfies(p -> {
            assertThat(p.version()).isEqualTo(published.version());
            assertThat(p.draftedBy()).isEqualTo("leader");
            assertThat(p.publishedBy()).isEqualTo("leader2");
        });
        assertThat(drafts.draft(id).orElseThrow().open()).isFalse();
        assertThatThrownBy(() -> rulebooks.publishDraft(id, "leader2", "again")).isInstanceOf(RulebookInvalidException.class);
    }

    @Test
    void aMissingFolderIsAProblemNotACrash() {
        assertThat(validation.validate(dir.resolve("nowhere"), "leader").problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("nowhere"));
    }

    @Test
    void storedFilesReadBackAsTheSameVersion() {
        String version = rulebooks.current().orElseThrow().version();
        Map<String, String> files = rulebooks.files(version);
        assertThat(RulebookSource.of(files).version()).isEqualTo(version);
    }

    private Path changedCopy(String name, String file, String before, String after) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(name));
        RuleFolders.copyStandard(copy);
        RuleFolders.replaceOnce(copy, file, before, after);
        return copy;
    }
}

package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runs replay} through the real jar: both demo quarters, imported and evaluated from the
 * command line, replay identical (exit 0); a rank changed directly in the database file is named
 * by subject and field (exit 3).
 */
class RunReplayIT {

    @TempDir
    Path databaseFolder;

    @Test
    void theDemoRunsReplayIdenticalAndAnEditedRankIsNamed() throws Exception {
        KaoheJar kaohe = new KaoheJar(databaseFolder);
        for (String period : new String[] {"2026-Q2", "2026-Q3"}) {
            KaoheJar.Run imported = kaohe.run("import", Path.of("data", period).toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            KaoheJar.Run evaluated = kaohe.run("evaluate", "--period", period);
            assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        }

        for (String run : new String[] {"1", "2"}) {
            KaoheJar.Run replay = kaohe.run("runs", "replay", run);
            assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
            assertThat(replay.out()).contains("一致 / identical").contains("91 个对象").doesNotContain("≠");
        }

        String url = "jdbc:h2:file:" + databaseFolder.resolve("kaohe").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        try (Connection db = DriverManager.getConnection(url, "sa", org.kaohe.audit.H2Password.passwordFor(url));
             PreparedStatement edit = db.prepareStatement(
                     "UPDATE subject_result SET rank_no = rank_no + 3 WHERE run_id = 2 AND subject_id = 'C0021'")) {
            assertThat(edit.executeUpdate()).isEqualTo(1);
        }
        KaoheJar.Run replay = kaohe.run("runs", "replay", "2");

        assertThat(replay.exitCode()).isEqualTo(3);
        assertThat(replay.out()).contains("不一致 / NOT identical").contains("1 处不同")
                .containsPattern("对象 CADRE/C0021 \\S+:排名 rank:存储 stored 「\\d+」 ≠ 重算 replayed 「\\d+」");
    }
}

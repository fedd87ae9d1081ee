package org.kaohe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key lives in a file beside the database (or where configured), is made once, private, and reused. */
class SealKeyTest {

    @TempDir
    Path dir;

    @Test
    void theKeyFileSitsBesideTheEmbeddedDatabaseUnlessConfigured() {
        assertThat(SealKey.location("", "jdbc:h2:file:./var/kaohe")).contains(Path.of("var").toAbsolutePath().resolve("kaohe.key"));
        assertThat(SealKey.location(null, "jdbc:h2:file:/srv/kaohe/db/kaohe;AUTO_SERVER=TRUE"))
                .contains(Path.of("/srv/kaohe/db/kaohe.key"));
        assertThat(SealKey.location("", "jdbc:postgresql://localhost/kaohe")).contains(Path.of("var", "kaohe.key"));
        assertThat(SealKey.location("/etc/kaohe/seal.key", "jdbc:h2:file:./var/kaohe")).contains(Path.of("/etc/kaohe/seal.key"));
        assertThat(SealKey.location("", "jdbc:h2:mem:test")).isEmpty();
    }

    @Test
    void theFirstStartCreatesAPrivateKeyAndLaterStartsReadTheSameOne() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/kaohe");
        SealKey first = new SealKey("", url, SealKey.SealedData.NONE);
        Path file = dir.resolve("db/kaohe.key");
        String firstId = first.id();

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("back this file up");
        SealKey again = new SealKey("", url, SealKey.SealedData.NONE);
        assertThat(again.id()).isEqualTo(firstId);
        assertThat(again.mac("run 1")).isEqualTo(first.mac("run 1")).hasSize(64);
        assertThat(new SealKey("", "jdbc:h2:file:" + dir.resolve("other/kaohe"), SealKey.SealedData.NONE).mac("run 1")).isNotEqualTo(first.mac("run 1"));
    }

    @Test
    void aMissingKeyBesideSealedDataIsRefusedAndNeverReplaced() {
        String url = "jdbc:h2:file:" + dir.resolve("sealed/kaohe");
        SealKey key = new SealKey("", url, () -> true);

        assertThatThrownBy(key::id).isInstanceOf(MissingKeyException.class)
                .hasMessageContaining("封印密钥文件缺失").hasMessageContaining("restore the file from your backup")
                .hasMessageContaining(dir.resolve("sealed/kaohe.key").toString());
        assertThat(dir.resolve("sealed/kaohe.key")).doesNotExist();
    }
}

package org.kaohe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

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

    /**
     * A seal is the MAC of its values' canonical text ({@link SealKey#fields}) in UTF-8, however it
     * is made: every stored seal was made that way. Random values of every kind of character
     * (ASCII, Chinese, beyond the Basic Multilingual Plane, lone surrogates, which UTF-8 writes as
     * {@code ?}), empty, null, and long enough to grow the buffer; the first value with a fixed seal.
     */
    @Test
    void aSealIsTheMacOfItsValuesCanonicalText() {
        SealKey key = SealKey.of(new byte[32]);
        assertThat(key.seal("kaohe-record-1", "7", null, "", "张三"))
                .isEqualTo(key.mac("14:kaohe-record-1;1:7;0:;0:;2:张三;"));
        Random random = new Random(19);
        char[] kinds = {'a', '9', ';', ':', '考', '\uD83D', '\uDE00', '\u00E9', '\n'};
        for (int i = 0; i < 5_000; i++) {
            String[] values = new String[random.nextInt(15)];
            for (int v = 0; v < values.length; v++) {
                int length = random.nextInt(10) == 0 ? random.nextInt(2_000) : random.nextInt(12);
                StringBuilder value = new StringBuilder();
                for (int c = 0; c < length; c++) {
                    value.append(kinds[random.nextInt(kinds.length)]);
                }
                values[v] = random.nextInt(20) == 0 ? null : value.toString();
            }
            assertThat(key.seal(values)).as("%d values", values.length)
                    .isEqualTo(key.mac(SealKey.fields(values)));
        }
    }
}

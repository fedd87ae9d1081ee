package org.kaohe.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A held upload is stored in parts and given back byte for byte: a file of several parts, an empty
 * file and a third file keep their order and content; only its owner finds it, and discarding it
 * removes its parts.
 */
@KaoheTest
class PendingUploadsTest {

    @Autowired PendingUploads pending;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @Test
    void aHeldUploadComesBackByteForByteFromItsParts() throws Exception {
        byte[] large = new byte[2 * PendingUploads.PART_BYTES + 123]; // three parts, the last a short one
        new Random(7).nextBytes(large);
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("targets.csv", Files.write(dir.resolve("a"), large));
        files.put("events.csv", Files.write(dir.resolve("b"), new byte[0]));
        files.put("cadres.csv", Files.writeString(dir.resolve("c"), "干部编号,姓名\nC1,张明\n"));

        String token = pending.hold("hr-parts", PendingUploads.Kind.QUARTER, "2026-Q3", 4, files);

        assertThat(pending.find(token, "someone-else")).isEmpty();
        PendingUploads.Pending held = pending.find(token, "hr-parts").orElseThrow();
        assertThat(held.fileNames()).containsExactly("targets.csv", "events.csv", "cadres.csv");
        assertThat(held.baseVersion()).isEqualTo(4);
        assertThat(parts(held.id(), 0)).isEqualTo(3);
        for (int position = 0; position < 3; position++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pending.copy(held, position, out);
            assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(files.get(held.fileNames().get(position))));
        }
        assertThat(pending.bytes(held, 2)).isEqualTo(Files.readAllBytes(files.get("cadres.csv")));

        pending.discard(token, "hr-parts");
        assertThat(pending.find(token, "hr-parts")).isEmpty();
        assertThat(parts(held.id(), 0)).isZero();
    }

    private long parts(long uploadId, int position) {
        return jdbc.sql("SELECT COUNT(*) FROM pending_upload_part WHERE upload_id = ? AND position = ?")
                .params(uploadId, position).query(Long.class).single();
    }
}

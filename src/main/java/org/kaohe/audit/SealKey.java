package org.kaohe.audit;

import static org.kaohe.audit.KeyFile.loadOrCreate;
import static org.kaohe.audit.KeyFile.random;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's secret key, the one thing that makes a seal mean something: run seals and the
 * audit log's chain are HMAC-SHA256 under it, so whoever can edit the database but cannot read
 * this file cannot forge them. It is never stored in the database.
 *
 * <p>Where it lives: {@code kaohe.key-file} (or the {@code KAOHE_KEY_FILE} environment variable);
 * by default {@code kaohe.key} beside the embedded H2 file ({@code var/kaohe.key}), or
 * {@code var/kaohe.key} for any other database. Created with 256 random bits at the first start
 * and readable by its owner only. An in-memory database (tests) gets a key in memory: both die
 * with the process. Losing the file means no stored seal can be checked any more: back it up with
 * the database (README, "What to back up").
 */
@Component
public class SealKey {

    private static final String ALGORITHM = "HmacSHA256";

    private final Path file;
    private final SealedData sealedData;
    private volatile Loaded loaded;

    /** The key and what is derived from it, read once on first use. */
    private record Loaded(byte[] key, String id, ThreadLocal<Mac> macs) {}

    /**
     * Whether the database already holds anything sealed under a key (then a missing key file is
     * lost, not new). Asked only when the key file is missing.
     */
    @FunctionalInterface
    public interface SealedData {
        SealedData NONE = () -> false;

        boolean present();
    }

    @org.springframework.beans.factory.annotation.Autowired
    public SealKey(@Value("${kaohe.key-file:}") String keyFile,
                   @Value("${spring.datasource.url:}") String databaseUrl,
                   org.springframework.beans.factory.ObjectProvider<SealedData> sealedData) {
        this(keyFile, databaseUrl, () -> sealedData.getIfAvailable(() -> SealedData.NONE).present());
    }

    /**
     * The key of this configuration, read (or, on an empty database, created) on first use, so that
     * the database can be asked first whether it already holds sealed data.
     */
    public SealKey(String keyFile, String databaseUrl, SealedData sealedData) {
        this.file = location(keyFile, databaseUrl).orElse(null);
        this.sealedData = sealedData;
    }

    /** A key given directly (tests that need two different keys). */
    public static SealKey of(byte[] key) {
        return new SealKey(key);
    }

    private SealKey(byte[] key) {
        this.file = null;
        this.sealedData = SealedData.NONE;
        this.loaded = loaded(key.clone());
    }

    /** HMAC-SHA256 of the text (UTF-8) under the key, as 64 hex digits. */
    public String mac(String text) {
        return HexFormat.of().formatHex(key().macs().get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The one way Kaohe seals a record of anything (a run's subject, an audit entry, an imported
     * record, a rulebook file): HMAC-SHA256 under the key over the values' canonical text
     * ({@link #fields}).
     */
    public String seal(String... values) {
        // The bytes of fields(values) in UTF-8, made without the text: each value encoded alone (a
        // Latin-1 value by a plain copy), where one builder of Chinese text encoded all of it slowly.
        FieldBytes bytes = FIELD_BYTES.get();
        bytes.clear();
        for (String value : values) {
            String v = value == null ? "" : value;
            bytes.digits(v.length());
            bytes.put((byte) ':');
            bytes.put(v.getBytes(StandardCharsets.UTF_8));
            bytes.put((byte) ';');
        }
        Mac mac = key().macs().get();
        mac.update(bytes.array, 0, bytes.length);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Each thread's buffer for {@link #seal}: a few hundred bytes a record, grown when a record needs more. */
    private static final ThreadLocal<FieldBytes> FIELD_BYTES = ThreadLocal.withInitial(FieldBytes::new);

    private static final class FieldBytes {
        private byte[] array = new byte[512];
        private int length;

        void clear() {
            length = 0;
        }

        void put(byte b) {
            room(1);
            array[length++] = b;
        }

        void put(byte[] bytes) {
            room(bytes.length);
            System.arraycopy(bytes, 0, array, length, bytes.length);
            length += bytes.length;
        }

        /** A length in decimal ASCII digits, as {@code Integer.toString} writes it (never negative). */
        void digits(int n) {
            int count = 1;
            for (int rest = n / 10; rest > 0; rest /= 10) {
                count++;
            }
            room(count);
            for (int i = length + count - 1, rest = n; i >= length; i--, rest /= 10) {
                array[i] = (byte) ('0' + rest % 10);
            }
            length += count;
        }

        private void room(int more) {
            if (length + more > array.length) {
                array = Arrays.copyOf(array, Math.max(2 * array.length, length + more));
            }
        }
    }

    /**
     * Values as {@code length:value;}, the canonical text of any list of strings every seal covers:
     * no value can shift into its neighbour, whatever it holds.
     */
    public static String fields(String... values) {
        int size = 0;
        for (String value : values) {
            size += (value == null ? 0 : value.length()) + 8; // the text, its length and the separators
        }
        StringBuilder out = new StringBuilder(size); // sized once: an import seals some 1.5 million records
        for (String value : values) {
            String v = value == null ? "" : value;
            out.append(v.length()).append(':').append(v).append(';');
        }
        return out.toString();
    }

    /**
     * A short public fingerprint of the key (16 hex digits of its SHA-256), stored with each seal,
     * so a seal made under another key is reported as such rather than as an edit.
     */
    public String id() {
        return key().id();
    }

    /** The key file; empty when the key lives in memory only (in-memory database). */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The key file for this configuration, or empty for an in-memory H2 database. */
    public static Optional<Path> location(String keyFile, String databaseUrl) {
        if (keyFile != null && !keyFile.isBlank()) {
            return Optional.of(Path.of(keyFile.strip()));
        }
        String url = databaseUrl == null ? "" : databaseUrl;
        if (url.startsWith("jdbc:h2:mem:")) {
            return Optional.empty();
        }
        String h2File = url.startsWith("jdbc:h2:file:") ? url.substring("jdbc:h2:file:".length())
                : url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:")
                ? url.substring("jdbc:h2:".length()) : null;
        if (h2File != null) {
            String path = h2File.split(";", 2)[0];
            if (path.startsWith("~")) {
                path = System.getProperty("user.home") + path.substring(1);
            }
            Path parent = Path.of(path).toAbsolutePath().normalize().getParent();
            return Optional.of(parent.resolve("kaohe.key"));
        }
        return Optional.of(Path.of("var", "kaohe.key"));
    }

    private Loaded key() {
        Loaded known = loaded;
        if (known == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = loaded(file == null ? random() : loadOrCreate(file, sealedData));
                }
                known = loaded;
            }
        }
        return known;
    }

    private static Loaded loaded(byte[] key) {
        return new Loaded(key, HexFormat.of().formatHex(sha256(key)).substring(0, 16),
                ThreadLocal.withInitial(() -> newMac(key)));
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package org.kaohe.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key file on disk: read, or created once (256 random bits, owner-only) on the very first start,
 * and never replaced beside sealed data.
 */
final class KeyFile {

    private static final Logger log = LoggerFactory.getLogger(SealKey.class);

    private KeyFile() {}

    /**
     * Reads the key file; creates it only when the database holds nothing sealed yet (the very first
     * start). A key file missing beside sealed data was lost or moved: a new key would make every
     * stored seal read as made under another key, and the entries sealed with it would break the
     * audit chain for good once the real key is back. So nothing starts until it is restored.
     */
    static byte[] loadOrCreate(Path file, SealKey.SealedData sealedData) {
        try {
            if (!Files.exists(file)) {
                if (sealedData.present()) {
                    throw new MissingKeyException(file);
                }
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取或创建密钥文件 / cannot read or create the key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        String text = "# Kaohe seal key: back this file up with the database; without it no seal can be checked.\n"
                + "# Kaohe 封印密钥:与数据库一同备份;丢失后已有封印无法核验。切勿放入数据库或版本库。\n"
                + Base64.getEncoder().encodeToString(random()) + "\n";
        // Written to a private temporary file, then moved in place: a command line started at the
        // same moment either sees no file or the whole key, and the first one to move wins.
        Path temp = Files.createTempFile(folder, ".kaohe-key", ".tmp");
        try {
            ownerOnly(temp);
            Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.createLink(file, temp);
                log.warn("已创建封印密钥 {};请与数据库一同备份 / created the seal key {}: back it up with the database",
                        file.toAbsolutePath(), file.toAbsolutePath());
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(file)) {
                    Files.move(temp, file);
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] read(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String text = line.strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                byte[] key = Base64.getDecoder().decode(text);
                if (key.length < 16) {
                    throw new IllegalStateException("密钥文件内容无效 / the key file holds no valid key: " + file);
                }
                return key;
            }
        }
        throw new IllegalStateException("密钥文件内容无效 / the key file holds no valid key: " + file);
    }

    private static void ownerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): the folder's permissions protect it
        }
    }

    static byte[] random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}

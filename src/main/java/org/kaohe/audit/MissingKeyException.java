package org.kaohe.audit;

import java.nio.file.Path;

/**
 * The key file is missing while the database holds data sealed under a key: it was lost, moved or
 * not given to this process. Nothing that seals or checks a seal may go on with a new key.
 */
public class MissingKeyException extends IllegalStateException {

    private final transient Path file;

    public MissingKeyException(Path file) {
        super("封印密钥文件缺失:" + file.toAbsolutePath() + "。数据库中已有用密钥封印的数据,不会新建密钥;请从备份恢复该文件"
                + "(或用 --kaohe.key-file=PATH / KAOHE_KEY_FILE 指明其位置)后再试 / the seal key file is missing: "
                + file.toAbsolutePath() + ". The database holds data sealed under a key, so no new key is made: restore"
                + " the file from your backup (or name it with --kaohe.key-file=PATH / KAOHE_KEY_FILE) and try again");
        this.file = file;
    }

    /** Where the key was expected. */
    public Path file() {
        return file;
    }
}

package org.kaohe.security;

import java.util.EnumSet;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On a database with no users, creates {@code admin} (ADMIN) with a random password that is shown
 * once. The web server does this at start ({@link InitialAdminAtWebStart}); the command line only
 * when the {@code users} command runs on an empty database, so other commands' output stays clean.
 */
@Component
public class InitialAdmin {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final UserAccountService accounts;

    InitialAdmin(UserAccountService accounts) {
        this.accounts = accounts;
    }

    /** Creates the admin when there are no users; returns the banner to show, if one was created. */
    public synchronized Optional<String> createIfNoUsers() {
        if (!accounts.noUsers()) {
            return Optional.empty();
        }
        UserAccountService.CreatedUser created =
                accounts.create("system", USERNAME, EnumSet.of(Role.ADMIN), null);
        log.info("Created the initial user {}", USERNAME);
        return Optional.of(banner(created.password()));
    }

    static String banner(String password) {
        String rule = "=".repeat(72);
        return String.join(System.lineSeparator(),
                "",
                rule,
                "  首次启动:已创建管理员账号。密码只显示这一次,是一次性密码:请立即登录并修改。",
                "  First start: an administrator account was created. The password is shown",
                "  only this once and is one-time: log in now and choose your own.",
                "",
                "    用户名 / username : " + USERNAME,
                "    密码   / password : " + password,
                rule,
                "");
    }
}

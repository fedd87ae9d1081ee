package org.kaohe.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Web mode only: creates the first admin at start, after the other start-up work so the banner is
 * the last thing shown. It goes to the log at WARN (so it shows whatever the log level) and to
 * standard output (so it shows in {@code mvn spring-boot:run}).
 */
@Component
@ConditionalOnWebApplication
class InitialAdminAtWebStart {

    private static final Logger log = LoggerFactory.getLogger(InitialAdminAtWebStart.class);

    private final InitialAdmin initialAdmin;

    InitialAdminAtWebStart(InitialAdmin initialAdmin) {
        this.initialAdmin = initialAdmin;
    }

    /** When the application is ready: after every start-up runner (demo data, evaluation). */
    @EventListener(ApplicationReadyEvent.class)
    public void createFirstAdmin() {
        // Printed once on the console, never into a log file: the password is shown this one time only.
        initialAdmin.createIfNoUsers().ifPresent(banner -> {
            log.warn("首次启动:已创建管理员账号 admin,密码见控制台 / first start: admin account created, password on the console");
            System.out.println(banner);
        });
    }
}

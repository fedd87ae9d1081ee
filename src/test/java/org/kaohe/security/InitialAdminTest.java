package org.kaohe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.kaohe.testing.KaoheTest;

@KaoheTest
class InitialAdminTest {

    @Autowired MockMvc mvc;
    @Autowired InitialAdmin initialAdmin;
    @Autowired UserAccountService accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void theWebServerCreatesAnAdminAtFirstStart() {
        assertThat(accounts.list()).anyMatch(u -> u.username().equals("admin") && u.roles().contains(Role.ADMIN));
    }

    @Test
    void thePrintedPasswordLogsInAndIsPrintedOnlyOnce() throws Exception {
        jdbc.sql("DELETE FROM app_user").update();

        String banner = initialAdmin.createIfNoUsers().orElseThrow();
        assertThat(banner).contains("首次启动").contains("First start");
        Matcher m = Pattern.compile("password : (\\S+)").matcher(banner);
        assertThat(m.find()).isTrue();

        mvc.perform(formLogin().user("admin").password(m.group(1))).andExpect(redirectedUrl("/"));
        assertThat(initialAdmin.createIfNoUsers()).isEmpty();
    }
}

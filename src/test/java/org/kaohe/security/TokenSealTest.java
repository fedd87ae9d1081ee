package org.kaohe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.kaohe.audit.AuditLog;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An API token stops at its expiry, saying so; and its row is sealed like a user's: a token row
 * inserted, revived or extended by SQL acts for nobody, and is reported.
 */
@KaoheTest
class TokenSealTest {

    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;
    @Autowired ApiTokens tokens;
    @Autowired UserSeals seals;
    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;

    @Test
    void anExpiredTokenIsRefusedSayingWhen() throws Exception {
        accounts.create("admin", "token-ager", EnumSet.of(Role.AUDITOR), "Lichen-parrot-anvil-26");
        ApiTokens.NewToken made = tokens.create("token-ager", "ageing", 1);
        assertThat(call(made.token()).getStatus()).isEqualTo(200);

        // A day and a minute later: the expiry moved back, sealed as Kaohe would have sealed it.
        OffsetDateTime created = made.info().createdAt().minusDays(1).minusMinutes(1);
        OffsetDateTime expired = created.plusDays(1);
        jdbc.sql("UPDATE api_token SET created_at = ?, expires_at = ?, seal = ? WHERE id = ?")
                .params(created, expired, seals.tokenSeal("token-ager", sha256(made.token()), created, expired, null, null),
                        made.info().id())
                .update();

        MockHttpServletResponse refused = call(made.token());
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("过期").contains("the API token expired on");
    }

    @Test
    void aTokenRowInsertedRevivedOrExtendedBySqlActsForNobody() throws Exception {
        accounts.create("admin", "token-victim", EnumSet.of(Role.ADMIN), "Sorrel-glacier-kayak-35");
        String forged = "kh_forged-by-sql-forged-by-sql-forged-by-sql-12";
        jdbc.sql("INSERT INTO api_token (username, name, token_hash, created_at, expires_at) VALUES (?, 'sql', ?, ?, ?)")
                .params("token-victim", sha256(forged), OffsetDateTime.now(), OffsetDateTime.now().plusDays(30)).update();
        ApiTokens.NewToken revived = tokens.create("token-victim", "revived", 30);
        tokens.revoke("token-victim", revived.info().id());
        jdbc.sql("UPDATE api_token SET revoked_at = NULL, revoked_reason = NULL WHERE id = ?").param(revived.info().id()).update();
        ApiTokens.NewToken extended = tokens.create("token-victim", "extended", 1);
        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE id = ?")
                .params(OffsetDateTime.now().plusYears(10).truncatedTo(ChronoUnit.MILLIS), extended.info().id()).update();

        for (String token : new String[] {forged, revived.token(), extended.token()}) {
            MockHttpServletResponse refused = mvc.perform(get("/api/users").header("Authorization", "Bearer " + token))
                    .andReturn().getResponse();
            assertThat(refused.getStatus()).isEqualTo(401);
            assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("fails its check");
        }
        assertThat(auditLog.latest(20)).filteredOn(e -> e.action().equals("TOKEN_SEAL_BROKEN")).hasSize(3);
    }

    private MockHttpServletResponse call(String token) throws Exception {
        return mvc.perform(get("/api/runs").header("Authorization", "Bearer " + token)).andReturn().getResponse();
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}

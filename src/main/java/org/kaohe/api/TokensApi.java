package org.kaohe.api;

import java.security.Principal;
import java.util.List;

import org.kaohe.security.ApiTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Each user's own API tokens. A script logs in once with its password (HTTP Basic) to make a
 * token, then sends {@code Authorization: Bearer <token>}: no password hash on every request.
 */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "tokens", description = "个人 API 令牌 / personal API tokens for scripts")
class TokensApi {

    /** {@code days}: how long the token is valid (empty: {@code kaohe.tokens.default-days}, 90; at most {@code kaohe.tokens.max-days}, 365). */
    record TokenRequest(String name, Integer days) {}

    private final ApiTokens tokens;

    TokensApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @Operation(summary = "新建令牌(只显示这一次)/ make a token for yourself; the token is shown this once",
            description = "之后以 Authorization: Bearer <token> 调用 API;有效期 days 天(默认 90)/ then call the API with "
                    + "Authorization: Bearer <token>; valid for days (90 by default)")
    ResponseEntity<ApiTokens.NewToken> create(@RequestBody(required = false) TokenRequest request, Principal who) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tokens.create(who.getName(), request == null ? null : request.name(),
                        request == null ? null : request.days()));
    }

    @GetMapping
    @Operation(summary = "我的令牌(不含令牌本身):到期、最后使用、撤销时间与原因 / your tokens, without the tokens "
            + "themselves: when each expires, was last used, was revoked and why")
    List<ApiTokens.TokenInfo> list(Principal who) {
        return tokens.list(who.getName());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "撤销令牌 / revoke one of your tokens")
    ResponseEntity<Void> revoke(@PathVariable long id, Principal who) {
        if (!tokens.revoke(who.getName(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, ApiText.of("api.tokens.unknown", id));
        }
        return ResponseEntity.noContent().build();
    }
}

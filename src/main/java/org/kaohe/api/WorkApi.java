package org.kaohe.api;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.time.Instant;
import java.util.List;

import org.kaohe.work.HeavyWork;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Heavy work running on this instance (imports, rulebook checks and publications, simulations,
 * replays, exports): the caller's own (an admin sees everyone's), and cancelling one. A cancelled
 * check, publication, simulation or replay stops at its next look (between sessions, every 256
 * rule firings, while collecting and sorting) and its request answers 409; nothing it would have
 * stored is stored.
 */
@RestController
@RequestMapping("/api/work")
@Tag(name = "work", description = "进行中的繁重操作 / heavy work in progress on this server")
class WorkApi {

    /** A running job; its title in the request's language (both without {@code Accept-Language}). */
    record Running(String id, HeavyWork.Kind kind, String owner, String title, Instant startedAt, boolean stopping) {
        static List<Running> of(List<HeavyWork.Running> running) {
            return running.stream().map(r -> new Running(r.id(), r.kind(), r.owner(), ApiText.worded(r.title()),
                    r.startedAt(), r.stopping())).toList();
        }
    }

    private final HeavyWork heavy;

    WorkApi(HeavyWork heavy) {
        this.heavy = heavy;
    }

    @GetMapping
    @Operation(summary = "本服务器上进行中的导入、检查、发布、模拟、重放与导出(自己的;管理员看全部)/ heavy work running on this"
            + " server: your own (an admin sees everyone's)")
    List<Running> running(Authentication who) {
        return Running.of(heavy.running(who.getName(), admin(who)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "取消进行中的繁重操作(发起人或管理员)/ cancel running heavy work (its owner, or an admin)")
    List<Running> cancel(@PathVariable String id, Authentication who) {
        if (!heavy.cancel(id, who.getName(), admin(who))) {
            throw new ResponseStatusException(NOT_FOUND, ApiText.of("api.work.unknown", org.kaohe.errors.Echo.of(id)));
        }
        return Running.of(heavy.running(who.getName(), admin(who)));
    }

    private static boolean admin(Authentication who) {
        return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    }
}

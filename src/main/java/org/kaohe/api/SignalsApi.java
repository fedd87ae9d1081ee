package org.kaohe.api;

import static org.springframework.http.HttpStatus.FORBIDDEN;

import java.util.Map;

import org.kaohe.signals.SignalFormat;
import org.kaohe.signals.SignalRun;
import org.kaohe.signals.SignalService;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The warning signals of a period or a year (LEADER, AUDITOR; HR those of its own imports), and notes on flags. */
@RestController
@RequestMapping("/api")
@Tag(name = "signals", description = "预警 / warning signals: what the scores cannot show (advisory, never in a score)")
class SignalsApi {

    private final SignalService signals;

    SignalsApi(SignalService signals) {
        this.signals = signals;
    }

    @GetMapping("/periods/{period}/signals")
    @Operation(summary = "一个考核期的预警 / a period's warning signals",
            description = "最新的预警运行(若其读取的考核仍为当前考核),否则现在计算并存储一个;warnings 说明所读内容中已过时的部分"
                    + " / the newest signal run when it read the current runs, else one computed and stored now; warnings"
                    + " say what it read that is out of date")
    Map<String, Object> period(@PathVariable String period, Authentication who) {
        return answer(period, who);
    }

    @GetMapping("/years/{year}/signals")
    @Operation(summary = "一年的预警 / a year's warning signals (轮流坐庄 only here)")
    Map<String, Object> year(@PathVariable String year, Authentication who) {
        return answer(year, who);
    }

    /** A note's body: the flag's {@code key} as the answer gives it, and what was found. */
    record NoteRequest(String flag, String note) {}

    @PostMapping("/signal-runs/{run}/notes")
    @Operation(summary = "记录已查看某条提示及说明(领导、审计)/ note that a flag was looked at (leader, auditor); written to the audit log")
    Map<String, Object> note(@PathVariable long run, @RequestBody NoteRequest request, Authentication who) {
        signals.note(run, request.flag(), request.note(), who.getName());
        return SignalFormat.json(signals.run(run), ApiText.locale());
    }

    private Map<String, Object> answer(String scope, Authentication who) {
        SignalRun run = signals.current(scope, who.getName());
        if (!signals.visibleTo(run, who.getName(), authorities(who))) {
            throw new ResponseStatusException(FORBIDDEN, ApiText.of("api.signals.ownImportsOnly"));
        }
        return SignalFormat.json(run, ApiText.locale());
    }

    private static java.util.List<String> authorities(Authentication who) {
        return who.getAuthorities().stream().map(a -> a.getAuthority()).toList();
    }
}

package org.kaohe.api;

import java.security.Principal;
import java.util.List;

import org.kaohe.evaluation.ReplayDifference;
import org.kaohe.evaluation.RunReplay;
import org.kaohe.results.RunQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Replaying a stored run (AUDITOR, ADMIN). */
@RestController
@RequestMapping("/api")
@Tag(name = "results", description = "考核结果 / evaluation runs, results and explanations")
class RunReplayApi {

    /** The header that carries the status, so a script that reads no body still sees it. */
    static final String REPLAY_HEADER = "Kaohe-Replay";

    /** One difference: where (subject, line numbered from 1, 0 for the subject itself), what, and both values. */
    record Difference(String subject, String name, int line, String rule, String what, String stored, String replayed,
                      String text) {
        static Difference of(ReplayDifference d) {
            return new Difference(d.subject(), d.name(), d.line(), d.rule(), d.what(), d.stored(), d.replayed(), d.text());
        }
    }

    /**
     * A replay: status IDENTICAL, DIFFERENT or NOT_REPLAYABLE; the differences (the first 1,000,
     * {@code differenceCount} counts all); for a run of an old-format rulebook {@code oldFormat}, a
     * note on what is not compared and the reasons worded otherwise on lines identical in figures.
     */
    record Replay(long run, String period, String status, String label, boolean identical, String summary,
                  int subjects, long lines, long differenceCount, List<Difference> differences, boolean oldFormat,
                  String oldFormatNote, long wordingCount, List<Difference> wordings, String reason) {
        static Replay of(RunReplay.Replay r) {
            return new Replay(r.run().id(), r.run().period().toString(), r.status().name(),
                    ApiText.worded(r.status().label()), r.identical(), ApiText.worded(r.summary()), r.subjects(),
                    r.lines(), r.differenceCount(), r.differences().stream().map(Difference::of).toList(), r.oldFormat(),
                    r.oldFormat() ? ApiText.worded(RunReplay.Replay.OLD_FORMAT_NOTE) : null, r.wordingCount(),
                    r.wordings().stream().map(Difference::of).toList(),
                    r.reason() == null ? null : ApiText.worded(r.reason()));
        }
    }

    private final RunQueries runs;
    private final RunReplay replays;

    RunReplayApi(RunQueries runs, RunReplay replays) {
        this.runs = runs;
        this.replays = replays;
    }

    @GetMapping("/runs/{runId}/replay")
    @Operation(summary = "重放运行(审计、管理员)/ replay a run (AUDITOR, ADMIN): its import evaluated again with its "
            + "rulebook version, every score, grade, rank, veto, part and line compared (header Kaohe-Replay)")
    ResponseEntity<Replay> replay(@PathVariable long runId, Principal who) {
        var run = runs.run(runId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND, ApiText.of("input.run.unknown", runId)));
        RunReplay.Replay replay = replays.replay(run, who.getName());
        return ResponseEntity.ok().header(REPLAY_HEADER, replay.status().name()).body(Replay.of(replay));
    }
}

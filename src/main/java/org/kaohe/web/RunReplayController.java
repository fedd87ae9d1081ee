package org.kaohe.web;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.security.Principal;

import org.kaohe.evaluation.RunReplay;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** The auditor's "replay the run": its import evaluated again with its rulebook, every figure compared. */
@Controller
class RunReplayController {

    private final RunQueries runs;
    private final RunReplay replays;

    RunReplayController(RunQueries runs, RunReplay replays) {
        this.runs = runs;
        this.replays = replays;
    }

    /**
     * A check, not a change: the run's import is evaluated again in memory and compared with what the
     * run stored; the answer is this request's (a POST because it is the auditor's recorded act and
     * costs a whole evaluation). No run is stored, so there is nothing to redirect to.
     */
    @PostMapping("/runs/{runId}/replay")
    String replay(@PathVariable long runId, Principal who, Model model) {
        RunInfo run = runs.run(runId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("run", run);
        model.addAttribute("replay", replays.replay(run, who.getName()));
        return "replay";
    }
}

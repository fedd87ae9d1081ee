package org.kaohe.web;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.security.Principal;

import org.kaohe.results.AuditedRuns;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** The auditor's "verify the whole run": every row, every line, the chain and the run's seal. */
@Controller
class RunVerifyController {

    private final RunQueries runs;
    private final AuditedRuns audited;

    RunVerifyController(RunQueries runs, AuditedRuns audited) {
        this.runs = runs;
        this.audited = audited;
    }

    /**
     * A check, not a change: the run is read and compared with its seals, and the answer is this
     * request's (a POST because the check is the auditor's act, recorded in the audit log, and costs
     * a read of the whole run). Nothing is stored but that audit line, so there is nothing to redirect to.
     */
    @PostMapping("/runs/{runId}/verify")
    String verify(@PathVariable long runId, Principal who, Model model) {
        RunInfo run = runs.run(runId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        RunChecks.Verification verification = audited.verify(run, who.getName());
        model.addAttribute("run", run);
        model.addAttribute("verification", verification);
        return "verify";
    }
}

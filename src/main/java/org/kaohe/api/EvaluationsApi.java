package org.kaohe.api;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.net.URI;
import java.security.Principal;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.jobs.EvaluationJob;
import org.kaohe.jobs.EvaluationRuns;
import org.kaohe.records.Period;
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
 * Evaluations (HR): started in the background, polled until done. The job's status is
 * {@link EvaluationJob}, the same the evaluation page polls; when DONE, its {@code runId} is the
 * new run (see /api/runs/{runId}/results).
 */
@RestController
@RequestMapping("/api/evaluations")
@Tag(name = "evaluations", description = "运行考核 / run evaluations")
class EvaluationsApi {

    record EvaluationRequest(String period) {}

    private final EvaluationRuns evaluationRuns;

    EvaluationsApi(EvaluationRuns evaluationRuns) {
        this.evaluationRuns = evaluationRuns;
    }

    @PostMapping
    @Operation(summary = "开始考核一个考核期(后台运行)/ start evaluating a period in the background",
            description = "返回 202 与任务;轮询 Location 直到 state 为 DONE 或 FAILED / answers 202 with the job; "
                    + "poll its Location until state is DONE or FAILED")
    ResponseEntity<EvaluationJob> start(@RequestBody EvaluationRequest request, Principal who) {
        if (request == null || request.period() == null) {
            throw new InvalidInputException(Message.of("input.evaluation.periodRequired"));
        }
        String jobId = evaluationRuns.start(Period.parse(request.period()), who.getName());
        return ResponseEntity.accepted().location(URI.create("/api/evaluations/" + jobId)).body(job(jobId, who));
    }

    @DeleteMapping("/{jobId}")
    @Operation(summary = "取消考核任务(仅启动者)/ cancel an evaluation job (its starter only)",
            description = "排队中的任务立即取消,运行中的在下一次检查时停止(每 256 次规则触发及每个部门之间);返回任务状态,"
                    + "已结束的任务不变 / a queued job is cancelled at once, a running one stops at its next check (every "
                    + "256 rule firings and between departments); answers the job's status, an ended job is left as it is")
    EvaluationJob cancel(@PathVariable String jobId, Principal who) {
        evaluationRuns.cancel(jobId, who.getName());
        return job(jobId, who);
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "考核任务状态 / the status of an evaluation job (only its starter sees it)")
    EvaluationJob job(@PathVariable String jobId, Principal who) {
        return evaluationRuns.status(jobId, who.getName(), ApiText.locale())
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, ApiText.of("api.job.unknown", jobId)));
    }
}

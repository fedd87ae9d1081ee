package org.kaohe.evaluation;

import java.time.Duration;

import org.kaohe.rules.engine.RunLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limits every evaluation of a period runs under, whether it is stored (EvaluationService) or
 * replayed (RunReplay): {@code kaohe.evaluation.max-seconds} and
 * {@code kaohe.evaluation.max-firings-per-session}, read in this one place. Stored evaluations run on
 * the engine's evaluation lane; a replay takes these limits onto the check lane ({@link RunLimits#forCheck}).
 */
@Configuration(proxyBeanMethods = false)
class EvaluationLimits {

    @Bean
    RunLimits evaluationRunLimits(@Value("${kaohe.evaluation.max-seconds:600}") long maxSeconds,
                                  @Value("${kaohe.evaluation.max-firings-per-session:5000000}") long maxFirings) {
        return new RunLimits(Duration.ofSeconds(maxSeconds), maxFirings, () -> false, RunLimits.Lane.EVALUATION);
    }
}

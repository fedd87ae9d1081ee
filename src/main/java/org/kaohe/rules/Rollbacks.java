package org.kaohe.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.kaohe.errors.Message;
import org.kaohe.records.ItemRegistry;
import org.kaohe.rules.engine.RunLimits;
import org.springframework.stereotype.Component;

/**
 * What a rollback would publish: an earlier version (named in full or by its first digits) with the
 * rows the imported data need carried over ({@link RollbackCarryOver}), checked as any draft is.
 */
@Component
class Rollbacks {

    private final RulebookRepository repository;
    private final DraftTrial trial;
    private final RollbackCarryOver carryOver;
    private final CompiledVersions versions;

    Rollbacks(RulebookRepository repository, DraftTrial trial, RollbackCarryOver carryOver, CompiledVersions versions) {
        this.repository = repository;
        this.trial = trial;
        this.carryOver = carryOver;
        this.versions = versions;
    }

    /** The check of publishing {@code earlier} (stored as {@code full}) again, against the published registry. */
    DraftCheck check(String full, RulebookSource earlier, RunLimits limits, Supplier<ItemRegistry> registry)
            throws RulebookInvalidException {
        CompiledRulebook compiled = versions.compileArchived(full, earlier);
        RollbackCarryOver.Outcome carry = carryOver.carry(full, tables(earlier), compiled.book(),
                registry.get());
        RulebookSource source = carry.carried().isEmpty() ? earlier : carry.source();
        if (!carry.carried().isEmpty()) {
            compiled = compileCarried(source);
        }
        List<RuleProblem> problems = new ArrayList<>(carry.problems());
        List<ScenarioCases.CaseResult> cases = ScenarioCases.run(compiled, source, limits.cancelled());
        cases.forEach(c -> problems.addAll(c.failures()));
        // The registry was checked against the imports just above: carried over, or refused with what to do.
        Optional<CompiledRulebook> published = versions.current();
        List<DraftTrial.PeriodTrial> trials = trial.run(compiled, published, limits, problems, false);
        DraftCheck check = new DraftCheck(source.version(), source, List.of(), problems, cases, trials,
                trial.years(compiled, published, problems), carry.carried(), full);
        return check;
    }

    /** The earlier version with the rows carried over, read as any stored version; a problem says so when it cannot be. */
    private CompiledRulebook compileCarried(RulebookSource source) throws RulebookInvalidException {
        try {
            return versions.compileArchived(source.version(), source);
        } catch (RulebookInvalidException e) {
            List<RuleProblem> problems = new ArrayList<>();
            problems.add(new RuleProblem("", 0, Message.of("rules.rollback.unreadable")));
            problems.addAll(e.problems());
            throw new RulebookInvalidException(problems);
        }
    }

    /** A version written in full or by the first digits {@code rules list} and the pages show (at least 8). */
    String fullVersion(String version) throws RulebookInvalidException {
        String digits = version.strip().startsWith("sha256:") ? version.strip().substring(7) : version.strip();
        if (digits.length() < 8) {
            return version;
        }
        List<String> matches = repository.publications().stream().map(RulebookRepository.Publication::version)
                .filter(v -> v.startsWith("sha256:" + digits)).distinct().toList();
        if (matches.size() > 1) {
            throw new RulebookInvalidException(List.of(new RuleProblem("", 0, Message.of("rules.version.ambiguous", version))));

        }
        return matches.isEmpty() ? version : matches.get(0);
    }

    /**
     * The rows of a version that a rollback carried over for the imported data ({@code kinds.csv:17}),
     * against the earlier version it was asked for; empty for any version no rollback made.
     */
    java.util.Set<String> carriedRows(String version) {
        return repository.publications().stream().filter(p -> p.version().equals(version) && p.carriedOver()).findFirst()
                .map(p -> {
                    try {
                        return RollbackCarryOver.carriedRows(tables(RulebookSource.of(repository.files(p.rollbackOf())))
                                .files(), repository.files(version));
                    } catch (RulebookInvalidException e) {
                        return java.util.Set.<String>of(); // an unreadable old version: nothing to compare with
                    }
                })
                .orElse(java.util.Set.of());
    }

    /** A book as tables: an old-format version translated, any other as it is. */
    private static RulebookSource tables(RulebookSource book) throws RulebookInvalidException {
        return org.kaohe.rules.legacy.LegacyRulebook.isLegacy(book) ? org.kaohe.rules.legacy.LegacyRulebook.translate(book)
                : book;
    }
}

package org.kaohe.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.kaohe.annual.AnnualService;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * First start ({@code mvn spring-boot:run} on an empty database): publish the rulebook in
 * {@code rules/} if none is published, import the demo quarters in {@code data/} if nothing is
 * imported, and evaluate every period that has an import but no run; then import each demo year's
 * annual-appraisals.csv ({@code data/2026/}) if the year has none, and evaluate the year once its
 * four quarters have runs and it has no annual run. On a database already in use it changes nothing. Only when {@code kaohe.demo.load-on-start=true}: the web start sets it
 * (KaoheApplication), the command line and the tests do not.
 */
@Component
@ConditionalOnProperty(name = DemoBootstrap.ENABLED, havingValue = "true")
class DemoBootstrap implements ApplicationRunner {

    static final String ENABLED = "kaohe.demo.load-on-start";

    private static final Logger log = LoggerFactory.getLogger(DemoBootstrap.class);
    private static final String WHO = "system";

    private final RulebookService rulebooks;
    private final ImportService importService;
    private final ImportRepository imports;
    private final EvaluationService evaluation;
    private final RunQueries runs;
    private final AnnualService annual;
    private final Path rulesDir;
    private final Path dataDir;

    DemoBootstrap(RulebookService rulebooks, ImportService importService, ImportRepository imports,
                  EvaluationService evaluation, RunQueries runs, AnnualService annual,
                  @Value("${kaohe.rules-dir}") Path rulesDir, @Value("${kaohe.demo-data-dir}") Path dataDir) {
        this.rulebooks = rulebooks;
        this.importService = importService;
        this.imports = imports;
        this.evaluation = evaluation;
        this.runs = runs;
        this.annual = annual;
        this.rulesDir = rulesDir;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!publishDefaultRulebook()) {
            return;
        }
        if (imports.periods().isEmpty()) {
            importDemoQuarters();
        }
        for (Period period : imports.periods()) {
            if (runs.currentRun(period).isEmpty()) {
                EvaluationService.RunSummary run = evaluation.evaluate(period, WHO);
                log.info("已考核 evaluated {}: run #{}, {} cadres, {} departments", period, run.runId(), run.cadres(),
                        run.departments());
            }
        }
        for (Path folder : demoFolders("\\d{4}")) {
            loadDemoYear(Integer.parseInt(folder.getFileName().toString()), folder);
        }
    }

    /** Imports the year's appraisal if it has none, and evaluates the year once its four quarters have runs. */
    private void loadDemoYear(int year, Path folder) {
        if (!annual.imported(year)) {
            AnnualService.ImportResult result = annual.importFolder(folder, year, WHO);
            if (result.importId() == null) { // refused, or held for a confirmation (a large removal)
                log.warn("演示年度 {} 未能导入 / demo year {} not imported: {} {}", year, year, result.status(),
                        result.errors());
                return;
            }
        }
        boolean allQuarters = java.util.stream.IntStream.rangeClosed(1, 4)
                .allMatch(q -> runs.currentRun(new Period(year, q)).isPresent());
        if (allQuarters && !annual.evaluated(year)) {
            AnnualService.RunSummary run = annual.evaluate(year, WHO);
            log.info("已完成年度考核 evaluated year {}: annual run #{}", year, run.runId());
        }
    }

    /** False when no rulebook is published and the default one cannot be: nothing can be evaluated. */
    private boolean publishDefaultRulebook() {
        try {
            rulebooks.currentOrDefault(WHO);
            return true;
        } catch (RulebookInvalidException e) {
            log.error("默认考核规则无效,未发布 / the default rulebook in {} is invalid and was not published:\n{}",
                    rulesDir.toAbsolutePath(), String.join("\n", e.problems().stream().map(Object::toString).toList()));
            return false;
        }
    }

    private void importDemoQuarters() throws IOException {
        for (Path folder : demoQuarters()) {
            Period period = Period.parse(folder.getFileName().toString());
            ImportReport report = importService.importFolder(folder, period, WHO);
            if (report.importId() == null) { // refused, or held for a confirmation (a large removal)
                log.warn("演示数据 {} 未能导入 / demo data {} not imported: {} {}", period, period, report.status().label(),
                        report.errors());
            } else {
                log.info("已导入演示数据 imported demo data {} as version {}", period, report.version());
            }
        }
    }

    private List<Path> demoQuarters() throws IOException {
        return demoFolders("\\d{4}-Q[1-4]");
    }

    private List<Path> demoFolders(String namePattern) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(dataDir)) {
            return folders.filter(Files::isDirectory)
                    .filter(f -> f.getFileName().toString().matches(namePattern))
                    .sorted()
                    .toList();
        }
    }
}

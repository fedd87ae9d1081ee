package org.kaohe.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.kaohe.records.ImportReport;
import org.kaohe.records.ImportRepository;
import org.kaohe.records.ImportService;
import org.kaohe.records.Period;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * First start of the web UI on an empty database ({@code mvn spring-boot:run}): publish the
 * rulebook in {@code rules/} if none is published, import every demo quarter in {@code data/}
 * that was never imported, and evaluate each period that has an import but no run. On a
 * database already in use it changes nothing.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "kaohe.demo.load-on-start", havingValue = "true", matchIfMissing = true)
class DemoBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBootstrap.class);
    private static final String WHO = "system";

    private final RulebookService rulebooks;
    private final ImportService importService;
    private final ImportRepository imports;
    private final EvaluationService evaluation;
    private final org.kaohe.results.RunQueries runs;
    private final Path rulesDir;
    private final Path dataDir;

    DemoBootstrap(RulebookService rulebooks, ImportService importService, ImportRepository imports,
                  EvaluationService evaluation, org.kaohe.results.RunQueries runs,
                  @Value("${kaohe.rules-dir}") Path rulesDir, @Value("${kaohe.demo-data-dir}") Path dataDir) {
        this.rulebooks = rulebooks;
        this.importService = importService;
        this.imports = imports;
        this.evaluation = evaluation;
        this.runs = runs;
        this.rulesDir = rulesDir;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (rulebooks.publications().isEmpty() && Files.isDirectory(rulesDir)) {
            log.info("发布默认考核规则 publishing the default rulebook from {}", rulesDir.toAbsolutePath());
            rulebooks.publish(RulebookSource.fromFolder(rulesDir), WHO);
        }
        if (imports.periods().isEmpty()) {
            for (Path folder : demoQuarters()) {
                Period period = Period.parse(folder.getFileName().toString());
                ImportReport report = importService.importFolder(folder, period, WHO);
                log.info("导入演示数据 imported demo data {}: {}", period, report.status());
            }
        }
        for (Period period : imports.periods()) {
            if (runs.currentRun(period).isEmpty()) {
                EvaluationService.RunSummary run = evaluation.evaluate(period, WHO);
                log.info("考核 evaluated {}: run #{}, {} cadres", period, run.runId(), run.cadres());
            }
        }
    }

    private List<Path> demoQuarters() throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(dataDir)) {
            return folders.filter(Files::isDirectory)
                    .filter(f -> f.getFileName().toString().matches("\\d{4}-Q[1-4]"))
                    .sorted()
                    .toList();
        }
    }
}

package org.kaohe.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On a database that holds no import yet, imports every period folder of the demo data set
 * ({@code kaohe.demo-data-dir}, e.g. {@code data/2026-Q3}) so that a first start shows something.
 * Only when {@code kaohe.demo-data.import-on-empty=true}: the web start sets it, the command line
 * and the tests do not, so they never get records they did not ask for.
 */
@Component
@ConditionalOnProperty(name = "kaohe.demo-data.import-on-empty", havingValue = "true")
class DemoDataImporter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataImporter.class);

    private final ImportService importService;
    private final ImportRepository repository;
    private final Path dataDir;

    DemoDataImporter(ImportService importService, ImportRepository repository,
                     @Value("${kaohe.demo-data-dir:data}") Path dataDir) {
        this.importService = importService;
        this.repository = repository;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!repository.periods().isEmpty() || !Files.isDirectory(dataDir)) {
            return;
        }
        for (Path folder : periodFolders()) {
            Period period = Period.parse(folder.getFileName().toString());
            ImportReport report = importService.importFolder(folder, period, "demo");
            if (report.status() == ImportReport.Status.REJECTED) {
                log.warn("演示数据 {} 未能导入 / demo data {} not imported: {}", period, period, report.errors());
            } else {
                log.info("已导入演示数据 {} / demo data {} imported as version {}", period, period, report.version());
            }
        }
    }

    private List<Path> periodFolders() {
        try (Stream<Path> entries = Files.list(dataDir)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> periodOf(p).isPresent())
                    .sorted((a, b) -> periodOf(a).get().compareTo(periodOf(b).get()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dataDir, e);
        }
    }

    private static Optional<Period> periodOf(Path folder) {
        try {
            return Optional.of(Period.parse(folder.getFileName().toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package org.kaohe.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/** A first start on an empty database, with the web start's setting, loads both demo quarters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:demo-start-${random.uuid}",
        "kaohe.demo-data.import-on-empty=true", "kaohe.demo-data-dir=data"})
class DemoDataImporterTest {

    @Autowired
    ImportRepository repository;

    @Test
    void theDemoQuartersAreImportedOnAnEmptyDatabase() {
        assertThat(repository.periods()).containsExactly(Period.parse("2026-Q2"), Period.parse("2026-Q3"));
        assertThat(repository.list()).extracting(ImportVersionInfo::importedBy).containsOnly("demo");
        assertThat(repository.loadCurrent(Period.parse("2026-Q3")).orElseThrow().departments()).hasSize(5);
    }
}

package org.kaohe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules as spring-modulith sees them: every package directly under {@code org.kaohe} is a
 * module, found without a list, so a new package is covered the day it is made. A module's API is
 * its top package and the named interfaces of its sub-packages ({@code rules.book},
 * {@code rules.edit}, a few types of {@code rules.engine} and {@code rules.legacy}); the rest of a
 * sub-package is internal. {@code verify()} fails on a dependency on another module's internals
 * and on a cycle between modules. The other rules (faces, Spring-free models, Drools) are
 * {@link ArchitectureTest}'s. The module map in {@code docs/modules/} is written from the same model
 * on every test run, so a change of dependencies shows in the diff that makes it.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(KaoheApplication.class);
    static final Path DOCS = Path.of("docs", "modules");

    @Test
    void modulesDependOnlyOnEachOthersApiAndFormNoCycle() {
        MODULES.verify();
    }

    @Test
    void everyTopLevelPackageIsAModule() {
        File[] packages = Path.of("src", "main", "java", "org", "kaohe").toFile().listFiles(File::isDirectory);

        assertThat(MODULES.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName())
                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(packages).map(f -> "org.kaohe." + f.getName()).toList());
    }

    @Test
    void theModuleMapInDocsIsWrittenFromTheModules() throws Exception {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> diagrams = Files.list(DOCS)) {
            for (Path diagram : diagrams.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, inStableOrder(Files.readAllLines(diagram)));
            }
        }

        String overview = Files.readString(DOCS.resolve("components.puml"));
        for (ApplicationModule module : MODULES) {
            assertThat(overview).as(module.getIdentifier().toString()).contains(module.getDisplayName());
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml")).exists();
        }
    }

    /**
     * The Documenter lists a diagram's components and relations in hash order, which differs from
     * run to run: each run of {@code Component(} or {@code Rel(} lines is sorted, so the files in
     * {@code docs/modules/} change only when the modules do.
     */
    static List<String> inStableOrder(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : lines) {
            String kind = line.strip().startsWith("Component(") ? "Component" : line.startsWith("Rel(") ? "Rel" : null;
            if (kind == null || !kind.equals(runKind)) {
                run.sort(null);
                out.addAll(run);
                run.clear();
            }
            runKind = kind;
            (kind == null ? out : run).add(line);
        }
        run.sort(null);
        out.addAll(run);
        return out;
    }
}

package org.kaohe.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Kaohe's scoring rules: the DRL files in this package's resources, compiled once per JVM with
 * the classic build. They are the same for every rulebook — a rulebook's tables reach them as
 * facts — so no leader's file is ever compiled.
 */
public final class ScoringRules {

    private static final List<String> FILES = List.of("1-classify.drl", "2-parts.drl", "3-totals.drl");
    private static volatile KieBase kieBase;

    private ScoringRules() {}

    /** The compiled rules (about a second the first time in a JVM). */
    public static KieBase kieBase() {
        KieBase compiled = kieBase;
        if (compiled == null) {
            synchronized (ScoringRules.class) {
                if (kieBase == null) {
                    kieBase = compile();
                }
                compiled = kieBase;
            }
        }
        return compiled;
    }

    private static KieBase compile() {
        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId("org.kaohe", "scoring-rules-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        for (String name : FILES) {
            files.write("src/main/resources/org/kaohe/rules/engine/" + name, read(name));
        }
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Kaohe's scoring rules do not compile: " + errors);
        }
        try {
            return kie.newKieContainer(releaseId).getKieBase();
        } finally {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = ScoringRules.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing rule resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

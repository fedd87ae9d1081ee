package org.kaohe.cli;

/**
 * The command-line application as Spring's ahead-of-time processing sees it at build time
 * ({@code spring-boot:process-aot} runs this main): it prepares the command-line context, whose
 * bean definitions Spring then writes out as code ({@code CommandLineAot__ApplicationContextInitializer}).
 * The launcher runs commands with {@code -Dspring.aot.enabled=true}, so their context is built from
 * that code instead of scanning, parsing and evaluating configuration at every start.
 */
public final class CommandLineAot {

    private CommandLineAot() {}

    public static void main(String[] args) {
        LazySpringFactory.commandLineApplication().run(args);
    }
}

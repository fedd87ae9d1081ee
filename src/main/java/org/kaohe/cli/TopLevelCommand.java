package org.kaohe.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that is also a picocli {@code @Command} as a subcommand of
 * {@code kaohe}. Nested subcommands are declared in the {@code @Command} itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface TopLevelCommand {}

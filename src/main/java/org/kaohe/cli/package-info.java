/**
 * The command line face: picocli commands over the same services as the pages and the API.
 * {@code CommandLineLauncher} answers {@code --help}/{@code --version} without Spring and starts a
 * lazy, web-less context ({@code CommandLineApplication}) for a command; commands are listed in
 * {@code CommandCatalog}. Exit codes: 0 done, 1 failed, 2 bad input, 3 a seal or replay check failed.
 * Depends on the modules, never on the other faces.
 */
package org.kaohe.cli;

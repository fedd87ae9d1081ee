/**
 * The web UI: thin, package-private controllers over the same services as the command line,
 * Thymeleaf templates whose text all comes from {@code messages*.properties} (Chinese by default,
 * English by {@code ?lang=en}). What the REST API shares with the pages lives in modules
 * ({@code uploads}, {@code jobs}, {@code audit}): a face never depends on another face.
 */
package org.kaohe.web;

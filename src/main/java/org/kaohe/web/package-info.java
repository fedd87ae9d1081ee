/**
 * The web UI: thin, package-private controllers over the same services as the command line,
 * Thymeleaf templates whose text all comes from {@code messages*.properties} (Chinese by default,
 * English by {@code ?lang=en}). A few public helpers (uploads, draft rulebooks, background
 * evaluations) are shared with the REST API in {@code api}.
 */
package org.kaohe.web;

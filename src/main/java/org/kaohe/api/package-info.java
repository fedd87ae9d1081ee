/**
 * The REST API under {@code /api}: JSON, HTTP Basic, the same services and role rules as the web
 * UI, documented by springdoc at {@code /v3/api-docs}. Errors are {@link org.kaohe.api.ApiError}s.
 */
package org.kaohe.api;

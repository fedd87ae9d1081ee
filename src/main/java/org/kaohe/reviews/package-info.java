/**
 * Reviews (复核): HR records a subject's request to have its result looked at again; corrected
 * records are imported as a new version of the period and evaluated again (both runs are kept, as
 * every run is); the review compares the subject's two explanations and records the decision —
 * 维持 (the original result stands) or 变更 (the re-run's result replaces it) — with who decided and
 * when. Requests and decisions are insert-only and written to the audit log.
 */
package org.kaohe.reviews;

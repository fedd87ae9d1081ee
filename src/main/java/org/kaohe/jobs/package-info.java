/**
 * Long operations (evaluations) run in the background while a page or a script polls their status.
 * Jobs are kept in the database and run by db-scheduler on whichever instance is free, so several
 * Kaohe servers on one PostgreSQL share them.
 */
package org.kaohe.jobs;

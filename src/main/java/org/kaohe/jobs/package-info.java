/** Long operations (evaluations) run in the background while a page or a script polls their status. */
package org.kaohe.jobs;

/**
 * Printable reports: a cadre's 考核结果通知书 and a department's summary of its cadres, as PDF with
 * the Chinese text set in an embedded subset of Noto Sans SC (bundled in {@code fonts/}), so they
 * read the same on any machine. The web pages and {@code report} command call {@link org.kaohe.reports.Notices}
 * for a quarter and {@link org.kaohe.reports.AnnualNotices} for a year.
 */
package org.kaohe.reports;

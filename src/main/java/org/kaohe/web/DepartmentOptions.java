package org.kaohe.web;

import java.util.List;
import java.util.Map;

import org.kaohe.results.RecentRuns;
import org.kaohe.results.ResultsList;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The options of the results page's department filter, written here rather than by the template: a
 * city of 2,000 departments is 2,000 options, and Thymeleaf evaluating three expressions for each
 * cost the page about half its time. The markup is the template's ({@code <option value="…">name</option>},
 * the chosen one {@code selected="selected"}), every id and name escaped. A stored run's departments
 * never change, so each run's options are read and escaped once, for the last {@value #RUNS_KEPT}
 * runs shown.
 */
@Component
class DepartmentOptions {

    static final int RUNS_KEPT = 16;

    /** One department's option: its id, and its markup up to the {@code >} that ends the start tag. */
    private record Option(String id, String start, String rest) {}

    private final ResultsList results;
    private final Map<Long, List<Option>> byRun = RecentRuns.keeping(RUNS_KEPT);

    DepartmentOptions(ResultsList results) {
        this.results = results;
    }

    /** The run's departments by id as {@code <option>} elements, {@code selected} the chosen one (none when null). */
    String html(long runId, String selected) {
        List<Option> options = byRun.computeIfAbsent(runId, this::options);
        StringBuilder html = new StringBuilder(options.size() * 48);
        for (Option option : options) {
            html.append(option.start());
            if (option.id().equals(selected)) {
                html.append(" selected=\"selected\"");
            }
            html.append(option.rest());
        }
        return html.toString();
    }

    private List<Option> options(long runId) {
        return results.departments(runId).stream()
                .map(d -> new Option(d.id(), "<option value=\"" + HtmlUtils.htmlEscape(d.id()) + "\"",
                        ">" + HtmlUtils.htmlEscape(d.name()) + "</option>"))
                .toList();
    }
}

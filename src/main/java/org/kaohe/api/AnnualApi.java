package org.kaohe.api;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kaohe.annual.AnnualFormat;
import org.kaohe.annual.AnnualResults;
import org.kaohe.scoring.SubjectResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A year's annual results and explanations (every logged-in user, as quarterly results), each row seal-checked. */
@RestController
@RequestMapping("/api/years")
@Tag(name = "annual", description = "年度考核 / the annual assessment: a year's results and explanations")
class AnnualApi {

    private final AnnualResults results;

    AnnualApi(AnnualResults results) {
        this.results = results;
    }

    @GetMapping("/{year}/results")
    @Operation(summary = "年度考核结果 / the year's current annual results: the run, its seal check and one row per "
            + "subject (fixed columns; rank null for 不定等次; every row marked with its seal check)")
    Map<String, Object> results(@PathVariable int year) {
        AnnualResults.CheckedYear checked = checked(year);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("annual_run_id", checked.run().id());
        body.put("quarter_runs", checked.run().quarterRuns());
        body.put("appraisal_import_version", checked.run().appraisalVersion());
        body.put("rulebook_version", checked.run().rulebookVersion());
        body.put("seal", seal(checked));
        body.put("rows", checked.subjects().stream().map(s -> row(checked, s)).toList());
        return body;
    }

    @GetMapping("/{year}/subjects/{id}")
    @Operation(summary = "年度得分说明 / one subject's annual explanation: lines citing the quarterly runs and the "
            + "year-end appraisal rows, with the seal check")
    Map<String, Object> explanation(@PathVariable int year, @PathVariable String id, Locale locale) {
        AnnualResults.CheckedYear checked = checked(year);
        SubjectResult subject = checked.subject(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND,
                "年度 " + year + " 中没有对象 " + id + " / no subject " + id + " in " + year));
        return AnnualFormat.explanation(checked, subject, locale);
    }

    private static Map<String, Object> row(AnnualResults.CheckedYear checked, SubjectResult s) {
        Map<String, Object> row = new LinkedHashMap<>();
        String[] cells = AnnualFormat.cells(s, false);
        row.put("subject_type", cells[0]);
        row.put("subject_id", cells[1]);
        row.put("name", cells[2]);
        row.put("dept_id", cells[3]);
        row.put("score", new java.math.BigDecimal(cells[4]));
        row.put("grade", cells[5]);
        row.put("rank", s.rank() == 0 ? null : s.rank());
        row.put("vetoed", s.vetoed());
        row.put("seal", checked.statusOf(s).label());
        return row;
    }

    private static Map<String, Object> seal(AnnualResults.CheckedYear checked) {
        Map<String, Object> seal = new LinkedHashMap<>();
        seal.put("status", checked.status().name());
        seal.put("label", checked.status().label());
        seal.put("problems", List.copyOf(checked.problems()));
        return seal;
    }

    private AnnualResults.CheckedYear checked(int year) {
        return results.current(year).orElseThrow(() -> new ResponseStatusException(NOT_FOUND,
                "年度 " + year + " 尚无年度考核结果 / no annual run for " + year));
    }
}

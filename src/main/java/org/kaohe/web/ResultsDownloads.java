package org.kaohe.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.kaohe.results.ResultRow;
import org.kaohe.results.ResultsFormat;
import org.kaohe.results.ResultsWorkbook;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Downloads of a run's results. */
@Controller
class ResultsDownloads {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RunSelection selection;
    private final RunQueries runs;

    ResultsDownloads(RunSelection selection, RunQueries runs) {
        this.selection = selection;
        this.runs = runs;
    }

    @GetMapping("/evaluation/export.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String period, @RequestParam(required = false) Long run) {
        return selection.pick(period, run).map(shown -> download(shown, "csv",
                        new MediaType("text", "csv", StandardCharsets.UTF_8),
                        ResultsFormat.CSV.render(rows(shown)).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/evaluation/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String period, @RequestParam(required = false) Long run) {
        return selection.pick(period, run).map(shown -> download(shown, "xlsx", XLSX,
                        ResultsWorkbook.xlsx(shown.period().toString(), rows(shown))))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private List<ResultRow> rows(RunInfo run) {
        return runs.results(run.id()).stream().map(ResultRow::of).toList();
    }

    static ResponseEntity<byte[]> download(RunInfo run, String extension, MediaType type, byte[] body) {
        String fileName = "kaohe-" + run.period() + "-run" + run.id() + "." + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}

package org.kaohe.api;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.ImportService;
import org.kaohe.imports.ImportVersionInfo;
import org.kaohe.imports.RemovalConfirmation;
import org.kaohe.uploads.Uploads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Imports: upload (HR) and the list of stored versions (HR, AUDITOR). */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "imports", description = "数据导入 / record imports")
class ImportsApi {

    private final ImportService imports;
    private final ImportRepository importRepository;

    ImportsApi(ImportService imports, ImportRepository importRepository) {
        this.imports = imports;
        this.importRepository = importRepository;
    }

    @GetMapping
    @Operation(summary = "所有导入版本 / every stored import version")
    List<ImportVersionInfo> versions() {
        return importRepository.list();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入一个考核期的 CSV 文件、一个 zip 或一个 Excel 工作簿 / import a period's CSV files, one zip "
            + "or one Excel workbook (.xlsx, six sheets)",
            description = "须含全部六个文件(没有某类记录时给只有表头的文件)。period 可省略:取 zip、工作簿或文件夹名中的考核期。"
                    + "有错误时返回 422,problems 列出每个问题(文件或 工作簿!工作表、行、列)且不存储任何内容。新版本删除某文件超过"
                    + "阈值(默认 1/3)的行时,须带 confirmRemovals=true,否则返回 409 和逐文件的变化(diff),不存储。存储后返回 201,"
                    + "diff 为与上一版相比逐文件新增、删除、修改的行 / all six files are needed (a file of no records holds "
                    + "its header only). period may be left out when the zip's, workbook's or folder's name holds it. "
                    + "On any error: 422 with every located problem (file or workbook!sheet, row, column), nothing "
                    + "stored. A version that removes more than the threshold's share (1/3 by default) of a file's rows "
                    + "needs confirmRemovals=true, else 409 with the per-file diff and nothing stored. Stored: 201, with "
                    + "the rows added, removed and changed per file against the version before (diff)")
    ResponseEntity<?> upload(@RequestParam(required = false) String period,
                             @RequestPart("files") List<MultipartFile> files,
                             @RequestParam(defaultValue = "false") boolean confirmRemovals, Principal who)
            throws IOException {
        ImportReport report = Uploads.importUploaded(imports, period, files, who.getName(),
                RemovalConfirmation.of(confirmRemovals));
        if (report.status() == ImportReport.Status.REJECTED) {
            throw report.refusal(); // answered 422 with its problems, as every refusal
        }
        if (report.status() == ImportReport.Status.NEEDS_CONFIRMATION) {
            return RemovalsToConfirm.answer(report.diff());
        }
        return ResponseEntity.status(report.stored() ? HttpStatus.CREATED : HttpStatus.OK).body(report);
    }
}

package org.kaohe.web;

import org.kaohe.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, newest first (AUDITOR, ADMIN). */
@Controller
class AuditController {

    static final int MAX_ROWS = 5000;
    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/audit")
    String show(@RequestParam(defaultValue = "200") int limit, Model model) {
        int rows = Math.max(1, Math.min(limit, MAX_ROWS));
        model.addAttribute("entries", auditLog.latest(rows));
        model.addAttribute("limit", rows);
        return "audit";
    }
}

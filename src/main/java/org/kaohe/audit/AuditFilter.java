package org.kaohe.audit;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The SQL condition of an audit log query: an entry matches when it meets every part given. */
final class AuditFilter {

    private AuditFilter() {}

    record Where(String sql, List<Object> args) {}

    static Where where(AuditLog.Query q) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (q.actor() != null && !q.actor().isBlank()) {
            add(sql, "actor = ?");
            args.add(q.actor().strip());
        }
        if (q.action() != null && !q.action().isBlank()) {
            add(sql, "action = ?");
            args.add(q.action().strip());
        }
        if (q.period() != null && !q.period().isBlank()) {
            add(sql, "detail LIKE ?");
            args.add("%" + q.period().strip().replace("%", "").replace("_", "") + "%");
        }
        if (q.from() != null) {
            add(sql, "at >= ?");
            args.add(q.from().atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
        }
        if (q.to() != null) {
            add(sql, "at < ?");
            args.add(q.to().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
        }
        return new Where(sql.toString(), args);
    }

    private static void add(StringBuilder sql, String condition) {
        sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(condition);
    }
}

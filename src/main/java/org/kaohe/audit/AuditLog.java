package org.kaohe.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only operation log. Call {@link #record} inside the transaction of the change it
 * describes, so a change and its log line are stored together or not at all.
 */
@Service
public class AuditLog {

    /** One logged operation. */
    public record Entry(long id, OffsetDateTime at, String actor, String action, String detail) {}

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String action, String detail) {
        String shortDetail = detail.length() > 2000 ? detail.substring(0, 1997) + "..." : detail;
        jdbc.sql("INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)")
                .params(OffsetDateTime.now(), actor, action, shortDetail)
                .update();
    }

    /** The newest entries first. */
    public List<Entry> latest(int limit) {
        return jdbc.sql("SELECT id, at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("detail")))
                .list();
    }
}

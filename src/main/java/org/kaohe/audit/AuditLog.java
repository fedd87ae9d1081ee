package org.kaohe.audit;

import static org.kaohe.audit.AuditFilter.where;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.errors.Message;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The append-only operation log, chained under the {@link SealKey}: entry n carries
 * {@code HMAC(key, mac(n-1), n, time, actor, action, detail)} and is numbered n without gaps, so a
 * changed, inserted or deleted entry breaks the chain where it happened ({@link #verify}). Call
 * {@link #record} inside the transaction of the change it describes, so a change and its entry are
 * stored together or not at all; appends lock the chain's head, one after the other.
 *
 * <p>Details are stored as a small JSON object of named values ({@link #record(String, String, Map)}),
 * which the pages render in Chinese or English through the message bundles
 * ({@code audit.detail.ACTION}); older free-text details are shown as written.
 */
@Service
public class AuditLog {

    /** One logged operation; {@code seq} numbers entries 1, 2, 3 ... in the order they were chained. */
    public record Entry(long id, long seq, OffsetDateTime at, String actor, String action, String detail, String mac) {}

    /** Which entries to show: null or blank means "any". {@code to} is inclusive. */
    public record Query(String actor, String action, String period, LocalDate from, LocalDate to) {
        public static final Query ALL = new Query(null, null, null, null, null);
    }

    /** A page of entries, newest first, and how many match in all. */
    public record Page(List<Entry> entries, long total, int page, int pages) {}

    /** What checking the chain found: every problem ({@code audit.problem.*}) names the entry (by number) where it is. */
    public record Verification(long entries, long legacyEntries, List<Message> problems, java.util.Set<Long> brokenSeqs) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final SealKey key;

    public AuditLog(JdbcClient jdbc, SealKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    /** Records an operation with a free-text detail (shown as written). */
    @Transactional
    public void record(String actor, String action, String detail) {
        String shortDetail = detail.length() > 2000 ? detail.substring(0, 1997) + "..." : detail;
        String who = actor == null || actor.isBlank() ? "(empty)" : actor.length() > 100 ? actor.substring(0, 100) : actor;
        Head head = jdbc.sql("SELECT last_seq, last_mac FROM audit_chain WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_mac"))).single();
        long seq = head.lastSeq() + 1;
        // Millisecond precision: what H2 and PostgreSQL both keep, so the time reads back as sealed.
        OffsetDateTime at = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        String mac = mac(head.lastMac(), seq, at, who, action, shortDetail);
        jdbc.sql("INSERT INTO audit_log (seq, at, actor, action, detail, mac) VALUES (?, ?, ?, ?, ?, ?)")
                .params(seq, at, who, action, shortDetail, mac)
                .update();
        jdbc.sql("UPDATE audit_chain SET last_seq = ?, last_mac = ? WHERE id = 1").params(seq, mac).update();
    }

    /** Records an operation with named values (a period, a version, a run ...), rendered per language on the pages. */
    @Transactional
    public void record(String actor, String action, Map<String, ?> params) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((k, v) -> values.put(k, v == null ? "" : clip(String.valueOf(v))));
        try {
            record(actor, action, JSON.writeValueAsString(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** The named values of a structured detail; empty for a free-text one. */
    public static Map<String, String> params(String detail) {
        if (detail == null || !detail.startsWith("{")) {
            return Map.of();
        }
        try {
            Map<String, String> values = new LinkedHashMap<>();
            JSON.readTree(detail).fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
            return values;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** The newest entries first. */
    public List<Entry> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?").param(limit).query(AuditLog::entry).list();
    }

    /** One page (from 1) of the entries matching the query, newest first. */
    public Page search(Query query, int page, int size) {
        AuditFilter.Where where = where(query);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_log" + where.sql()).params(where.args()).query(Long.class).single();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int shown = Math.min(Math.max(1, page), pages);
        List<Object> args = new ArrayList<>(where.args());
        args.add(size);
        args.add((long) (shown - 1) * size);
        List<Entry> entries = jdbc.sql("SELECT * FROM audit_log" + where.sql() + " ORDER BY seq DESC LIMIT ? OFFSET ?")
                .params(args).query(AuditLog::entry).list();
        return new Page(entries, total, shown, pages);
    }

    /** Every entry matching the query, oldest first, up to {@code limit} (the CSV export). */
    public List<Entry> all(Query query, int limit) {
        AuditFilter.Where where = where(query);
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit);
        return jdbc.sql("SELECT * FROM audit_log" + where.sql() + " ORDER BY seq LIMIT ?").params(args)
                .query(AuditLog::entry).list();
    }

    /**
     * Whether a chained (sealed) entry of this action names this run: the audit log's own record
     * that a run was made after keyed seals began, which a rewritten run seal cannot erase.
     */
    public boolean chainedEntryNamesRun(String action, long runId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND mac IS NOT NULL AND detail LIKE ?")
                .params(action, "%\"run\":\"" + runId + "\"%").query(Long.class).single() > 0;
    }

    /**
     * Whether a chained (sealed) entry of this action exists: the log's own record that a one-time
     * step was taken. Locks the chain's head first, so that processes asking inside their
     * transactions at the same moment decide one after the other (the first records, the next finds it).
     */
    @Transactional
    public boolean chainedEntryExists(String action) {
        jdbc.sql("SELECT last_seq FROM audit_chain WHERE id = 1 FOR UPDATE").query(Long.class).optional();
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND mac IS NOT NULL").param(action)
                .query(Long.class).single() > 0;
    }

    /** The actions that occur in the log, for the filter. */
    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_log ORDER BY action").query(String.class).list();
    }

    /**
     * Walks the whole chain: numbers must run 1, 2, 3 ... to the head's last number; every entry's
     * HMAC must match its content and its predecessor's HMAC; entries without one (written before
     * the chain existed) may only come before the first chained entry.
     */
    public Verification verify() {
        List<Message> problems = new ArrayList<>();
        java.util.Set<Long> broken = new java.util.TreeSet<>();
        long[] count = {0};
        long[] legacy = {0};
        long[] expectedSeq = {1};
        String[] previousMac = {""};
        boolean[] chained = {false};
        jdbc.sql("SELECT * FROM audit_log ORDER BY seq").query(rs -> {
            Entry e = entry(rs, 0);
            count[0]++;
            if (e.seq() > expectedSeq[0]) {
                problems.add(missing(expectedSeq[0], e.seq() - 1));
                broken.add(e.seq());
            }
            expectedSeq[0] = e.seq() + 1;
            if (e.mac() == null) {
                if (chained[0]) {
                    problems.add(altered(e, "audit.problem.sealRemoved"));
                    broken.add(e.seq());
                } else {
                    legacy[0]++;
                }
                return;
            }
            if (!e.mac().equals(mac(previousMac[0], e.seq(), e.at(), e.actor(), e.action(), e.detail()))) {
                if (!broken.contains(e.seq())) {
                    problems.add(altered(e, "audit.problem.changed"));
                }
                broken.add(e.seq());
            }
            chained[0] = true;
            previousMac[0] = e.mac();
        });
        Head head = jdbc.sql("SELECT last_seq, last_mac FROM audit_chain WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_mac"))).optional().orElse(null);
        if (head == null) {
            problems.add(Message.of("audit.problem.headMissing"));
        } else if (head.lastSeq() >= expectedSeq[0]) {
            problems.add(missing(expectedSeq[0], head.lastSeq()));
        } else if (head.lastSeq() < expectedSeq[0] - 1 || (chained[0] && !head.lastMac().equals(previousMac[0]))) {
            problems.add(Message.of("audit.problem.headMismatch", Long.toString(expectedSeq[0] - 1)));
        }
        return new Verification(count[0], legacy[0], problems, broken);
    }

    private String mac(String previousMac, long seq, OffsetDateTime at, String actor, String action, String detail) {
        return key.mac(fields("kaohe-audit-1", previousMac, Long.toString(seq),
                Long.toString(at.toInstant().toEpochMilli()), actor, action, detail));
    }

    private static Message missing(long from, long to) {
        return from == to ? Message.of("audit.problem.missing", Long.toString(from))
                : Message.of("audit.problem.missingRange", Long.toString(from), Long.toString(to));
    }

    private static Message altered(Entry e, String key) {
        return Message.of(key, Long.toString(e.seq()), e.action(), e.actor());
    }

    private record Head(long lastSeq, String lastMac) {}

    private static String clip(String value) {
        return value.length() > 300 ? value.substring(0, 297) + "..." : value;
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class),
                rs.getString("actor"), rs.getString("action"), rs.getString("detail"), rs.getString("mac"));
    }

    /**
     * Fields as {@code length:value;}: a list of strings written so that no two lists give the same
     * text. The same canonical form as a run's seal text; kept here so that the audit log depends on
     * no domain package.
     */
    private static String fields(String... values) {
        return SealKey.fields(values);
    }
}

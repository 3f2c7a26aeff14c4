package io.palisade.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the pages and the API show: events, an application's overview, its API inventory. Read only. */
final class Reports {

    private final Sql sql;

    Reports(Sql sql) {
        this.sql = sql;
    }

    /** Which events: every field optional but the application and the time range. */
    record EventFilter(long applicationId, Instant from, Instant to, String attackType, String ruleId, String path,
            String clientIp, Boolean blocked) {
    }

    record EventRow(long id, String application, String agentId, Instant receivedAt, Instant time, String requestId,
            String ruleId, String attackType, String confidence, String hookPoint, boolean blocked, String mode,
            String clientIp, String method, String path, String resource, String reason, String inputSource,
            String inputName, String inputValue, Boolean inputTruncated, String statement) {
    }

    record Count(String key, long count) {
    }

    record Bucket(Instant start, long requests, long attacks, long blocked) {
    }

    record AgentHealth(String id, String agentVersion, String runtime, Instant firstSeen, Instant lastSeen, long drops,
            long breakerTrips, long rulePackErrors, long exportFailures) {
    }

    record Overview(long requests, long attacks, long blocked, List<Bucket> buckets, List<Count> byType, List<Count> byRule,
            List<Count> byPath, List<Count> topClients, List<AgentHealth> agents) {
    }

    record InventoryRow(String symbol, String kind, Instant firstSeen, Instant lastSeen, long attacks, long blocked) {
    }

    private static final String EVENT_COLUMNS = "e.id, a.name, e.agent_id, e.received_at, e.time, e.request_id, e.rule_id,"
            + " e.attack_type, e.confidence, e.hook_point, e.blocked, e.mode, e.client_ip, e.method, e.path, e.resource, e.reason,"
            + " e.input_source, e.input_name, e.input_value, e.input_truncated, e.statement";

    private static EventRow event(ResultSet row) throws SQLException {
        Object truncated = row.getObject(21);
        return new EventRow(row.getLong(1), row.getString(2), row.getString(3), Sql.instant(row, "received_at"),
                Sql.instant(row, "time"), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                row.getString(10), row.getBoolean(11), row.getString(12), row.getString(13), row.getString(14),
                row.getString(15), row.getString(16), row.getString(17), row.getString(18), row.getString(19),
                row.getString(20), truncated == null ? null : (Boolean) truncated, row.getString(22));
    }

    /** Newest first. */
    List<EventRow> events(EventFilter filter, int limit, int offset) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        parameters.add(limit);
        parameters.add(offset);
        return sql.list("SELECT " + EVENT_COLUMNS + " FROM events e JOIN applications a ON a.id = e.application_id" + where
                + " ORDER BY e.received_at DESC, e.id DESC LIMIT ? OFFSET ?", Reports::event, parameters.toArray());
    }

    long count(EventFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        return sql.one("SELECT count(*) FROM events e" + where, row -> row.getLong(1), parameters.toArray()).orElse(0L);
    }

    /** The count, but at most {@code cap}: what a page needs, without counting a month of events. */
    long countUpTo(EventFilter filter, int cap) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        parameters.add(cap);
        return sql.one("SELECT count(*) FROM (SELECT 1 FROM events e" + where + " LIMIT ?) AS capped", row -> row.getLong(1),
                parameters.toArray()).orElse(0L);
    }

    Optional<EventRow> event(long applicationId, long id) {
        return sql.one("SELECT " + EVENT_COLUMNS + " FROM events e JOIN applications a ON a.id = e.application_id"
                + " WHERE e.application_id = ? AND e.id = ?", Reports::event, applicationId, id);
    }

    /** Fixed SQL fragments; every value bound. */
    private static String where(EventFilter f, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE e.application_id = ? AND e.received_at >= ? AND e.received_at < ?");
        parameters.add(f.applicationId());
        parameters.add(f.from());
        parameters.add(f.to());
        if (f.attackType() != null) {
            where.append(" AND e.attack_type = ?");
            parameters.add(f.attackType());
        }
        if (f.ruleId() != null) {
            where.append(" AND e.rule_id = ?");
            parameters.add(f.ruleId());
        }
        if (f.path() != null) {
            where.append(" AND e.path = ?");
            parameters.add(f.path());
        }
        if (f.clientIp() != null) {
            where.append(" AND e.client_ip = ?");
            parameters.add(f.clientIp());
        }
        if (f.blocked() != null) {
            where.append(" AND e.blocked = ?");
            parameters.add(f.blocked());
        }
        return where.toString();
    }

    Overview overview(long applicationId, Instant from, Instant to) {
        Map<String, Long> counters = new LinkedHashMap<>();
        sql.list("SELECT name, sum(value) FROM counter_minutes WHERE application_id = ? AND minute >= ? AND minute < ?"
                + " AND name IN ('requests', 'blocked') GROUP BY name", row -> counters.put(row.getString(1), row.getLong(2)),
                applicationId, from, to);
        long[] totals = sql.one("SELECT coalesce(sum(events), 0), coalesce(sum(events) FILTER (WHERE blocked), 0) FROM event_hours"
                + " WHERE application_id = ? AND hour >= date_trunc('hour', ?::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'"
                + " AND hour < ?", row -> new long[] {row.getLong(1), row.getLong(2)}, applicationId, from, to)
                .orElse(new long[2]);
        return new Overview(counters.getOrDefault("requests", 0L), totals[0], totals[1], buckets(applicationId, from, to),
                counts(applicationId, from, to, "attack_type"), counts(applicationId, from, to, "rule_id"),
                counts(applicationId, from, to, "path"), counts(applicationId, from, to, "client_ip"),
                agents(applicationId));
    }

    /** Per hour (per day beyond three days), requests from the counters, attacks and blocks from the events. */
    private List<Bucket> buckets(long applicationId, Instant from, Instant to) {
        String unit = Duration.between(from, to).compareTo(Duration.ofDays(3)) > 0 ? "day" : "hour";
        ChronoUnit step = unit.equals("day") ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        Map<Instant, long[]> buckets = new LinkedHashMap<>();
        for (Instant t = from.truncatedTo(step); t.isBefore(to); t = t.plus(1, step)) {
            buckets.put(t, new long[3]);
        }
        sql.list("SELECT date_trunc('" + unit + "', minute AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS b, sum(value)"
                + " FROM counter_minutes WHERE application_id = ? AND minute >= ? AND minute < ? AND name = 'requests' GROUP BY b",
                row -> {
                    long[] bucket = buckets.get(Sql.instant(row, "b"));
                    if (bucket != null) {
                        bucket[0] = row.getLong(2);
                    }
                    return null;
                }, applicationId, from, to);
        sql.list("SELECT date_trunc('" + unit + "', hour AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS b, sum(events),"
                + " coalesce(sum(events) FILTER (WHERE blocked), 0) FROM event_hours WHERE application_id = ?"
                + " AND hour >= date_trunc('hour', ?::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AND hour < ? GROUP BY b",
                row -> {
                    long[] bucket = buckets.get(Sql.instant(row, "b"));
                    if (bucket != null) {
                        bucket[1] = row.getLong(2);
                        bucket[2] = row.getLong(3);
                    }
                    return null;
                }, applicationId, from, to);
        List<Bucket> result = new ArrayList<>();
        buckets.forEach((start, values) -> result.add(new Bucket(start, values[0], values[1], values[2])));
        return result;
    }

    /** The ten most frequent values of one column ({@code column} is one of ours, never input), from the hourly rollups. */
    private List<Count> counts(long applicationId, Instant from, Instant to, String column) {
        return sql.list("SELECT coalesce(nullif(" + column + ", ''), '(none)'), sum(events) AS n FROM event_hours"
                + " WHERE application_id = ? AND hour >= date_trunc('hour', ?::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'"
                + " AND hour < ? GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10",
                row -> new Count(row.getString(1), row.getLong(2)), applicationId, from, to);
    }

    private List<AgentHealth> agents(long applicationId) {
        return sql.list("SELECT g.id, g.agent_version, g.runtime, g.first_seen, g.last_seen,"
                + " coalesce(sum(c.value) FILTER (WHERE c.name IN ('queue_drops', 'buffer_drops', 'events_rejected')), 0),"
                + " coalesce(sum(c.value) FILTER (WHERE c.name = 'breaker_trips'), 0),"
                + " coalesce(sum(c.value) FILTER (WHERE c.name = 'rule_packs_rejected'), 0),"
                + " coalesce(sum(c.value) FILTER (WHERE c.name = 'export_failures'), 0)"
                + " FROM agents g LEFT JOIN counter_minutes c ON c.agent_id = g.id WHERE g.application_id = ?"
                + " GROUP BY g.id ORDER BY g.last_seen DESC LIMIT 50",
                row -> new AgentHealth(row.getString(1), row.getString(2), row.getString(3), Sql.instant(row, "first_seen"),
                        Sql.instant(row, "last_seen"), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9)),
                applicationId);
    }

    /** Every hook point agents reported, with the attacks each received (as the hook point or the resource). */
    List<InventoryRow> inventory(long applicationId) {
        return sql.list("SELECT h.symbol, h.first_seen, h.last_seen,"
                + " (SELECT count(*) FROM events e WHERE e.application_id = h.application_id AND (e.hook_point = h.symbol"
                + " OR e.resource = h.symbol)),"
                + " (SELECT count(*) FROM events e WHERE e.application_id = h.application_id AND (e.hook_point = h.symbol"
                + " OR e.resource = h.symbol) AND e.blocked)"
                + " FROM hook_points h WHERE h.application_id = ? ORDER BY h.symbol",
                row -> {
                    String symbol = row.getString(1);
                    int colon = symbol.indexOf(':');
                    return new InventoryRow(symbol, colon > 0 ? symbol.substring(0, colon) : "", Sql.instant(row, "first_seen"),
                            Sql.instant(row, "last_seen"), row.getLong(4), row.getLong(5));
                }, applicationId);
    }
}

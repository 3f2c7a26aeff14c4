package io.palisade.console;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Applications, their agent tokens, the agents that logged in with them, and what they send: the
 * protocol's side of the database.
 */
final class Store {

    private static final Logger LOG = Logger.getLogger(Store.class.getName());
    private static final DateTimeFormatter PARTITION_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Sql sql;
    /** The last day a partition was made sure of: only saves a statement, never needed for correctness. */
    private volatile LocalDate partitionReady;

    Store(Sql sql) {
        this.sql = sql;
    }

    record Application(long id, String name, Instant createdAt) {
    }

    record TokenInfo(long id, String label, Instant createdAt, Instant revokedAt) {
    }

    /** Who a valid agent token speaks for. */
    record AgentAuth(long tokenId, long applicationId, String application) {
    }

    record Agent(String id, long applicationId, long tokenId, String agentVersion, String runtime, Instant firstSeen,
            Instant lastSeen) {
    }

    // ---- applications and tokens

    List<Application> applications() {
        return sql.list("SELECT id, name, created_at FROM applications ORDER BY name",
                row -> new Application(row.getLong(1), row.getString(2), Sql.instant(row, "created_at")));
    }

    Optional<Application> application(String name) {
        return sql.one("SELECT id, name, created_at FROM applications WHERE name = ?",
                row -> new Application(row.getLong(1), row.getString(2), Sql.instant(row, "created_at")), name);
    }

    /** @return the new application, or empty when the name is taken */
    Optional<Application> createApplication(String name) {
        return sql.one("INSERT INTO applications (name) VALUES (?) ON CONFLICT (name) DO NOTHING RETURNING id, name, created_at",
                row -> new Application(row.getLong(1), row.getString(2), Sql.instant(row, "created_at")), name);
    }

    /** @return the token, shown once: only its hash is kept */
    String createAgentToken(long applicationId, String label) {
        String token = Secrets.token("pal_");
        sql.update("INSERT INTO agent_tokens (application_id, token_hash, label) VALUES (?, ?, ?)", applicationId,
                Secrets.sha256(token), label);
        return token;
    }

    List<TokenInfo> tokens(long applicationId) {
        return sql.list("SELECT id, label, created_at, revoked_at FROM agent_tokens WHERE application_id = ? ORDER BY id",
                row -> new TokenInfo(row.getLong(1), row.getString(2), Sql.instant(row, "created_at"),
                        Sql.instant(row, "revoked_at")), applicationId);
    }

    /** @return whether a live token of the application was revoked */
    boolean revokeToken(long applicationId, long tokenId) {
        return sql.update("UPDATE agent_tokens SET revoked_at = now() WHERE id = ? AND application_id = ? AND revoked_at IS NULL",
                tokenId, applicationId) == 1;
    }

    Optional<AgentAuth> agentToken(String token) {
        return sql.one("SELECT t.id, t.application_id, a.name FROM agent_tokens t JOIN applications a ON a.id = t.application_id"
                + " WHERE t.token_hash = ? AND t.revoked_at IS NULL",
                row -> new AgentAuth(row.getLong(1), row.getLong(2), row.getString(3)), (Object) Secrets.sha256(token));
    }

    // ---- agents

    /** Records a login and the hook points it reported; returns the new agent id. */
    String login(AgentAuth auth, String agentVersion, String runtime, String clientAddress, List<String> hookPoints) {
        String id = UUID.randomUUID().toString();
        sql.transaction(connection -> {
            Sql.update(connection, "INSERT INTO agents (id, application_id, token_id, agent_version, runtime, client_address)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", id, auth.applicationId(), auth.tokenId(), agentVersion, runtime, clientAddress);
            if (!hookPoints.isEmpty()) {
                Array symbols = connection.createArrayOf("text", hookPoints.toArray());
                Sql.update(connection, "INSERT INTO hook_points (application_id, symbol) SELECT ?, s FROM unnest(?::text[]) AS s"
                        + " ON CONFLICT (application_id, symbol) DO UPDATE SET last_seen = now()", auth.applicationId(), symbols);
            }
            return null;
        });
        return id;
    }

    Optional<Agent> agent(String id) {
        return sql.one("SELECT id, application_id, token_id, agent_version, runtime, first_seen, last_seen FROM agents WHERE id = ?",
                row -> new Agent(row.getString(1), row.getLong(2), row.getLong(3), row.getString(4), row.getString(5),
                        Sql.instant(row, "first_seen"), Sql.instant(row, "last_seen")), id);
    }

    // ---- batches

    /**
     * Stores a batch in one transaction: its id (so that a repeat stores nothing), its events in one
     * statement, its counters into the minute's rollup, and the agent's last contact.
     *
     * @return {@code false} when the batch had been stored already
     */
    boolean storeBatch(Agent agent, Batch batch) {
        Instant now = Instant.now();
        ensurePartition(now);
        return sql.transaction(connection -> {
            if (batch.id() != null) {
                int fresh = Sql.update(connection, "INSERT INTO batches (agent_id, batch_id, received_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", agent.id(), batch.id(), now);
                if (fresh == 0) {
                    Sql.update(connection, "UPDATE agents SET last_seen = ? WHERE id = ?", now, agent.id());
                    return false;
                }
            }
            if (!batch.events().isEmpty()) {
                insertEvents(connection, agent, now, batch.events());
            }
            if (!batch.counters().isEmpty()) {
                String[] names = batch.counters().keySet().toArray(new String[0]);
                Long[] values = new Long[names.length];
                for (int i = 0; i < names.length; i++) {
                    values[i] = batch.counters().get(names[i]);
                }
                Sql.update(connection, "INSERT INTO counter_minutes (application_id, agent_id, minute, name, value)"
                        + " SELECT ?, ?, date_trunc('minute', ?::timestamptz), c.n, c.v FROM unnest(?::text[], ?::bigint[]) AS c(n, v)"
                        + " ON CONFLICT (application_id, minute, agent_id, name) DO UPDATE SET value = counter_minutes.value + excluded.value",
                        agent.applicationId(), agent.id(), java.sql.Timestamp.from(now), connection.createArrayOf("text", names),
                        connection.createArrayOf("bigint", values));
            }
            Sql.update(connection, "UPDATE agents SET last_seen = ? WHERE id = ?", now, agent.id());
            return true;
        });
    }

    private static void insertEvents(Connection connection, Agent agent, Instant now, List<Batch.Event> events) throws SQLException {
        int n = events.size();
        java.sql.Timestamp[] time = new java.sql.Timestamp[n];
        String[][] text = new String[15][n];
        Boolean[] blocked = new Boolean[n];
        Boolean[] truncated = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Batch.Event e = events.get(i);
            time[i] = java.sql.Timestamp.from(e.time());
            String[] values = {e.requestId(), e.ruleId(), e.attackType(), e.confidence(), e.hookPoint(), e.mode(), e.clientIp(),
                e.method(), e.path(), e.resource(), e.reason(), e.inputSource(), e.inputName(), e.inputValue(), e.statement()};
            for (int c = 0; c < values.length; c++) {
                text[c][i] = values[c];
            }
            blocked[i] = e.blocked();
            truncated[i] = e.inputTruncated();
        }
        Object[] parameters = new Object[3 + 1 + 15 + 2];
        int p = 0;
        parameters[p++] = java.sql.Timestamp.from(now);
        parameters[p++] = agent.applicationId();
        parameters[p++] = agent.id();
        parameters[p++] = connection.createArrayOf("timestamptz", time);
        for (int c = 0; c < 15; c++) {
            parameters[p++] = connection.createArrayOf("text", text[c]);
        }
        parameters[p++] = connection.createArrayOf("boolean", blocked);
        parameters[p] = connection.createArrayOf("boolean", truncated);
        Sql.update(connection, "INSERT INTO events (received_at, application_id, agent_id, time, request_id, rule_id, attack_type,"
                + " confidence, hook_point, mode, client_ip, method, path, resource, reason, input_source, input_name, input_value,"
                + " statement, blocked, input_truncated)"
                + " SELECT ?, ?, ?, u.* FROM unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],"
                + " ?::boolean[]) AS u", parameters);
        // The hour's rollup for the overview, from the same arrays.
        Sql.update(connection, "INSERT INTO event_hours (application_id, hour, attack_type, rule_id, path, client_ip, blocked,"
                + " events) SELECT ?, date_trunc('hour', ?::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', u.t, u.r,"
                + " coalesce(u.p, ''), coalesce(u.c, ''), u.b, count(*) FROM unnest(?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::boolean[]) AS u(t, r, p, c, b) GROUP BY 3, 4, 5, 6, 7 ON CONFLICT (application_id, hour, attack_type,"
                + " rule_id, path, client_ip, blocked) DO UPDATE SET events = event_hours.events + excluded.events",
                agent.applicationId(), parameters[0], connection.createArrayOf("text", text[2]),
                connection.createArrayOf("text", text[1]), connection.createArrayOf("text", text[8]),
                connection.createArrayOf("text", text[6]), connection.createArrayOf("boolean", blocked));
    }

    /** Makes sure the day's partition of {@code events} exists (and tomorrow's, so midnight never waits). */
    void ensurePartition(Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        if (today.equals(partitionReady)) {
            return;
        }
        for (LocalDate day : List.of(today, today.plusDays(1))) {
            String name = "events_" + PARTITION_DAY.format(day);
            try {
                // Names and bounds come from dates only, never from input.
                sql.update("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF events FOR VALUES FROM ('" + day
                        + "') TO ('" + day.plusDays(1) + "')");
            } catch (Sql.StorageException e) {
                // Another console instance made it at the same moment: fine if it exists now.
                if (!partitionExists(name)) {
                    throw e;
                }
            }
        }
        partitionReady = today;
    }

    private boolean partitionExists(String name) {
        return sql.one("SELECT 1 FROM pg_class WHERE relname = ?", row -> 1, name).isPresent();
    }

    /** Drops the days of events older than the retention, and the bookkeeping of the same age. */
    int applyRetention(int days, Instant now) {
        LocalDate oldestKept = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(days - 1L);
        List<String> partitions = sql.list("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'events'", row -> row.getString(1));
        int dropped = 0;
        for (String partition : partitions) {
            if (!partition.matches("events_\\d{8}")) {
                continue;
            }
            LocalDate day = LocalDate.parse(partition.substring(7), PARTITION_DAY);
            if (day.isBefore(oldestKept)) {
                sql.update("DROP TABLE IF EXISTS " + partition);
                dropped++;
            }
        }
        Instant cutoff = oldestKept.atStartOfDay(ZoneOffset.UTC).toInstant();
        sql.update("DELETE FROM batches WHERE received_at < ?", cutoff);
        sql.update("DELETE FROM counter_minutes WHERE minute < ?", cutoff);
        sql.update("DELETE FROM event_hours WHERE hour < ?", cutoff);
        sql.update("DELETE FROM login_failures WHERE at < ?", cutoff);
        sql.update("DELETE FROM sessions WHERE expires_at < now()");
        if (dropped > 0) {
            LOG.info("retention: dropped " + dropped + " day(s) of events older than " + oldestKept);
        }
        return dropped;
    }

    /** The counters' totals per name for an application since {@code from}. */
    Map<String, Long> counterTotals(long applicationId, Instant from) {
        Map<String, Long> totals = new java.util.TreeMap<>();
        sql.list("SELECT name, sum(value) FROM counter_minutes WHERE application_id = ? AND minute >= ? GROUP BY name",
                row -> totals.put(row.getString(1), row.getLong(2)), applicationId, from);
        return totals;
    }
}

package io.palisade.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The admin account, browser sessions, console API tokens and the login rate limit, all in the
 * database (a second console instance sees the same sessions and the same failed attempts).
 */
final class Accounts {

    static final String ADMIN = "admin";
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    /** Failed logins from one client (or for the account) within the window before further attempts are refused. */
    static final int MAX_FAILURES = 10;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    /** Checked against when the account does not exist, so that such a check takes as long as any other. */
    private static final String UNKNOWN_ACCOUNT_HASH = Secrets.hashPassword(Secrets.token("").toCharArray());

    private final Sql sql;

    Accounts(Sql sql) {
        this.sql = sql;
    }

    record Session(String account, String csrfToken, Instant expiresAt) {
    }

    record ApiToken(long id, String label, Instant createdAt, Instant revokedAt) {
    }

    /**
     * Creates the admin account at first start: with {@code CONSOLE_ADMIN_PASSWORD}, or a generated
     * password printed once. A configured password also replaces a stored one (how it is reset).
     *
     * @return the generated password, when one was generated
     */
    Optional<String> ensureAdmin(Optional<String> configured) {
        Optional<String> stored = sql.one("SELECT password_hash FROM accounts WHERE name = ?", row -> row.getString(1), ADMIN);
        if (configured.isPresent()) {
            if (stored.isEmpty() || !Secrets.passwordMatches(configured.get().toCharArray(), stored.get())) {
                sql.update("INSERT INTO accounts (name, password_hash) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET"
                        + " password_hash = excluded.password_hash", ADMIN, Secrets.hashPassword(configured.get().toCharArray()));
                sql.update("DELETE FROM sessions WHERE account = ?", ADMIN);
            }
            return Optional.empty();
        }
        if (stored.isPresent()) {
            return Optional.empty();
        }
        String generated = Secrets.token("").substring(0, 24);
        sql.update("INSERT INTO accounts (name, password_hash) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", ADMIN,
                Secrets.hashPassword(generated.toCharArray()));
        return Optional.of(generated);
    }

    /** Whether too many logins failed lately from {@code client} or for {@code account}. */
    boolean rateLimited(String client, String account) {
        Instant since = Instant.now().minus(FAILURE_WINDOW);
        long failures = sql.one("SELECT count(*) FROM login_failures WHERE client = ? AND at > ?", row -> row.getLong(1),
                "ip:" + client, since).orElse(0L);
        long accountFailures = sql.one("SELECT count(*) FROM login_failures WHERE client = ? AND at > ?", row -> row.getLong(1),
                "account:" + account, since).orElse(0L);
        // The account's own limit is higher, so that one attacker cannot lock the admin out from one address.
        return failures >= MAX_FAILURES || accountFailures >= MAX_FAILURES * 5;
    }

    /** Checks a password (slowly, always); records a failure. */
    boolean checkPassword(String client, String account, String password) {
        Optional<String> stored = sql.one("SELECT password_hash FROM accounts WHERE name = ?", row -> row.getString(1),
                account == null ? "" : account);
        // Hash even for an unknown account, so that timing does not tell which names exist.
        String hash = stored.orElse(UNKNOWN_ACCOUNT_HASH);
        boolean ok = Secrets.passwordMatches(password == null ? new char[0] : password.toCharArray(), hash) && stored.isPresent();
        if (!ok) {
            sql.update("INSERT INTO login_failures (client) VALUES (?), (?)", "ip:" + client, "account:" + account);
            LOG.warning("failed console login from " + client);
        }
        return ok;
    }

    /** @return the session cookie's value (only its hash is stored) and the session */
    java.util.Map.Entry<String, Session> openSession(String account) {
        String id = Secrets.token("");
        String csrf = Secrets.token("");
        Instant expires = Instant.now().plus(SESSION_LIFETIME);
        sql.update("INSERT INTO sessions (id_hash, account, csrf_token, expires_at) VALUES (?, ?, ?, ?)", Secrets.sha256(id),
                account, csrf, expires);
        return java.util.Map.entry(id, new Session(account, csrf, expires));
    }

    Optional<Session> session(String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 100) {
            return Optional.empty();
        }
        return sql.one("SELECT account, csrf_token, expires_at FROM sessions WHERE id_hash = ? AND expires_at > now()",
                row -> new Session(row.getString(1), row.getString(2), Sql.instant(row, "expires_at")),
                (Object) Secrets.sha256(cookie));
    }

    void closeSession(String cookie) {
        if (cookie != null) {
            sql.update("DELETE FROM sessions WHERE id_hash = ?", (Object) Secrets.sha256(cookie));
        }
    }

    String createApiToken(String label) {
        String token = Secrets.token("pcon_");
        sql.update("INSERT INTO api_tokens (token_hash, label) VALUES (?, ?)", Secrets.sha256(token), label);
        return token;
    }

    List<ApiToken> apiTokens() {
        return sql.list("SELECT id, label, created_at, revoked_at FROM api_tokens ORDER BY id",
                row -> new ApiToken(row.getLong(1), row.getString(2), Sql.instant(row, "created_at"),
                        Sql.instant(row, "revoked_at")));
    }

    boolean revokeApiToken(long id) {
        return sql.update("UPDATE api_tokens SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL", id) == 1;
    }

    /** @return the token's label when it is live */
    Optional<String> apiToken(String token) {
        return sql.one("SELECT label FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL", row -> row.getString(1),
                (Object) Secrets.sha256(token));
    }
}

-- The console's schema. Every table is shared by all console instances: nothing a second instance
-- would need lives in one instance's memory.

-- Applications, and the agent tokens that name them (stored as SHA-256 of a 256-bit random token).
CREATE TABLE applications (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agent_tokens (
    id              bigserial PRIMARY KEY,
    application_id  bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    token_hash      bytea NOT NULL UNIQUE,
    label           text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);

-- One row per agent login (an application instance); last_seen moves with every batch.
CREATE TABLE agents (
    id              text PRIMARY KEY,
    application_id  bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    token_id        bigint NOT NULL REFERENCES agent_tokens (id) ON DELETE CASCADE,
    agent_version   text NOT NULL,
    runtime         text NOT NULL,
    client_address  text,
    first_seen      timestamptz NOT NULL DEFAULT now(),
    last_seen       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agents_by_application ON agents (application_id, last_seen DESC);

-- The API inventory: every hook point an agent of the application reported at login.
CREATE TABLE hook_points (
    application_id  bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    symbol          text NOT NULL,
    first_seen      timestamptz NOT NULL DEFAULT now(),
    last_seen       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (application_id, symbol)
);

-- Batches already stored, so that a batch sent again (its acknowledgement was lost) is stored once.
CREATE TABLE batches (
    agent_id     text NOT NULL,
    batch_id     text NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agent_id, batch_id)
);
CREATE INDEX batches_by_time ON batches (received_at);

-- Attack events, one partition per day of reception (retention drops whole partitions).
CREATE TABLE events (
    id               bigserial,
    received_at      timestamptz NOT NULL,
    application_id   bigint NOT NULL,
    agent_id         text NOT NULL,
    time             timestamptz NOT NULL,
    request_id       text,
    rule_id          text NOT NULL,
    attack_type      text NOT NULL,
    confidence       text,
    hook_point       text,
    blocked          boolean NOT NULL,
    mode             text,
    client_ip        text,
    method           text,
    path             text,
    resource         text,
    reason           text,
    input_source     text,
    input_name       text,
    input_value      text,
    input_truncated  boolean,
    statement        text,
    PRIMARY KEY (id, received_at)
) PARTITION BY RANGE (received_at);
CREATE INDEX events_by_time ON events (application_id, received_at DESC);
CREATE INDEX events_by_rule ON events (application_id, rule_id, received_at DESC);
CREATE INDEX events_by_type ON events (application_id, attack_type, received_at DESC);
CREATE INDEX events_by_path ON events (application_id, path, received_at DESC);
CREATE INDEX events_by_client ON events (application_id, client_ip, received_at DESC);
CREATE INDEX events_by_hook_point ON events (application_id, hook_point);
CREATE INDEX events_by_resource ON events (application_id, resource);

-- Counters as per-minute rollups per agent (an agent's counters are the growth since its last batch).
CREATE TABLE counter_minutes (
    application_id  bigint NOT NULL,
    agent_id        text NOT NULL,
    minute          timestamptz NOT NULL,
    name            text NOT NULL,
    value           bigint NOT NULL,
    PRIMARY KEY (application_id, minute, agent_id, name)
);
CREATE INDEX counter_minutes_by_agent ON counter_minutes (agent_id, name);

-- What the console serves an application: built-in rules' modes, exclusions, a custom pack, IP blocks.
CREATE TABLE rule_modes (
    application_id  bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    rule_id         text NOT NULL,
    mode            text NOT NULL CHECK (mode IN ('block', 'monitor', 'off')),
    PRIMARY KEY (application_id, rule_id)
);

CREATE TABLE exclusions (
    id              bigserial PRIMARY KEY,
    application_id  bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    rule_id         text NOT NULL,
    input           text NOT NULL,
    path            text NOT NULL,
    reason          text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE custom_packs (
    application_id  bigint PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    text            text NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ip_blocks (
    id              bigserial PRIMARY KEY,
    application_id  bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    address         text NOT NULL,
    reason          text NOT NULL,
    expires_at      timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text NOT NULL
);
CREATE INDEX ip_blocks_live ON ip_blocks (application_id, expires_at);

-- The packs served, each with a version from one sequence (monotonic across console instances).
CREATE SEQUENCE pack_versions;
CREATE TABLE packs (
    application_id  bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    version         bigint NOT NULL,
    content_hash    text NOT NULL,
    body            text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (application_id, version)
);

-- Who changed what, when.
CREATE TABLE audit (
    id              bigserial PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT now(),
    actor           text NOT NULL,
    application_id  bigint REFERENCES applications (id) ON DELETE SET NULL,
    action          text NOT NULL,
    detail          text NOT NULL
);

-- People and scripts: the admin account (PBKDF2), browser sessions (hashed ids), API tokens (hashed).
CREATE TABLE accounts (
    name           text PRIMARY KEY,
    password_hash  text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
    id_hash     bytea PRIMARY KEY,
    account     text NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
    csrf_token  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);

CREATE TABLE api_tokens (
    id          bigserial PRIMARY KEY,
    token_hash  bytea NOT NULL UNIQUE,
    label       text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

-- Failed logins, for the rate limit (shared by every console instance).
CREATE TABLE login_failures (
    client  text NOT NULL,
    at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_by_client ON login_failures (client, at);

-- Attack counts per hour and per value of what the overview groups by, kept at ingestion, so that the
-- overview reads rollups instead of scanning a month of events. Filled from the events already stored.
CREATE TABLE event_hours (
    application_id  bigint NOT NULL,
    hour            timestamptz NOT NULL,
    attack_type     text NOT NULL,
    rule_id         text NOT NULL,
    path            text NOT NULL,
    client_ip       text NOT NULL,
    blocked         boolean NOT NULL,
    events          bigint NOT NULL,
    PRIMARY KEY (application_id, hour, attack_type, rule_id, path, client_ip, blocked)
);

INSERT INTO event_hours (application_id, hour, attack_type, rule_id, path, client_ip, blocked, events)
SELECT application_id, date_trunc('hour', received_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', attack_type, rule_id,
       coalesce(path, ''), coalesce(client_ip, ''), blocked, count(*)
FROM events
GROUP BY 1, 2, 3, 4, 5, 6, 7;

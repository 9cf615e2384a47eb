-- Rate-limit buckets (GCRA: one "theoretical arrival time" per key), in the
-- database so that every instance behind a load balancer counts the same
-- attempts (src/limits.rs). Rows whose time has passed are pruned.
CREATE TABLE rate_limits (
    key     TEXT    PRIMARY KEY,
    tat     INTEGER NOT NULL,
    -- Whether the latest attempt was let through (read back by RETURNING).
    allowed INTEGER NOT NULL
);
CREATE INDEX rate_limits_tat ON rate_limits (tat);

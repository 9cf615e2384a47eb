-- Email to followers (src/workers/email.rs). Each user chooses per kind;
-- both are on until turned off. `email_token` is the capability behind the
-- unsubscribe links (random, made when the first email is sent).
ALTER TABLE users ADD COLUMN email_status_changes BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE users ADD COLUMN email_replies BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE users ADD COLUMN email_language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE users ADD COLUMN email_token TEXT;
CREATE UNIQUE INDEX users_email_token ON users (email_token);

-- The durable queue: a row per (recipient, outbox event), written by the
-- email fan-out and sent in the background with retries, so an SMTP outage
-- delays mail and never loses it.
CREATE TABLE email_outbox (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_id        BIGINT  NOT NULL,
    kind            TEXT    NOT NULL,
    idea_id         BIGINT  NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    actor_id        BIGINT,
    -- The new status (and response) or the comment's text, as the event had it.
    detail          TEXT,
    created_at      BIGINT  NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    sent_at         BIGINT,
    -- Set when the mail server refused the message for good (5xx).
    failed_at       BIGINT,
    last_error      TEXT,
    UNIQUE (user_id, event_id)
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;

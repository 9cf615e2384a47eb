-- Moderation, the changelog and webhooks (issue #4).

-- Hidden ideas (and spam, which is hidden too) are seen by product managers
-- only. An idea awaiting approval is seen by its author and them.
ALTER TABLE ideas ADD COLUMN hidden_at BIGINT;
ALTER TABLE ideas ADD COLUMN spam BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE ideas ADD COLUMN approved BOOLEAN NOT NULL DEFAULT true;
CREATE INDEX ideas_pending ON ideas (created_at) WHERE NOT approved;
ALTER TABLE comments ADD COLUMN spam BOOLEAN NOT NULL DEFAULT false;
-- New members' first ideas on this board wait for a product manager.
ALTER TABLE boards ADD COLUMN approval_required BOOLEAN NOT NULL DEFAULT false;

-- Release notes: public once published; they link the ideas they ship.
CREATE TABLE changelog_entries (
    id           BIGSERIAL PRIMARY KEY,
    title        TEXT    NOT NULL,
    body_md      TEXT    NOT NULL,
    body_html    TEXT    NOT NULL,
    author_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    published_at BIGINT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX changelog_published ON changelog_entries (published_at DESC, id DESC);
CREATE TABLE changelog_ideas (
    entry_id BIGINT NOT NULL REFERENCES changelog_entries (id) ON DELETE CASCADE,
    idea_id  BIGINT NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    PRIMARY KEY (entry_id, idea_id)
);
CREATE INDEX changelog_ideas_idea ON changelog_ideas (idea_id);

-- Webhooks: admins' URLs for chosen events; deliveries are a durable queue
-- filled from the outbox and sent with retries in the background.
CREATE TABLE webhooks (
    id         BIGSERIAL PRIMARY KEY,
    url        TEXT    NOT NULL,
    secret     TEXT    NOT NULL,
    -- Space-separated event names (idea.created, idea.status_changed, …).
    events     TEXT    NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE webhook_deliveries (
    id              BIGSERIAL PRIMARY KEY,
    webhook_id      BIGINT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id        BIGINT NOT NULL,
    event           TEXT    NOT NULL,
    -- The exact JSON body sent (and signed).
    body            TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_status     INTEGER,
    last_error      TEXT,
    delivered_at    BIGINT,
    failed_at       BIGINT,
    created_at      BIGINT NOT NULL,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (webhook_id, id DESC);

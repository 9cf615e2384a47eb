-- Following ideas and in-app notifications, filled from the outbox by the
-- notifications worker (src/workers/notifications.rs).
CREATE TABLE follows (
    idea_id    BIGINT NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (idea_id, user_id)
);
CREATE INDEX follows_user ON follows (user_id);

CREATE TABLE notifications (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- One notification per user and event: fanning out twice changes nothing.
    event_id   BIGINT  NOT NULL,
    kind       TEXT    NOT NULL,
    idea_id    BIGINT NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    actor_id   BIGINT,
    detail     TEXT,
    created_at BIGINT  NOT NULL,
    read_at    BIGINT,
    UNIQUE (user_id, event_id)
);
CREATE INDEX notifications_user ON notifications (user_id, id DESC);

-- How far each outbox consumer has read.
CREATE TABLE outbox_cursors (
    consumer      TEXT    PRIMARY KEY,
    last_event_id BIGINT  NOT NULL
);

-- Those who took part so far follow what they took part in.
INSERT INTO follows (idea_id, user_id, created_at) SELECT id, author_id, created_at FROM ideas;
INSERT INTO follows (idea_id, user_id, created_at)
    SELECT idea_id, user_id, MIN(created_at) FROM votes GROUP BY idea_id, user_id
    ON CONFLICT DO NOTHING;
INSERT INTO follows (idea_id, user_id, created_at)
    SELECT idea_id, author_id, MIN(created_at) FROM comments GROUP BY idea_id, author_id
    ON CONFLICT DO NOTHING;
-- Only what happens from now on is announced.
INSERT INTO outbox_cursors (consumer, last_event_id) SELECT 'notifications', COALESCE(MAX(id), 0) FROM events;

-- Following ideas and in-app notifications, filled from the outbox by the
-- notifications worker (src/workers/notifications.rs).
CREATE TABLE follows (
    idea_id    INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (idea_id, user_id)
) WITHOUT ROWID;
CREATE INDEX follows_user ON follows (user_id);

CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- One notification per user and event: fanning out twice changes nothing.
    event_id   INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    idea_id    INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    actor_id   INTEGER,
    detail     TEXT,
    created_at INTEGER NOT NULL,
    read_at    INTEGER,
    UNIQUE (user_id, event_id)
);
CREATE INDEX notifications_user ON notifications (user_id, id DESC);

-- How far each outbox consumer has read.
CREATE TABLE outbox_cursors (
    consumer      TEXT    PRIMARY KEY,
    last_event_id INTEGER NOT NULL
);

-- Those who took part so far follow what they took part in.
INSERT INTO follows (idea_id, user_id, created_at) SELECT id, author_id, created_at FROM ideas;
INSERT OR IGNORE INTO follows (idea_id, user_id, created_at)
    SELECT idea_id, user_id, MIN(created_at) FROM votes GROUP BY idea_id, user_id;
INSERT OR IGNORE INTO follows (idea_id, user_id, created_at)
    SELECT idea_id, author_id, MIN(created_at) FROM comments GROUP BY idea_id, author_id;
-- Only what happens from now on is announced.
INSERT INTO outbox_cursors (consumer, last_event_id) SELECT 'notifications', COALESCE(MAX(id), 0) FROM events;

-- Schwarm's first schema (SQLite). Times are Unix milliseconds (UTC) so that
-- they sort and compare as integers on SQLite and PostgreSQL alike.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'pm', 'admin')),
    blocked_at    INTEGER,
    deleted_at    INTEGER,
    created_at    INTEGER NOT NULL
);

-- Server-side sessions: only a SHA-256 of the token is stored, so a leaked
-- database does not leak usable sessions.
CREATE TABLE sessions (
    token_hash   TEXT    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE ideas (
    id            INTEGER PRIMARY KEY,
    author_id     INTEGER NOT NULL REFERENCES users (id),
    title         TEXT    NOT NULL,
    body_md       TEXT    NOT NULL DEFAULT '',
    status        TEXT    NOT NULL DEFAULT 'open',
    -- Stored counters, changed only in the transaction that changes the rows they count.
    vote_count    INTEGER NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    comment_count INTEGER NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
-- One index behind each sort (keyset pagination walks them).
CREATE INDEX ideas_new ON ideas (created_at DESC, id DESC);
CREATE INDEX ideas_top ON ideas (vote_count DESC, id DESC);
CREATE INDEX ideas_author ON ideas (author_id);

-- The primary key is what makes a vote count exactly once.
CREATE TABLE votes (
    idea_id    INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    via_merge  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (idea_id, user_id)
) WITHOUT ROWID;
CREATE INDEX votes_user ON votes (user_id);

CREATE TABLE comments (
    id         INTEGER PRIMARY KEY,
    idea_id    INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES users (id),
    parent_id  INTEGER REFERENCES comments (id),
    body_md    TEXT    NOT NULL,
    internal   INTEGER NOT NULL DEFAULT 0,
    hidden     INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX comments_idea ON comments (idea_id, id);

-- The outbox: one row per state change, written in the same transaction as
-- the change. AUTOINCREMENT keeps ids strictly increasing (never reused), so
-- an id can serve as an SSE Last-Event-ID.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT    NOT NULL,
    idea_id    INTEGER,
    actor_id   INTEGER,
    visibility TEXT    NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'pm', 'user')),
    payload    TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

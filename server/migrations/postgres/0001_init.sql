-- Schwarm's first schema (PostgreSQL); the same tables as migrations/sqlite.
-- Times are Unix milliseconds (UTC), ids and counters BIGINT, so that the
-- one set of queries in src/store/shared decodes alike on both databases.

CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    email         TEXT      NOT NULL UNIQUE,
    display_name  TEXT      NOT NULL,
    password_hash TEXT      NOT NULL,
    role          TEXT      NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'pm', 'admin')),
    blocked_at    BIGINT,
    deleted_at    BIGINT,
    created_at    BIGINT    NOT NULL
);

CREATE TABLE sessions (
    token_hash   TEXT   PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE ideas (
    id            BIGSERIAL PRIMARY KEY,
    author_id     BIGINT    NOT NULL REFERENCES users (id),
    title         TEXT      NOT NULL,
    body_md       TEXT      NOT NULL DEFAULT '',
    status        TEXT      NOT NULL DEFAULT 'open',
    vote_count    BIGINT    NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    comment_count BIGINT    NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    created_at    BIGINT    NOT NULL,
    updated_at    BIGINT    NOT NULL
);
CREATE INDEX ideas_new ON ideas (created_at DESC, id DESC);
CREATE INDEX ideas_top ON ideas (vote_count DESC, id DESC);
CREATE INDEX ideas_author ON ideas (author_id);

CREATE TABLE votes (
    idea_id    BIGINT  NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    user_id    BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT  NOT NULL,
    via_merge  BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (idea_id, user_id)
);
CREATE INDEX votes_user ON votes (user_id);

CREATE TABLE comments (
    id         BIGSERIAL PRIMARY KEY,
    idea_id    BIGINT    NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    author_id  BIGINT    NOT NULL REFERENCES users (id),
    parent_id  BIGINT    REFERENCES comments (id),
    body_md    TEXT      NOT NULL,
    internal   BOOLEAN   NOT NULL DEFAULT false,
    hidden     BOOLEAN   NOT NULL DEFAULT false,
    created_at BIGINT    NOT NULL,
    updated_at BIGINT    NOT NULL
);
CREATE INDEX comments_idea ON comments (idea_id, id);

CREATE TABLE events (
    id         BIGSERIAL PRIMARY KEY,
    kind       TEXT   NOT NULL,
    idea_id    BIGINT,
    actor_id   BIGINT,
    visibility TEXT   NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'pm', 'user')),
    payload    TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

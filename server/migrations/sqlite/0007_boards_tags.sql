-- Boards (e.g. "Web app", "Mobile app"), each with its own tags; every idea
-- belongs to one board and carries up to five of its tags.
CREATE TABLE boards (
    id          INTEGER PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL
);

CREATE TABLE tags (
    id       INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    name     TEXT    NOT NULL,
    colour   TEXT    NOT NULL DEFAULT '#64748b',
    UNIQUE (board_id, name)
);

CREATE TABLE idea_tags (
    idea_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    tag_id  INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (idea_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX idea_tags_tag ON idea_tags (tag_id);

ALTER TABLE ideas ADD COLUMN board_id INTEGER REFERENCES boards (id);
CREATE INDEX ideas_board_new ON ideas (board_id, created_at DESC, id DESC);

-- Ideas written before boards existed go to a first board.
INSERT INTO boards (slug, name, created_at) SELECT 'general', 'General', 0 WHERE EXISTS (SELECT 1 FROM ideas);
UPDATE ideas SET board_id = (SELECT id FROM boards WHERE slug = 'general');

-- Product managers' triage (issue #4): statuses admins can edit, internal
-- notes, undoable merges and prioritisation.

-- The statuses an idea can have. `key` is what ideas store; admins rename
-- (the labels), recolour, reorder and add, never re-key.
CREATE TABLE statuses (
    key        TEXT    PRIMARY KEY,
    label_en   TEXT    NOT NULL,
    label_de   TEXT    NOT NULL,
    colour     TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    on_roadmap BOOLEAN NOT NULL DEFAULT false,
    -- Done or declined: nothing more will happen.
    closed     BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO statuses (key, label_en, label_de, colour, position, on_roadmap, closed) VALUES
    ('open', 'Open', 'Offen', '#6b7280', 0, false, false),
    ('under review', 'Under review', 'In Prüfung', '#b45309', 1, true, false),
    ('planned', 'Planned', 'Geplant', '#1d4ed8', 2, true, false),
    ('in progress', 'In progress', 'In Arbeit', '#7c3aed', 3, true, false),
    ('done', 'Done', 'Erledigt', '#15803d', 4, true, true),
    ('declined', 'Declined', 'Abgelehnt', '#b91c1c', 5, false, true);

-- Internal notes are comments with `internal` set (0001): they never count in
-- `comment_count`, and their events are `visibility = 'pm'`.
-- A comment that came with a merge: the idea it was written on.
ALTER TABLE comments ADD COLUMN moved_from BIGINT REFERENCES ideas (id) ON DELETE SET NULL;
CREATE INDEX comments_moved_from ON comments (moved_from) WHERE moved_from IS NOT NULL;

-- Merging: the source idea points at its target; votes and follows that
-- exist only because of the merge remember the source (`merged_from`), so an
-- undo removes exactly them. (0001's boolean `votes.via_merge` is unused: it
-- cannot say which merge.)
ALTER TABLE ideas ADD COLUMN merged_into BIGINT REFERENCES ideas (id) ON DELETE SET NULL;
ALTER TABLE ideas ADD COLUMN merged_at BIGINT;
CREATE INDEX ideas_merged_into ON ideas (merged_into) WHERE merged_into IS NOT NULL;
ALTER TABLE votes ADD COLUMN merged_from BIGINT;
ALTER TABLE follows ADD COLUMN merged_from BIGINT;

-- Prioritisation (1–5 each, unset until a product manager sets them).
ALTER TABLE ideas ADD COLUMN impact INTEGER CHECK (impact BETWEEN 1 AND 5);
ALTER TABLE ideas ADD COLUMN effort INTEGER CHECK (effort BETWEEN 1 AND 5);

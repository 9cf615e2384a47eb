-- Full-text search over title (weight A) and description (weight B): a
-- generated tsvector with a GIN index. The 'simple' configuration does not
-- stem, so English and German ideas are found alike.
ALTER TABLE ideas ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body_md), 'B')
) STORED;
CREATE INDEX ideas_search ON ideas USING GIN (search);

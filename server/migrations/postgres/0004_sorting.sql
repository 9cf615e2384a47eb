-- Sorting by trend (see domain/trend.rs) and by discussion, and filtering by
-- status, each with an index. Existing rows get their trend at start-up.
ALTER TABLE ideas ADD COLUMN trend DOUBLE PRECISION NOT NULL DEFAULT 0;
CREATE INDEX ideas_trending ON ideas (trend DESC, id DESC);
CREATE INDEX ideas_discussed ON ideas (comment_count DESC, id DESC);
CREATE INDEX ideas_status_new ON ideas (status, created_at DESC, id DESC);

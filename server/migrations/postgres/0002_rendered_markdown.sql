-- Markdown is rendered to sanitised HTML once, on write. Rows written
-- before this migration are rendered at start-up (see store::shared::backfill).
ALTER TABLE ideas ADD COLUMN body_html TEXT;
ALTER TABLE comments ADD COLUMN body_html TEXT;

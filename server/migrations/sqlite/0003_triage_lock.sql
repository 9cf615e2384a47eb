-- When a product manager first changed the idea's status; from then on the
-- author can no longer edit or delete it.
ALTER TABLE ideas ADD COLUMN triaged_at INTEGER;
UPDATE ideas SET triaged_at = updated_at WHERE status <> 'open';

-- The product manager's latest public response to an idea, given with a
-- status change.
ALTER TABLE ideas ADD COLUMN status_response_md TEXT;
ALTER TABLE ideas ADD COLUMN status_response_html TEXT;
ALTER TABLE ideas ADD COLUMN status_response_by BIGINT REFERENCES users (id);
ALTER TABLE ideas ADD COLUMN status_response_at BIGINT;

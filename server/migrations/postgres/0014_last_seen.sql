-- When each account was last active (at most a minute behind), for the
-- trends dashboard's "only signed in" participation.
ALTER TABLE users ADD COLUMN last_seen_at BIGINT;
CREATE INDEX users_last_seen ON users (last_seen_at);

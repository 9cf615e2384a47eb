-- Sites that embed a board (the widget, /embed/{board}): their origin is
-- allowed to frame it (CSP frame-ancestors) and signs SSO tokens with the
-- site's secret (HS256; the raw secret is needed to check the signature).
CREATE TABLE sites (
    id         BIGSERIAL PRIMARY KEY,
    name       TEXT    NOT NULL,
    -- scheme://host[:port], lower-case: the JWT audience and postMessage origin.
    origin     TEXT    NOT NULL UNIQUE,
    board_id   BIGINT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    sso_secret TEXT    NOT NULL,
    accent     TEXT    NOT NULL DEFAULT '#0b57d0',
    theme      TEXT    NOT NULL DEFAULT 'auto' CHECK (theme IN ('light', 'dark', 'auto')),
    font       TEXT    NOT NULL DEFAULT '',
    radius     INTEGER NOT NULL DEFAULT 10,
    created_at BIGINT NOT NULL
);
CREATE INDEX sites_board ON sites (board_id);

-- Users known to a site by its own id for them (the JWT's sub).
CREATE TABLE sso_identities (
    site_id    BIGINT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    subject    TEXT    NOT NULL,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (site_id, subject)
);

-- A session started by SSO belongs to its site.
ALTER TABLE sessions ADD COLUMN site_id BIGINT REFERENCES sites (id) ON DELETE CASCADE;

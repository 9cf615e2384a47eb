-- Full-text search over title and description (FTS5, kept in step by
-- triggers; votes and comments do not touch it). Title ranks ten times the
-- description (see the bm25 weights in store/sqlite.rs).
CREATE VIRTUAL TABLE ideas_fts USING fts5(
    title, body_md,
    content = 'ideas', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO ideas_fts (ideas_fts) VALUES ('rebuild');

CREATE TRIGGER ideas_fts_insert AFTER INSERT ON ideas BEGIN
    INSERT INTO ideas_fts (rowid, title, body_md) VALUES (new.id, new.title, new.body_md);
END;
CREATE TRIGGER ideas_fts_delete AFTER DELETE ON ideas BEGIN
    INSERT INTO ideas_fts (ideas_fts, rowid, title, body_md) VALUES ('delete', old.id, old.title, old.body_md);
END;
CREATE TRIGGER ideas_fts_update AFTER UPDATE OF title, body_md ON ideas BEGIN
    INSERT INTO ideas_fts (ideas_fts, rowid, title, body_md) VALUES ('delete', old.id, old.title, old.body_md);
    INSERT INTO ideas_fts (rowid, title, body_md) VALUES (new.id, new.title, new.body_md);
END;

-- Every limited request takes from its buckets (a vote from two: the
-- account's and the address's), so this upsert is on the path of every
-- vote. As first made, a take searched the key's index for the row id,
-- then the table for the row, and moved the bucket's entry in the `tat`
-- index, since `tat` changes with every take: four b-trees' pages written
-- per bucket, about a quarter of each vote batch's time (perf, `make
-- bench`). Keyed by `key` itself (WITHOUT ROWID) and without the `tat`
-- index, a take finds and rewrites one row in one b-tree. The pruning
-- every ten minutes (src/limits.rs) scans the table instead.
CREATE TABLE rate_limits_by_key (
    key     TEXT    NOT NULL PRIMARY KEY,
    tat     INTEGER NOT NULL,
    -- Whether the latest attempt was let through (read back by RETURNING).
    allowed INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO rate_limits_by_key (key, tat, allowed) SELECT key, tat, allowed FROM rate_limits;
DROP TABLE rate_limits;
ALTER TABLE rate_limits_by_key RENAME TO rate_limits;

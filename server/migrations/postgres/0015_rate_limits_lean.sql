-- Every limited request takes from its buckets (a vote from two), and each
-- take changes the bucket's `tat`. With an index on `tat`, no such update
-- could stay on its page (a HOT update): each wrote a new row version, a
-- new primary-key entry and a new `tat` entry. The pruning every ten
-- minutes (src/limits.rs) scans the table instead. (SQLite's migration of
-- the same number also keys the table by `key` alone.)
DROP INDEX rate_limits_tat;

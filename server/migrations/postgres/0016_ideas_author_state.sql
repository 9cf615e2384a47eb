-- Every list a member loads asks whether they have an idea waiting for
-- approval (`store::shared::marks`). Through an index of `author_id` alone,
-- that read the row of each of the member's ideas for its state: those
-- rows' searches alone were ~6% of the marks query's samples under wrk's
-- `list_signed_in` (perf). With the state columns in the index, the
-- question is answered from the index alone; lookups by author still use
-- its first column.
DROP INDEX ideas_author;
CREATE INDEX ideas_author ON ideas (author_id, approved, hidden_at, merged_into);

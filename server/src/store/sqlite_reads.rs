//! SQLite's per-request reads, run on the calling thread.
//!
//! Every signed-in request looks up its session, and every list a member
//! loads looks up their marks (`store::marks`). Through sqlx each is a trip
//! to the reader connection's worker thread and back: the query is sent
//! over a channel, the worker wakes, runs it and wakes the caller again.
//! Under `list_signed_in` (`make bench`, perf) those wake-ups and thread
//! switches were about half of the server's time; the index lookups
//! themselves take microseconds. So these two reads run here, on read-only
//! rusqlite connections (the same libsqlite3-sys as sqlx, so one SQLite)
//! opened on the same file, without a thread hand-off, the way the votes
//! use the writer's handle (`sqlite_votes`). The session lookup is the
//! shared query; the marks are read by range, with the shared query where
//! a range is long (`marks_of`), so both databases answer alike.
//!
//! A read blocks its tokio worker for its own duration only: a lookup by
//! primary key and a few index searches, with WAL readers never waiting for
//! the writer.

use super::shared::{marks, sessions};
use super::sqlite::SqliteStore;
use super::sqlite_votes::to_sqlx;
use super::{MarkStore, Marks, StoreResult};
use rusqlite::{params_from_iter, Connection, OpenFlags, OptionalExtension};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

/// Idle read-only connections on the database file, opened when none is idle.
pub(super) struct DirectReads {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    keep: usize,
}

impl DirectReads {
    /// Keeps at most `keep` idle connections (about one per thread that reads).
    pub(super) fn new(path: PathBuf, keep: usize) -> DirectReads {
        DirectReads {
            path,
            idle: Mutex::new(Vec::new()),
            keep,
        }
    }

    /// Runs `read` on an idle connection (or a new one), on this thread.
    pub(super) fn run<T>(&self, read: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> StoreResult<T> {
        let idle = self.idle.lock().expect("idle readers").pop();
        let conn = match idle {
            Some(conn) => conn,
            None => self.open().map_err(to_sqlx)?,
        };
        let result = read(&conn).map_err(to_sqlx);
        let mut idle = self.idle.lock().expect("idle readers");
        if idle.len() < self.keep {
            idle.push(conn);
        }
        result
    }

    fn open(&self) -> rusqlite::Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags)?;
        // As sqlx's readers: a WAL reader waits only while the log restarts.
        conn.busy_timeout(Duration::from_secs(10))?;
        // Members' sessions, their votes' and follows' index entries and
        // their own ideas are spread over the file: with SQLite's default
        // 2 MB, a tenth of the server's time under `list_signed_in` went to
        // reading pages back from the OS (pread). 32 MB each (a limit: only
        // pages read take memory): ~12% more lists a second, ~34 MB more RSS.
        conn.pragma_update(None, "cache_size", -32768)?;
        Ok(conn)
    }
}

impl SqliteStore {
    pub(super) async fn find_session(
        &self,
        token_hash: &str,
        now: i64,
        idle_cutoff: i64,
    ) -> StoreResult<Option<sessions::SessionRow>> {
        self.direct.run(|conn| {
            conn.prepare_cached(sessions::SESSION_LOOKUP)?
                .query_row((token_hash, now, idle_cutoff), |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                        row.get(6)?,
                    ))
                })
                .optional()
        })
    }
}

#[async_trait::async_trait]
impl MarkStore for SqliteStore {
    async fn marks(&self, viewer: i64, ids: &[i64]) -> StoreResult<Marks> {
        self.direct.run(|conn| marks_of(conn, viewer, ids, RANGE_ROWS))
    }

    /// The whole range: every id.
    async fn all_marks(&self, viewer: i64, most: usize) -> StoreResult<Option<Marks>> {
        let limit = most as i64 + 1;
        self.direct
            .run(|conn| marks_between(conn, viewer, i64::MIN, i64::MAX, limit))
    }
}

/// The viewer's (`$1`) votes with ids from `$2` to `$3`, at most `$4`.
const VOTED_IN_RANGE: &str =
    "SELECT idea_id FROM votes WHERE user_id = $1 AND idea_id BETWEEN $2 AND $3 ORDER BY idea_id LIMIT $4";
/// The same of their follows.
const FOLLOWED_IN_RANGE: &str =
    "SELECT idea_id FROM follows WHERE user_id = $1 AND idea_id BETWEEN $2 AND $3 ORDER BY idea_id LIMIT $4";
/// How many of each the range read takes before giving way.
const RANGE_ROWS: i64 = 200;

/// A member's marks, read by range: the viewer's entries in `votes_user`
/// and `follows_user` lie side by side (WITHOUT ROWID tables: the index
/// holds the idea id), so each is one index search and a step per entry
/// between the list's least and greatest id. The `IN` lists of the shared
/// query (PostgreSQL's) build two temporary indexes and search once per
/// idea and table; perf put them at ~35% of the server under
/// `list_signed_in`, where a member has ~50 votes and ~50 follows. Alternating
/// binaries, 2 rounds: ~152 → ~130 µs of server CPU per list. A member with
/// more than `limit` of either in the range gets the `IN` lists instead, so
/// no list costs more than before. PostgreSQL keeps the `IN` lists: its
/// `votes_user` index holds no idea id (a heap table), so a range there
/// would read each vote's row, and it was not measured.
fn marks_of(conn: &Connection, viewer: i64, ids: &[i64], limit: i64) -> rusqlite::Result<Marks> {
    let (Some(&least), Some(&greatest)) = (ids.iter().min(), ids.iter().max()) else {
        // An empty list still asks whether an idea of theirs waits.
        return in_lists(conn, viewer, ids);
    };
    let Some(mut marks) = marks_between(conn, viewer, least, greatest, limit)? else {
        return in_lists(conn, viewer, ids);
    };
    marks.voted.retain(|id| ids.contains(id));
    marks.following.retain(|id| ids.contains(id));
    Ok(marks)
}

/// The viewer's votes and follows with ids from `least` to `greatest`, in
/// ascending order, and whether an idea of theirs waits; `None` if either
/// has `limit` entries or more there.
fn marks_between(
    conn: &Connection,
    viewer: i64,
    least: i64,
    greatest: i64,
    limit: i64,
) -> rusqlite::Result<Option<Marks>> {
    // One read transaction for the three statements: one snapshot, and one
    // WAL read lock (an fcntl on the -shm file) instead of three.
    let read = conn.unchecked_transaction()?;
    let in_range = |sql: &str| -> rusqlite::Result<Option<Vec<i64>>> {
        let found = conn
            .prepare_cached(sql)?
            .query_map((viewer, least, greatest, limit), |row| row.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok((found.len() < limit as usize).then_some(found))
    };
    let (Some(voted), Some(following)) = (in_range(VOTED_IN_RANGE)?, in_range(FOLLOWED_IN_RANGE)?) else {
        return Ok(None);
    };
    let waiting = conn
        .prepare_cached(marks::WAITING)?
        .query_row([viewer], |row| row.get(0))?;
    read.commit()?;
    Ok(Some(Marks {
        voted,
        following,
        waiting,
    }))
}

/// The shared query's `IN` lists (`shared::marks::query`).
fn in_lists(conn: &Connection, viewer: i64, ids: &[i64]) -> rusqlite::Result<Marks> {
    let mut statement = conn.prepare_cached(&marks::query(ids.len()))?;
    // `$1` is the first parameter and `$2`… follow in order, so they bind
    // by position (a repeated name is the same parameter).
    let params = std::iter::once(viewer).chain(ids.iter().copied());
    let rows = statement.query_map(params_from_iter(params), |row| {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?))
    })?;
    Ok(marks::marks(rows.collect::<rusqlite::Result<Vec<_>>>()?))
}

#[cfg(test)]
mod tests {
    use super::{marks_between, marks_of, Connection};
    use crate::store::sqlite::SqliteStore;
    use crate::store::Marks;

    /// A real database, made by the migrations (`SqliteStore::connect`):
    /// ideas 1–20 by member 7, idea 2 waiting for approval. Member 7 voted
    /// for 3, 5, 7, 9 and 20 and follows 5 and 6; member 8 voted for 5.
    async fn database(dir: &tempfile::TempDir) -> Connection {
        let path = dir.path().join("marks.db");
        let store = SqliteStore::connect(&format!("sqlite://{}?mode=rwc", path.display()))
            .await
            .unwrap();
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO users (id, email, display_name, password_hash, created_at)
                 VALUES (7, 'seven@example.com', 'Seven', 'x', 0), (8, 'eight@example.com', 'Eight', 'x', 0);
             WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < 20)
                 INSERT INTO ideas (id, author_id, title, created_at, updated_at, approved)
                 SELECT id, 7, 'Idea ' || id, 0, 0, id <> 2 FROM n;
             INSERT INTO votes (idea_id, user_id, created_at)
                 VALUES (3, 7, 0), (5, 7, 0), (7, 7, 0), (9, 7, 0), (20, 7, 0), (5, 8, 0);
             INSERT INTO follows (idea_id, user_id, created_at) VALUES (5, 7, 0), (6, 7, 0);",
        )
        .unwrap();
        drop(store);
        conn
    }

    #[tokio::test]
    async fn the_range_read_and_its_fallback_mark_the_same_ideas() {
        // Arrange
        let dir = tempfile::tempdir().unwrap();
        let conn = database(&dir).await;
        let ids = [9, 5, 4, 6];
        let expected = Marks {
            voted: vec![5, 9],
            following: vec![5, 6],
            waiting: true,
        };
        // Act: room for every row, then an arm that fills its limit, so
        // the `IN` lists answer.
        let ranged = marks_of(&conn, 7, &ids, 200).unwrap();
        let fallback = marks_of(&conn, 7, &ids, 2).unwrap();
        // Assert (3, 7 and 20 are not on the list; member 8's vote is not 7's)
        let sorted = |mut m: Marks| {
            m.voted.sort_unstable();
            m.following.sort_unstable();
            m
        };
        assert_eq!(sorted(ranged), expected);
        assert_eq!(sorted(fallback), expected);
    }

    #[tokio::test]
    async fn the_whole_set_is_every_mark_in_order_up_to_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let conn = database(&dir).await;

        let all = marks_between(&conn, 7, i64::MIN, i64::MAX, 6).unwrap();
        let over = marks_between(&conn, 7, i64::MIN, i64::MAX, 5).unwrap();

        let expected = Marks {
            voted: vec![3, 5, 7, 9, 20],
            following: vec![5, 6],
            waiting: true,
        };
        assert_eq!(all, Some(expected));
        assert_eq!(over, None, "five votes reach a limit of five");
    }

    #[tokio::test]
    async fn an_empty_list_still_tells_whether_an_idea_waits() {
        let dir = tempfile::tempdir().unwrap();
        let conn = database(&dir).await;
        assert!(marks_of(&conn, 7, &[], 200).unwrap().waiting);
        assert!(!marks_of(&conn, 8, &[], 200).unwrap().waiting);
    }
}

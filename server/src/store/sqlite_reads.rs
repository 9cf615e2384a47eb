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
//! use the writer's handle (`sqlite_votes`). The queries are the shared
//! ones, so both databases answer alike.
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

    fn run<T>(&self, read: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> StoreResult<T> {
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
        self.direct.run(|conn| {
            let mut statement = conn.prepare_cached(&marks::query(ids.len()))?;
            // `$1` is the first parameter and `$2`… follow in order, so they
            // bind by position (a repeated name is the same parameter).
            let params = std::iter::once(viewer).chain(ids.iter().copied());
            let rows = statement.query_map(params_from_iter(params), |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })?;
            Ok(marks::marks(rows.collect::<rusqlite::Result<Vec<_>>>()?))
        })
    }
}

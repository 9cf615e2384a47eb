//! SQLite: one file, WAL mode, one writer connection and a pool of readers
//! (and, for the reads every request makes, `sqlite_reads`).
//!
//! SQLite allows one writer at a time. Funnelling every write through a
//! single connection whose transactions start with `BEGIN IMMEDIATE` means
//! writers queue in the pool instead of failing with `SQLITE_BUSY`, while WAL
//! lets the readers go on in parallel with that writer.
//!
//! The queries themselves live in `store::shared`, written once for both
//! databases.

use super::sqlite_reads::DirectReads;
use super::{sqlite_checkpoints, StoreResult};
use crate::domain::search::Search;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{QueryBuilder, Sqlite, Transaction};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

#[derive(Clone)]
pub struct SqliteStore {
    pub(super) writer: SqlitePool,
    pub(super) reader: SqlitePool,
    /// The per-request reads, without sqlx's thread hand-off (`sqlite_reads`).
    pub(super) direct: Arc<DirectReads>,
}

impl SqliteStore {
    /// One writer connection commits in order already (see `insert_event!`).
    pub(super) const OUTBOX_ORDER: Option<&'static str> = None;

    /// Statistics for the planner, and the bulk load moved from the WAL
    /// into the database file (left in a WAL of hundreds of megabytes, every
    /// later read of those pages went through it).
    ///
    /// Only the per-index averages (`sqlite_stat1`) are kept; the samples
    /// (`sqlite_stat4`, which the bundled SQLite is built to collect) go.
    /// With samples, a statement whose plan could depend on a bound value is
    /// compiled again on every run with new values (`sqlite3Reprepare`),
    /// and every request binds new ones: a member's list marks, the session
    /// lookup, a vote. perf put the recompiles at 14% of the server under
    /// `list_signed_in`, and dropping the samples took it from ~2,500 to
    /// ~3,650 requests/s on the same machine (`make bench`).
    pub(super) const AFTER_BULK_LOAD: &'static [&'static str] =
        &["ANALYZE", "DELETE FROM sqlite_stat4", "PRAGMA wal_checkpoint(TRUNCATE)"];

    /// SQLite's rowids follow the largest id by themselves.
    pub(super) const SEED_SEQUENCE_FIX: Option<&'static str> = None;

    pub async fn connect(url: &str) -> anyhow::Result<SqliteStore> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // NORMAL in WAL mode survives a crash of the process (only a
            // power loss can drop the newest commits), at far fewer fsyncs.
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        // An open SQLite connection is a file handle in this process: there
        // is nothing to ping before lending it out, and sqlx's ping was a
        // round trip to the connection's thread on every acquire (two thread
        // switches for each vote batch and each session lookup; perf).
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .test_before_acquire(false)
            .connect_with(
                options
                    .clone()
                    .pragma("wal_autocheckpoint", sqlite_checkpoints::WRITER_CHECKPOINT_PAGES),
            )
            .await?;
        MIGRATOR.run(&writer).await?;
        sqlite_checkpoints::spawn(options.clone(), writer.clone());
        let readers = std::thread::available_parallelism()
            .map_or(4, |n| n.get() as u32 * 2)
            .max(4);
        let reader = SqlitePoolOptions::new()
            .max_connections(readers)
            .test_before_acquire(false)
            .connect_with(options.clone().read_only(true))
            .await?;
        let direct = Arc::new(DirectReads::new(options.get_filename().to_owned(), readers as usize));
        let store = SqliteStore { writer, reader, direct };
        store.backfill().await?;
        Ok(store)
    }

    /// A write transaction that holds the write lock from its first statement.
    pub(super) async fn write(&self) -> StoreResult<Transaction<'static, Sqlite>> {
        self.writer.begin_with("BEGIN IMMEDIATE").await
    }
}

/// The SQLite side of full-text search (FTS5, migration 0005).
impl SqliteStore {
    /// One writer: votes are written in batches (`VoteStore::batches_votes`).
    pub(super) const BATCHES_VOTES: bool = true;

    /// A first page of search results is looked for among the best matches
    /// (this many per result wanted, at least 100), ranked by the full-text
    /// index alone: a common word can match thousands of ideas, and reading
    /// each one's row for the filters was most of a search's time (`make
    /// bench`). `ideas` runs the full query when they do not fill the page.
    pub(super) const SEARCH_CANDIDATES: Option<u32> = Some(5);

    pub(super) fn push_search_join(q: &mut QueryBuilder<'_, Sqlite>, search: &Search, candidates: Option<u32>) {
        match candidates {
            // Ordered as the outer query is (relevance, then id, both
            // descending), so the cut is exact.
            Some(n) => q
                .push(" JOIN (SELECT rowid, -bm25(ideas_fts, 10.0, 1.0) AS relevance FROM ideas_fts WHERE ideas_fts MATCH ")
                .push_bind(search.fts5())
                .push(format_args!(" ORDER BY relevance DESC, rowid DESC LIMIT {n}) fts ON fts.rowid = i.id")),
            None => q.push(" JOIN ideas_fts ON ideas_fts.rowid = i.id"),
        };
    }

    pub(super) fn push_search_match(q: &mut QueryBuilder<'_, Sqlite>, search: &Search, candidates: Option<u32>) {
        if candidates.is_none() {
            q.push(" AND ideas_fts MATCH ").push_bind(search.fts5());
        }
    }

    /// Higher is better; a title match weighs ten description matches.
    pub(super) fn push_relevance(q: &mut QueryBuilder<'_, Sqlite>, _search: &Search, candidates: Option<u32>) {
        match candidates {
            Some(_) => q.push("fts.relevance"),
            None => q.push("-bm25(ideas_fts, 10.0, 1.0)"),
        };
    }
}

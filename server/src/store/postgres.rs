//! PostgreSQL, for deployments that outgrow one machine: several Schwarm
//! instances share one database. The queries live in `store::shared`,
//! written once for both databases.

use super::StoreResult;
use crate::domain::search::Search;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::{Postgres, QueryBuilder, Transaction};
use std::time::Duration;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Clone)]
pub struct PgStore {
    /// PostgreSQL has no single-writer rule: both names are one pool, so the
    /// shared queries read the same on either database.
    pub(super) writer: PgPool,
    pub(super) reader: PgPool,
}

impl PgStore {
    /// Serialises outbox writers until commit (see `insert_event!`); the key
    /// is an arbitrary constant of ours.
    pub(super) const OUTBOX_ORDER: Option<&'static str> = Some("SELECT pg_advisory_xact_lock(4711029)");

    /// Statistics for the planner after a bulk load.
    pub(super) const AFTER_BULK_LOAD: &'static [&'static str] = &["ANALYZE"];

    /// Ideas are seeded with explicit ids; the sequence must follow.
    pub(super) const SEED_SEQUENCE_FIX: Option<&'static str> =
        Some("SELECT setval(pg_get_serial_sequence('ideas', 'id'), (SELECT MAX(id) FROM ideas))");

    pub async fn connect(url: &str) -> anyhow::Result<PgStore> {
        let connections = std::thread::available_parallelism().map_or(8, |n| n.get() as u32 * 4);
        let pool = PgPoolOptions::new()
            .max_connections(connections.max(8))
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        MIGRATOR.run(&pool).await?;
        let store = PgStore {
            writer: pool.clone(),
            reader: pool,
        };
        store.backfill().await?;
        Ok(store)
    }

    /// A write transaction (READ COMMITTED; the queries are written so that
    /// row locks and unique keys keep counters exact under concurrency).
    pub(super) async fn write(&self) -> StoreResult<Transaction<'static, Postgres>> {
        self.writer.begin().await
    }
}

/// The PostgreSQL side of full-text search (tsvector, migration 0005).
impl PgStore {
    /// Votes are written one transaction each (`VoteStore::batches_votes`).
    pub(super) const BATCHES_VOTES: bool = false;

    /// The GIN index serves the whole search (see `SqliteStore`'s).
    pub(super) const SEARCH_CANDIDATES: Option<u32> = None;

    pub(super) fn push_search_join(_q: &mut QueryBuilder<'_, Postgres>, _search: &Search, _candidates: Option<u32>) {}

    pub(super) fn push_search_match(q: &mut QueryBuilder<'_, Postgres>, search: &Search, _candidates: Option<u32>) {
        q.push(" AND i.search @@ to_tsquery('simple', ")
            .push_bind(search.tsquery())
            .push(")");
    }

    /// Higher is better; the title is weight A, the description weight B.
    pub(super) fn push_relevance(q: &mut QueryBuilder<'_, Postgres>, search: &Search, _candidates: Option<u32>) {
        q.push("CAST(ts_rank(i.search, to_tsquery('simple', ")
            .push_bind(search.tsquery())
            .push(")) AS DOUBLE PRECISION)");
    }
}

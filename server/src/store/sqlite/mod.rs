//! SQLite: one file, WAL mode, one writer connection and a pool of readers.
//!
//! SQLite allows one writer at a time. Funnelling every write through a
//! single connection whose transactions start with `BEGIN IMMEDIATE` means
//! writers queue in the pool instead of failing with `SQLITE_BUSY`, while WAL
//! lets the readers go on in parallel with that writer.

mod comments;
mod ideas;
mod sessions;
mod users;
mod votes;

use super::{Store, StoreResult};
use async_trait::async_trait;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, Transaction};
use std::str::FromStr;
use std::time::Duration;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

#[derive(Clone)]
pub struct SqliteStore {
    writer: SqlitePool,
    reader: SqlitePool,
}

impl SqliteStore {
    pub async fn connect(url: &str) -> anyhow::Result<SqliteStore> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // NORMAL in WAL mode survives a crash of the process (only a
            // power loss can drop the newest commits), at far fewer fsyncs.
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone())
            .await?;
        MIGRATOR.run(&writer).await?;
        render_missing_html(&writer).await?;
        let readers = std::thread::available_parallelism().map_or(4, |n| n.get() as u32 * 2);
        let reader = SqlitePoolOptions::new()
            .max_connections(readers.max(4))
            .connect_with(options.read_only(true))
            .await?;
        Ok(SqliteStore { writer, reader })
    }

    /// A write transaction that holds the write lock from its first statement.
    async fn write(&self) -> StoreResult<Transaction<'static, Sqlite>> {
        self.writer.begin_with("BEGIN IMMEDIATE").await
    }
}

#[async_trait]
impl Store for SqliteStore {
    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.reader).await.map(|_| ())
    }
}

/// Renders the HTML of rows written before HTML was stored (migration 0002).
async fn render_missing_html(writer: &SqlitePool) -> StoreResult<()> {
    for table in ["ideas", "comments"] {
        let rows: Vec<(i64, String)> =
            sqlx::query_as(&format!("SELECT id, body_md FROM {table} WHERE body_html IS NULL"))
                .fetch_all(writer)
                .await?;
        for (id, md) in rows {
            sqlx::query(&format!("UPDATE {table} SET body_html = ? WHERE id = ?"))
                .bind(crate::domain::markdown::render(&md))
                .bind(id)
                .execute(writer)
                .await?;
        }
    }
    Ok(())
}

/// Writes one outbox row inside the caller's transaction.
async fn insert_event(
    tx: &mut Transaction<'static, Sqlite>,
    kind: &str,
    idea_id: i64,
    actor_id: i64,
    payload: serde_json::Value,
    now: i64,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO events (kind, idea_id, actor_id, visibility, payload, created_at)
         VALUES (?, ?, ?, 'public', ?, ?)",
    )
    .bind(kind)
    .bind(idea_id)
    .bind(actor_id)
    .bind(payload.to_string())
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

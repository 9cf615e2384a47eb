//! The queries, written once and compiled for each database.
//!
//! SQLite and PostgreSQL both accept `$1`-style parameters, `RETURNING`,
//! `ON CONFLICT`, row-value comparisons and `NOT flag`, and the schemas use
//! the same column meanings (BIGINT ids and millisecond times). So each
//! aggregate's implementation is one `macro_rules!` body, expanded below for
//! `SqliteStore` and `PgStore`; the compiler type-checks every query against
//! both drivers. (A generic impl over `sqlx::Database` would need a wall of
//! trait bounds per query; `sqlx::Any` would give up each driver's own
//! options and add a conversion per row.)

/// Expands `$mac!(Store type, sqlx database type, row-lock suffix)` for
/// every backend. The suffix ends a `SELECT` that reads a row the transaction
/// will write back: PostgreSQL locks it (`FOR UPDATE`); SQLite has no such
/// clause and needs none, since its one writer connection serialises writes.
macro_rules! for_each_backend {
    ($mac:ident) => {
        $mac!(crate::store::sqlite::SqliteStore, sqlx::Sqlite, "");
        $mac!(crate::store::postgres::PgStore, sqlx::Postgres, " FOR UPDATE");
    };
}

/// Writes one outbox row inside the caller's transaction `$tx`, which must
/// be an `impl` of a store (it reads `Self::OUTBOX_ORDER`).
///
/// Consumers read the outbox by id (`id > cursor`), so ids must become
/// visible in id order. SQLite's one writer guarantees that. On PostgreSQL a
/// sequence hands out ids in insert order, not commit order, so a cursor
/// could pass an id whose transaction commits later; there each transaction
/// first takes one advisory lock, held until commit, so the next writer of
/// events draws its id only after the previous one committed. Call it as the
/// last write of a transaction, so the lock is held for a moment only.
/// An outbox row: kind, idea, actor, payload, time, visibility.
pub(in crate::store) const EVENT_INSERT: &str =
    "INSERT INTO events (kind, idea_id, actor_id, visibility, payload, created_at)
     VALUES ($1, $2, $3, $6, $4, $5)";
/// A follow: idea, user, time; nothing if it exists.
pub(in crate::store) const FOLLOW_INSERT: &str =
    "INSERT INTO follows (idea_id, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

macro_rules! insert_event {
    ($tx:expr, $kind:expr, $idea_id:expr, $actor_id:expr, $payload:expr, $now:expr) => {
        insert_event!($tx, $kind, $idea_id, $actor_id, $payload, $now, "public")
    };
    ($tx:expr, $kind:expr, $idea_id:expr, $actor_id:expr, $payload:expr, $now:expr, $visibility:expr) => {
        async {
            if let Some(lock) = Self::OUTBOX_ORDER {
                sqlx::query(lock).execute(&mut *$tx).await?;
            }
            sqlx::query(crate::store::shared::EVENT_INSERT)
                .bind($kind)
                .bind($idea_id)
                .bind($actor_id)
                .bind($payload.to_string())
                .bind($now)
                .bind($visibility)
                .execute(&mut *$tx)
                .await
                .map(|_| ())
        }
        .await
    };
}

/// An outbox row as its consumers read it.
#[derive(sqlx::FromRow)]
pub(super) struct OutboxRow {
    pub id: i64,
    pub kind: String,
    pub idea_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub visibility: String,
    pub payload: String,
    pub created_at: i64,
}

/// One round of an outbox consumer (notifications, email, webhooks):
/// `None` when nothing is new (looked up on a reader, so an idle consumer
/// never takes the write lock); else the write transaction, the round (the
/// next `$batch` events after the consumer's cursor) and those of its rows
/// whose kind is one of `$kinds`, oldest first. `finish_round!` moves past
/// the whole round.
///
/// Only the wanted kinds are read: under a vote load nearly every event is
/// a vote, which no consumer wants, and reading each round's 200 rows in
/// full held the single SQLite writer for 2 to 5 ms, 25 times a second per
/// consumer (probed with votes offered at 5,000/s).
macro_rules! outbox_round {
    ($self:ident, $lock:literal, $consumer:expr, $batch:expr, $kinds:expr) => {
        async {
            let pending: bool = sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM events e WHERE e.id >
                    COALESCE((SELECT last_event_id FROM outbox_cursors WHERE consumer = $1), 0))",
            )
            .bind($consumer)
            .fetch_one(&$self.reader)
            .await?;
            if !pending {
                return Ok(None);
            }
            let mut tx = $self.write().await?;
            let cursor: Option<i64> = sqlx::query_scalar(concat!(
                "SELECT last_event_id FROM outbox_cursors WHERE consumer = $1",
                $lock
            ))
            .bind($consumer)
            .fetch_optional(&mut *tx)
            .await?;
            let cursor = cursor.unwrap_or(0);
            let (scanned, end): (i64, Option<i64>) = sqlx::query_as(
                "SELECT COUNT(*), MAX(id) FROM (SELECT id FROM events WHERE id > $1 ORDER BY id LIMIT $2) AS round",
            )
            .bind(cursor)
            .bind(i64::from($batch))
            .fetch_one(&mut *tx)
            .await?;
            let Some(end) = end else {
                return Ok(None);
            };
            let mut query = sqlx::QueryBuilder::new(
                "SELECT id, kind, idea_id, actor_id, visibility, payload, created_at FROM events WHERE id > ",
            );
            query
                .push_bind(cursor)
                .push(" AND id <= ")
                .push_bind(end)
                .push(" AND kind IN (");
            let mut kinds = query.separated(", ");
            for kind in $kinds {
                kinds.push_bind(kind);
            }
            query.push(") ORDER BY id");
            let rows: Vec<super::OutboxRow> = query.build_query_as().fetch_all(&mut *tx).await?;
            let round = super::Round {
                end,
                scanned: usize::try_from(scanned).unwrap_or(0),
            };
            Ok::<_, sqlx::Error>(Some((tx, round, rows)))
        }
        .await
    };
}

/// The events one outbox round covers: up to `end`, `scanned` of them.
pub(super) struct Round {
    pub end: i64,
    pub scanned: usize,
}

/// Ends a round: the consumer's cursor moves past the round's last event,
/// and the transaction commits. Returns how many events the round covered.
macro_rules! finish_round {
    ($tx:expr, $consumer:expr, $round:expr) => {
        async {
            sqlx::query(
                "INSERT INTO outbox_cursors (consumer, last_event_id) VALUES ($1, $2)
                 ON CONFLICT (consumer) DO UPDATE SET last_event_id = excluded.last_event_id",
            )
            .bind($consumer)
            .bind($round.end)
            .execute(&mut *$tx)
            .await?;
            $tx.commit().await?;
            Ok::<_, sqlx::Error>($round.scanned)
        }
        .await
    };
}

mod backfill;
mod boards;
mod changelog;
/// Makes `$user_id` follow `$idea_id` (no-op if it does), inside `$tx`.
macro_rules! follow {
    ($tx:expr, $idea_id:expr, $user_id:expr, $now:expr) => {
        sqlx::query(crate::store::shared::FOLLOW_INSERT)
            .bind($idea_id)
            .bind($user_id)
            .bind($now)
            .execute(&mut *$tx)
            .await
            .map(|_| ())
    };
}

mod comments;
mod email;
pub(super) mod idea_columns;
mod ideas;
pub(super) mod limits;
pub(super) mod marks;
mod moderation;
mod notifications;
mod seed;
pub(super) mod sessions;
mod sites;
mod trends;
mod triage;
mod users;
pub(super) mod votes;
mod webhooks;

macro_rules! store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::Store for $store {
            async fn ping(&self) -> crate::store::StoreResult<()> {
                sqlx::query("SELECT 1").execute(&self.reader).await.map(|_| ())
            }
        }
    };
}
for_each_backend!(store);

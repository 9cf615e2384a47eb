//! SQLite's votes, run on the writer connection's own handle.
//!
//! sqlx runs every SQLite statement on the connection's worker thread and
//! wakes the caller when it is done: two thread switches per statement. A
//! vote is seven statements (two rate-limit buckets, the idea, the row, the
//! counter, the follow, the event), and those switches were most of what a
//! vote cost (`make bench`, perf). sqlx's `lock_handle` lends the handle to
//! this thread instead, and rusqlite (over the same libsqlite3-sys, so one
//! SQLite) runs a whole batch on it: the same statements in the same order
//! as PostgreSQL (`shared::votes::apply`), in one transaction.
//!
//! The batch runs on the calling task's thread, blocking it for the batch
//! (a few milliseconds at most under heavy load); the vote queue's task is
//! the only caller.

use super::shared::votes::{apply, VoteSteps, VOTE_COUNT, VOTE_DELETE, VOTE_INSERT, VOTE_TARGET};
use super::shared::{limits, EVENT_INSERT, FOLLOW_INSERT};
use super::{BucketTake, SqliteStore, StoreResult, VoteCmd, VoteOutcome};
use futures_util::FutureExt;
use rusqlite::{named_params, OptionalExtension};

impl SqliteStore {
    pub(super) async fn write_votes(&self, votes: &[VoteCmd], now: i64) -> StoreResult<Vec<VoteOutcome>> {
        let mut conn = self.writer.acquire().await?;
        let mut handle = conn.lock_handle().await?;
        // SAFETY: the handle is open and locked for us (sqlx's worker does
        // not touch it) until `handle` drops, which is after `db` drops at
        // the end of this block; `from_handle` never closes it.
        let db = unsafe { rusqlite::Connection::from_handle(handle.as_raw_handle().as_ptr()) }.map_err(to_sqlx)?;
        let mut steps = Direct(db);
        let outcome = transaction(&mut steps, votes, now);
        drop(steps);
        outcome
    }
}

fn transaction(steps: &mut Direct, votes: &[VoteCmd], now: i64) -> StoreResult<Vec<VoteOutcome>> {
    steps.0.execute_batch("BEGIN IMMEDIATE").map_err(to_sqlx)?;
    let mut outcomes = Vec::with_capacity(votes.len());
    for vote in votes {
        // Direct steps never wait, so the future is done on its first poll.
        let outcome = apply(steps, vote, now)
            .now_or_never()
            .expect("SQLite's vote steps do not wait");
        match outcome {
            Ok(outcome) => outcomes.push(outcome),
            Err(error) => {
                let _ = steps.0.execute_batch("ROLLBACK");
                return Err(error);
            }
        }
    }
    if let Err(error) = steps.0.execute_batch("COMMIT") {
        // Leave the connection as sqlx expects it: outside a transaction.
        let _ = steps.0.execute_batch("ROLLBACK");
        return Err(to_sqlx(error));
    }
    Ok(outcomes)
}

pub(super) fn to_sqlx(error: rusqlite::Error) -> sqlx::Error {
    sqlx::Error::Protocol(format!("sqlite: {error}"))
}

/// The steps on a borrowed handle; statements are prepared once per
/// connection object, i.e. once per batch.
struct Direct(rusqlite::Connection);

#[async_trait::async_trait]
impl VoteSteps for Direct {
    async fn take(&mut self, bucket: &BucketTake, now: i64) -> StoreResult<Option<i64>> {
        let taken = self
            .0
            .prepare_cached(limits::TAKE_ATTEMPT)
            .and_then(|mut s| {
                s.query_row(
                    named_params! { "$1": bucket.key, "$2": now, "$3": bucket.interval_ms, "$4": bucket.tolerance_ms },
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
            })
            .map_err(to_sqlx)?;
        Ok(limits::refusal(taken, bucket.tolerance_ms, now))
    }

    async fn target(&mut self, idea_id: i64, user_id: i64) -> StoreResult<Option<(i64, f64, i64)>> {
        self.0
            .prepare_cached(VOTE_TARGET)
            .and_then(|mut s| {
                s.query_row(named_params! { "$1": idea_id, "$2": user_id }, |row| {
                    Ok((row.get(0)?, row.get(1)?, row.get(2)?))
                })
                .optional()
            })
            .map_err(to_sqlx)
    }

    async fn insert(&mut self, idea_id: i64, user_id: i64, now: i64) -> StoreResult<bool> {
        self.0
            .prepare_cached(VOTE_INSERT)
            .and_then(|mut s| s.execute(named_params! { "$1": idea_id, "$2": user_id, "$3": now }))
            .map(|rows| rows == 1)
            .map_err(to_sqlx)
    }

    async fn delete(&mut self, idea_id: i64, user_id: i64) -> StoreResult<Option<i64>> {
        self.0
            .prepare_cached(VOTE_DELETE)
            .and_then(|mut s| {
                s.query_row(named_params! { "$1": idea_id, "$2": user_id }, |row| row.get(0))
                    .optional()
            })
            .map_err(to_sqlx)
    }

    async fn count(&mut self, idea_id: i64, delta: i64, trend: f64) -> StoreResult<i64> {
        self.0
            .prepare_cached(VOTE_COUNT)
            .and_then(|mut s| {
                s.query_row(named_params! { "$1": delta, "$2": trend, "$3": idea_id }, |row| {
                    row.get(0)
                })
            })
            .map_err(to_sqlx)
    }

    async fn follow(&mut self, idea_id: i64, user_id: i64, now: i64) -> StoreResult<()> {
        self.0
            .prepare_cached(FOLLOW_INSERT)
            .and_then(|mut s| s.execute(named_params! { "$1": idea_id, "$2": user_id, "$3": now }))
            .map(|_| ())
            .map_err(to_sqlx)
    }

    async fn event(&mut self, kind: &str, idea_id: i64, user_id: i64, payload: String, now: i64) -> StoreResult<()> {
        self.0
            .prepare_cached(EVENT_INSERT)
            .and_then(|mut s| {
                s.execute(named_params! {
                    "$1": kind, "$2": idea_id, "$3": user_id, "$4": payload, "$5": now, "$6": "public",
                })
            })
            .map(|_| ())
            .map_err(to_sqlx)
    }
}

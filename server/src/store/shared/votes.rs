//! Votes. Both databases run the same statements in the same order
//! ([`apply`]); SQLite runs them on the connection's own handle
//! (`store::sqlite_votes`), so the statements are constants here.

use crate::domain::trend;
use crate::store::{BucketTake, StoreResult, VoteCmd, VoteOutcome};
use schwarm_wire::VoteState;

macro_rules! vote_target {
    () => {
        "SELECT vote_count, trend, created_at FROM ideas WHERE id = $1 AND merged_into IS NULL
           AND hidden_at IS NULL AND (approved OR author_id = $2)"
    };
}
/// The idea voted on, if it takes votes from this user: idea, user →
/// (vote_count, trend, created_at).
pub(in crate::store) const VOTE_TARGET: &str = vote_target!();
const VOTE_TARGET_LOCKED: &str = concat!(vote_target!(), " FOR UPDATE");
/// idea, user, time; one row affected if the vote is new.
pub(in crate::store) const VOTE_INSERT: &str =
    "INSERT INTO votes (idea_id, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
/// idea, user → the withdrawn vote's time, if there was one.
pub(in crate::store) const VOTE_DELETE: &str =
    "DELETE FROM votes WHERE idea_id = $1 AND user_id = $2 RETURNING created_at";
/// delta, trend, idea → the new count.
pub(in crate::store) const VOTE_COUNT: &str =
    "UPDATE ideas SET vote_count = vote_count + $1, trend = $2 WHERE id = $3 RETURNING vote_count";
pub(in crate::store) const VOTERS: &str = "SELECT u.id, u.display_name FROM votes v JOIN users u ON u.id = v.user_id
     WHERE v.idea_id = $1 AND u.deleted_at IS NULL
     ORDER BY v.created_at DESC, u.id DESC LIMIT $2";

/// The statements one vote needs, whatever runs them; each does what its
/// constant above says. (SQLite's never wait, see `store::sqlite_votes`.)
#[async_trait::async_trait]
pub(in crate::store) trait VoteSteps: Send {
    async fn take(&mut self, bucket: &BucketTake, now: i64) -> StoreResult<Option<i64>>;
    async fn target(&mut self, idea_id: i64, user_id: i64) -> StoreResult<Option<(i64, f64, i64)>>;
    async fn insert(&mut self, idea_id: i64, user_id: i64, now: i64) -> StoreResult<bool>;
    async fn delete(&mut self, idea_id: i64, user_id: i64) -> StoreResult<Option<i64>>;
    async fn count(&mut self, idea_id: i64, delta: i64, trend: f64) -> StoreResult<i64>;
    async fn follow(&mut self, idea_id: i64, user_id: i64, now: i64) -> StoreResult<()>;
    async fn event(&mut self, kind: &str, idea_id: i64, user_id: i64, payload: String, now: i64) -> StoreResult<()>;
}

/// One vote inside the caller's transaction: its buckets in order (the
/// first refusal stops it), then row, counter and trend, follow and event.
/// The primary key (idea_id, user_id) decides whether anything changed;
/// counter and trend move only when a row did.
pub(in crate::store) async fn apply<S: VoteSteps>(steps: &mut S, vote: &VoteCmd, now: i64) -> StoreResult<VoteOutcome> {
    for bucket in &vote.buckets {
        if let Some(wait_ms) = steps.take(bucket, now).await? {
            return Ok(VoteOutcome::Limited(wait_ms));
        }
    }
    let (idea_id, user_id, on) = (vote.idea_id, vote.user_id, vote.on);
    let Some((vote_count, score, created_at)) = steps.target(idea_id, user_id).await? else {
        return Ok(VoteOutcome::Done(None));
    };
    let changed = if on {
        steps
            .insert(idea_id, user_id, now)
            .await?
            .then(|| (1, trend::add(score, now, trend::VOTE)))
    } else {
        steps
            .delete(idea_id, user_id)
            .await?
            .map(|at| (-1, trend::remove(score, at, trend::VOTE, created_at)))
    };
    let Some((delta, score)) = changed else {
        return Ok(VoteOutcome::Done(Some(VoteState { vote_count, voted: on })));
    };
    let vote_count = steps.count(idea_id, delta, score).await?;
    if on {
        // Voters follow what they back; withdrawing keeps following.
        steps.follow(idea_id, user_id, now).await?;
    }
    let kind = if on { "vote.cast" } else { "vote.withdrawn" };
    let payload = serde_json::json!({ "idea_id": idea_id, "vote_count": vote_count }).to_string();
    steps.event(kind, idea_id, user_id, payload, now).await?;
    Ok(VoteOutcome::Done(Some(VoteState { vote_count, voted: on })))
}

macro_rules! vote_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::VoteStore for $store {
            async fn set_vote(
                &self,
                idea_id: i64,
                user_id: i64,
                on: bool,
                now: i64,
            ) -> crate::store::StoreResult<Option<VoteState>> {
                let vote = VoteCmd {
                    idea_id,
                    user_id,
                    on,
                    buckets: Vec::new(),
                };
                match self.write_votes(std::slice::from_ref(&vote), now).await?.pop() {
                    Some(VoteOutcome::Done(state)) => Ok(state),
                    _ => unreachable!("a vote without buckets is never limited"),
                }
            }

            fn batches_votes(&self) -> bool {
                Self::BATCHES_VOTES
            }

            async fn set_votes(&self, votes: &[VoteCmd], now: i64) -> crate::store::StoreResult<Vec<VoteOutcome>> {
                self.write_votes(votes, now).await
            }

            async fn voters(&self, idea_id: i64, limit: u32) -> crate::store::StoreResult<Vec<(i64, String)>> {
                sqlx::query_as(VOTERS)
                    .bind(idea_id)
                    .bind(i64::from(limit))
                    .fetch_all(&self.reader)
                    .await
            }
        }
    };
}
for_each_backend!(vote_store);

/// PostgreSQL: each step is a statement of the batch's transaction.
impl crate::store::postgres::PgStore {
    async fn write_votes(&self, votes: &[VoteCmd], now: i64) -> StoreResult<Vec<VoteOutcome>> {
        let mut tx = self.write().await?;
        // One vote takes the outbox lock at its event, the last statement,
        // so it is held for a moment. In a batch it comes first: taken at
        // the first event, it would be held while later votes wait for
        // idea rows that another instance's batch holds as it waits for it.
        let batch = votes.len() > 1;
        if let (true, Some(lock)) = (batch, Self::OUTBOX_ORDER) {
            sqlx::query(lock).execute(&mut *tx).await?;
        }
        let mut steps = PgSteps { tx, locked: batch };
        let mut outcomes = Vec::with_capacity(votes.len());
        for vote in votes {
            outcomes.push(apply(&mut steps, vote, now).await?);
        }
        steps.tx.commit().await?;
        Ok(outcomes)
    }
}

struct PgSteps {
    tx: sqlx::Transaction<'static, sqlx::Postgres>,
    /// Whether the outbox lock is taken already.
    locked: bool,
}

#[async_trait::async_trait]
impl VoteSteps for PgSteps {
    async fn take(&mut self, bucket: &BucketTake, now: i64) -> StoreResult<Option<i64>> {
        let taken = sqlx::query_as(super::limits::TAKE_ATTEMPT)
            .bind(&bucket.key)
            .bind(now)
            .bind(bucket.interval_ms)
            .bind(bucket.tolerance_ms)
            .fetch_one(&mut *self.tx)
            .await?;
        Ok(super::limits::refusal(taken, bucket.tolerance_ms, now))
    }

    async fn target(&mut self, idea_id: i64, user_id: i64) -> StoreResult<Option<(i64, f64, i64)>> {
        sqlx::query_as(VOTE_TARGET_LOCKED)
            .bind(idea_id)
            .bind(user_id)
            .fetch_optional(&mut *self.tx)
            .await
    }

    async fn insert(&mut self, idea_id: i64, user_id: i64, now: i64) -> StoreResult<bool> {
        let done = sqlx::query(VOTE_INSERT)
            .bind(idea_id)
            .bind(user_id)
            .bind(now)
            .execute(&mut *self.tx)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn delete(&mut self, idea_id: i64, user_id: i64) -> StoreResult<Option<i64>> {
        sqlx::query_scalar(VOTE_DELETE)
            .bind(idea_id)
            .bind(user_id)
            .fetch_optional(&mut *self.tx)
            .await
    }

    async fn count(&mut self, idea_id: i64, delta: i64, trend: f64) -> StoreResult<i64> {
        sqlx::query_scalar(VOTE_COUNT)
            .bind(delta)
            .bind(trend)
            .bind(idea_id)
            .fetch_one(&mut *self.tx)
            .await
    }

    async fn follow(&mut self, idea_id: i64, user_id: i64, now: i64) -> StoreResult<()> {
        follow!(self.tx, idea_id, user_id, now)
    }

    async fn event(&mut self, kind: &str, idea_id: i64, user_id: i64, payload: String, now: i64) -> StoreResult<()> {
        if let (false, Some(lock)) = (self.locked, crate::store::postgres::PgStore::OUTBOX_ORDER) {
            sqlx::query(lock).execute(&mut *self.tx).await?;
            self.locked = true;
        }
        sqlx::query(super::EVENT_INSERT)
            .bind(kind)
            .bind(idea_id)
            .bind(user_id)
            .bind(payload)
            .bind(now)
            .bind("public")
            .execute(&mut *self.tx)
            .await
            .map(|_| ())
    }
}

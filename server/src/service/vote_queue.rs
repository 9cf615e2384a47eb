//! Group commit for votes.
//!
//! A vote is a handful of small statements (the rate-limit buckets, the
//! row, the counter and trend, the follow, the outbox event) and one
//! commit. With one SQLite writer the commits are what caps votes per
//! second, so votes that arrive together are written together: one task
//! takes whatever is queued (up to [`MAX_BATCH`]) and writes it in one
//! transaction (`VoteStore::set_votes`), then answers each. Under light
//! load a batch is one vote and nothing waits; under heavy load the wait is
//! at most one batch. Only where the store asks for it
//! (`VoteStore::batches_votes`: SQLite); PostgreSQL writes votes side by
//! side on its many connections instead.
//!
//! Each batch takes the writer from the pool and its handle from sqlx's
//! worker (`store::sqlite_votes`). Under `make bench`'s closed vote loop
//! those two hand-offs were a quarter of the writer's time, so keeping the
//! writer across batches while votes are queued was tried (at most 10 ms a
//! hold): the same votes a second and a worse p99 (43–49 against 30–32 ms,
//! 2-core machine, wrk on the same cores). The hand-offs wait for a core,
//! which meanwhile answers other requests; that load is CPU-bound, not
//! writer-bound.
//!
//! Written here rather than taken from a crate: the batching is a loop over
//! tokio's `recv_many`; what matters is the store call it feeds.

use crate::domain::time::now_ms;
use crate::error::Error;
use crate::store::{Store, StoreResult, VoteCmd, VoteOutcome};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// The most votes written in one transaction.
const MAX_BATCH: usize = 128;

/// A vote waiting for its batch, and where its outcome goes.
pub struct Job {
    cmd: VoteCmd,
    reply: oneshot::Sender<StoreResult<VoteOutcome>>,
}

#[derive(Clone)]
pub enum VoteQueue {
    /// The batching task's inbox.
    Batched(mpsc::Sender<Job>),
    /// Each vote is written at once (`direct`).
    Direct(Arc<dyn Store>),
}

impl VoteQueue {
    pub fn spawn(store: Arc<dyn Store>) -> VoteQueue {
        if !store.batches_votes() {
            return VoteQueue::Direct(store);
        }
        let (sender, mut receiver) = mpsc::channel::<Job>(4 * MAX_BATCH);
        tokio::spawn(async move {
            let mut jobs = Vec::with_capacity(MAX_BATCH);
            while receiver.recv_many(&mut jobs, MAX_BATCH).await > 0 {
                write(store.as_ref(), &mut jobs).await;
            }
        });
        VoteQueue::Batched(sender)
    }

    /// Writes the vote (in the next batch, or at once) and answers how it
    /// went. A vote whose caller went away is still written, like any
    /// committed write whose answer was lost.
    pub async fn submit(&self, cmd: VoteCmd) -> Result<VoteOutcome, Error> {
        let sender = match self {
            VoteQueue::Batched(sender) => sender,
            VoteQueue::Direct(store) => return Ok(direct(store.as_ref(), &cmd).await?),
        };
        let (reply, answer) = oneshot::channel();
        sender
            .send(Job { cmd, reply })
            .await
            .map_err(|_| anyhow::anyhow!("the vote queue has stopped"))?;
        let outcome = answer
            .await
            .map_err(|_| anyhow::anyhow!("the vote queue dropped a vote"))??;
        Ok(outcome)
    }
}

/// Writes `jobs` in one transaction and answers them. If that fails, each
/// is tried alone, so one vote's failure is not its batch's.
async fn write(store: &dyn Store, jobs: &mut Vec<Job>) {
    let cmds: Vec<VoteCmd> = jobs.iter().map(|job| job.cmd.clone()).collect();
    match store.set_votes(&cmds, now_ms()).await {
        Ok(outcomes) => {
            for (job, outcome) in jobs.drain(..).zip(outcomes) {
                let _ = job.reply.send(Ok(outcome));
            }
        }
        Err(error) => {
            tracing::warn!(%error, votes = jobs.len(), "a batch of votes failed; writing them one by one");
            for job in jobs.drain(..) {
                let _ = job.reply.send(alone(store, &job.cmd).await);
            }
        }
    }
}

/// One vote in a transaction of its own.
async fn alone(store: &dyn Store, cmd: &VoteCmd) -> StoreResult<VoteOutcome> {
    let mut outcomes = store.set_votes(std::slice::from_ref(cmd), now_ms()).await?;
    Ok(outcomes.remove(0))
}

/// Where votes are not batched: the buckets first, each on its own
/// (`limits::take_all`), then the vote.
async fn direct(store: &dyn Store, cmd: &VoteCmd) -> StoreResult<VoteOutcome> {
    let now = now_ms();
    if let Some(wait_ms) = crate::limits::take_all(store, &cmd.buckets, now).await? {
        return Ok(VoteOutcome::Limited(wait_ms));
    }
    Ok(VoteOutcome::Done(
        store.set_vote(cmd.idea_id, cmd.user_id, cmd.on, now).await?,
    ))
}

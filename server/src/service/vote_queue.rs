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
//! Written here rather than taken from a crate: the batching is a loop over
//! tokio's `recv_many`; what matters is the store call it feeds.

use crate::domain::time::now_ms;
use crate::error::Error;
use crate::store::{Store, StoreResult, VoteCmd, VoteOutcome};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// The most votes written in one transaction.
const MAX_BATCH: usize = 128;

struct Job {
    cmd: VoteCmd,
    reply: oneshot::Sender<StoreResult<VoteOutcome>>,
}

#[derive(Clone)]
pub struct VoteQueue {
    sender: mpsc::Sender<Job>,
}

impl VoteQueue {
    pub fn spawn(store: Arc<dyn Store>) -> VoteQueue {
        let (sender, mut receiver) = mpsc::channel::<Job>(4 * MAX_BATCH);
        tokio::spawn(async move {
            let mut jobs = Vec::with_capacity(MAX_BATCH);
            while receiver.recv_many(&mut jobs, MAX_BATCH).await > 0 {
                write(store.as_ref(), &mut jobs).await;
            }
        });
        VoteQueue { sender }
    }

    /// Queues the vote and waits for its transaction. A vote whose caller
    /// went away is still written, like any committed write whose answer
    /// was lost.
    pub async fn submit(&self, cmd: VoteCmd) -> Result<VoteOutcome, Error> {
        let (reply, answer) = oneshot::channel();
        self.sender
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
                let alone = store
                    .set_votes(std::slice::from_ref(&job.cmd), now_ms())
                    .await
                    .map(|mut outcomes| outcomes.remove(0));
                let _ = job.reply.send(alone);
            }
        }
    }
}

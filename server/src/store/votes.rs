//! Votes: one at a time, or many in one transaction (group commit).

use super::StoreResult;
use async_trait::async_trait;
use schwarm_wire::VoteState;

/// A rate-limit bucket to take an attempt from (see `LimitStore`).
#[derive(Clone, Debug)]
pub struct BucketTake {
    pub key: String,
    pub interval_ms: i64,
    pub tolerance_ms: i64,
}

/// One vote of a batch, with the buckets it must get through first.
#[derive(Clone, Debug)]
pub struct VoteCmd {
    pub idea_id: i64,
    pub user_id: i64,
    pub on: bool,
    /// Taken in order; the first that refuses stops the vote (the later
    /// ones are left untouched).
    pub buckets: Vec<BucketTake>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum VoteOutcome {
    /// As `set_vote`: `None` when there is no such idea to vote on.
    Done(Option<VoteState>),
    /// A bucket refused: try again in this many milliseconds.
    Limited(i64),
}

#[async_trait]
pub trait VoteStore: Send + Sync {
    /// Casts (`on`) or withdraws the vote of `user_id`; idempotent. Row,
    /// counter and event change in one transaction. `None`: no such idea,
    /// or it was merged into another, or it is hidden or waits for approval
    /// (and is not the voter's own).
    async fn set_vote(&self, idea_id: i64, user_id: i64, on: bool, now: i64) -> StoreResult<Option<VoteState>>;
    /// Whether votes should be queued and written in batches
    /// (`service::vote_queue`): yes with one writer (SQLite); on PostgreSQL
    /// many connections write side by side, and a batch would hold the rows
    /// every vote touches (the address's rate-limit bucket) until its end.
    fn batches_votes(&self) -> bool;
    /// The votes in order, each as `set_vote` after its rate-limit buckets,
    /// all in one transaction: many votes share one commit (on SQLite the
    /// commit, not the statements, is what one writer can do only so many
    /// times a second). One outcome per vote, in order.
    async fn set_votes(&self, votes: &[VoteCmd], now: i64) -> StoreResult<Vec<VoteOutcome>>;
    /// The latest voters of an idea, newest first: (user id, display name).
    async fn voters(&self, idea_id: i64, limit: u32) -> StoreResult<Vec<(i64, String)>>;
}

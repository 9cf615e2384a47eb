//! The numbers behind the trends dashboard.

use super::StoreResult;
use async_trait::async_trait;

/// Raw counts for the period [from, to) and the one before it
/// [prev, from).
#[derive(Clone, Debug, Default)]
pub struct TrendCounts {
    /// (UTC day number, count) of new ideas, votes, comments in the period.
    pub ideas_by_day: Vec<(i64, i64)>,
    pub votes_by_day: Vec<(i64, i64)>,
    pub comments_by_day: Vec<(i64, i64)>,
    /// (idea id, title, votes now, votes before), most gained first.
    pub rising_ideas: Vec<(i64, String, i64, i64)>,
    /// (title, created_at) of visible ideas created since `prev`.
    pub titles: Vec<(String, i64)>,
    /// (tag, ideas now, ideas before).
    pub tags: Vec<(String, i64, i64)>,
    pub contributors: i64,
    pub posted: i64,
    pub commented: i64,
    pub voted: i64,
    pub only_signed_in: i64,
}

#[async_trait]
pub trait TrendStore: Send + Sync {
    async fn trend_counts(&self, prev: i64, from: i64, to: i64) -> StoreResult<TrendCounts>;
}

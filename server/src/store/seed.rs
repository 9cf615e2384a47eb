//! Bulk loading of generated data (`schwarm seed`).

use super::StoreResult;
use async_trait::async_trait;

/// Generated data for `schwarm seed`; `author`, `user` and `idea` are
/// indexes into `users` and `ideas`.
#[derive(Default)]
pub struct SeedData {
    pub password_hash: String,
    pub users: Vec<SeedUser>,
    pub ideas: Vec<SeedIdea>,
    pub votes: Vec<SeedVote>,
    pub comments: Vec<SeedComment>,
    /// (idea, user, at)
    pub follows: Vec<(usize, usize, i64)>,
}

pub struct SeedUser {
    pub email: String,
    pub name: String,
    pub created_at: i64,
}

pub struct SeedIdea {
    pub author: usize,
    pub board_id: i64,
    pub title: String,
    pub body_md: String,
    pub body_html: String,
    pub status: &'static str,
    pub vote_count: i64,
    pub comment_count: i64,
    pub trend: f64,
    pub created_at: i64,
}

pub struct SeedVote {
    pub idea: usize,
    pub user: usize,
    pub at: i64,
}

pub struct SeedComment {
    pub idea: usize,
    pub user: usize,
    pub body_md: String,
    pub body_html: String,
    pub at: i64,
}

#[async_trait]
pub trait SeedStore: Send + Sync {
    /// Inserts it all in one transaction.
    async fn seed(&self, data: &SeedData) -> StoreResult<()>;
}

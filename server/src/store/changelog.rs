//! Release notes and the ideas they ship.

use super::{Rendered, StoreResult};
use async_trait::async_trait;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ChangelogRow {
    pub id: i64,
    pub title: String,
    pub body_md: String,
    pub body_html: String,
    pub published_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// (id, title) of the linked ideas; filled by a second query.
    #[sqlx(skip)]
    pub ideas: Vec<(i64, String)>,
}

pub struct ChangelogSave<'a> {
    pub title: &'a str,
    pub body: &'a Rendered,
    pub idea_ids: &'a [i64],
    pub publish: bool,
}

#[async_trait]
pub trait ChangelogStore: Send + Sync {
    /// Newest first: published entries (by publication) only, or every
    /// entry with drafts first (`drafts`). At most `limit`, after `before`
    /// (published_at, id) when paging published ones.
    async fn changelog(&self, drafts: bool, before: Option<(i64, i64)>, limit: u32) -> StoreResult<Vec<ChangelogRow>>;
    async fn changelog_entry(&self, id: i64) -> StoreResult<Option<ChangelogRow>>;
    /// Creates (`id` None) or updates an entry and its idea links; links to
    /// ideas that do not exist are dropped. Publishing for the first time
    /// writes one `changelog.published` naming the linked ideas, so their
    /// followers hear of it, once each. `None`: no such entry.
    async fn save_changelog(
        &self,
        id: Option<i64>,
        entry: ChangelogSave<'_>,
        actor_id: i64,
        now: i64,
    ) -> StoreResult<Option<i64>>;
    async fn delete_changelog(&self, id: i64) -> StoreResult<bool>;
}

//! Ideas: the rows the list and idea pages are made of, the list's query,
//! and the store of them.

use super::{Rendered, StoreResult};
use async_trait::async_trait;
use schwarm_wire::Sort;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct IdeaRow {
    pub id: i64,
    pub title: String,
    pub body_md: String,
    pub body_html: String,
    pub status: String,
    pub status_response_html: Option<String>,
    pub status_response_by: Option<String>,
    pub status_response_at: Option<i64>,
    pub vote_count: i64,
    pub comment_count: i64,
    pub created_at: i64,
    pub author_id: i64,
    pub author_name: String,
    pub board_slug: String,
    pub board_name: String,
    /// (name, colour) of its tags; filled by a second query.
    #[sqlx(skip)]
    pub tags: Vec<(String, String)>,
    pub voted: bool,
    pub following: bool,
    pub triaged: bool,
    /// Merged into that idea (id, title).
    pub merged_into: Option<i64>,
    pub merged_into_title: Option<String>,
    /// Moderation: hidden (spam is hidden too), and whether a product
    /// manager approved it (false while it waits in the approval queue).
    pub hidden: bool,
    pub spam: bool,
    pub approved: bool,
    /// Prioritisation; product managers only.
    pub impact: Option<i64>,
    pub effort: Option<i64>,
    /// See `domain::trend`.
    pub trend: f64,
    /// How well the idea matches a search; 0 without one.
    #[sqlx(default)]
    pub relevance: f64,
}

/// One page request of the idea list, already validated.
#[derive(Clone, Debug)]
pub struct IdeaQuery {
    pub sort: Sort,
    /// Start strictly after this (sort key, id). For `Sort::Trending` and
    /// `Sort::Relevance` the key is the `f64` score's bits (`f64::to_bits`).
    pub after: Option<(i64, i64)>,
    /// Only ideas with this status.
    pub status: Option<String>,
    /// Only ideas matching this full-text search.
    pub search: Option<crate::domain::search::Search>,
    /// Only ideas on this board (slug).
    pub board: Option<String>,
    /// Only ideas with this tag (name).
    pub tag: Option<String>,
    /// Only ideas this user wrote.
    pub author: Option<i64>,
    /// Only ideas this user voted for.
    pub voter: Option<i64>,
    pub limit: u32,
    pub viewer: Option<i64>,
    /// A product manager's list: its own filter and order.
    pub triage: Option<TriageView>,
}

/// The product managers' list (`GET /api/v1/triage/ideas`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TriageView {
    pub queue: TriageQueue,
    pub order: TriageOrder,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TriageQueue {
    /// Visible ideas no product manager has given a status yet.
    Inbox,
    /// Every idea, hidden and waiting ones included.
    All,
    /// Waiting for approval.
    Pending,
    /// Hidden or spam.
    Hidden,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TriageOrder {
    /// Oldest first: the inbox's order.
    Oldest,
    /// Highest `schwarm_wire::triage::priority` first.
    Priority,
    /// The public sort (`IdeaQuery::sort`).
    Public,
}

#[async_trait]
pub trait IdeaStore: Send + Sync {
    /// Inserts the idea with its tags and its `idea.created` event in one
    /// transaction.
    async fn insert_idea(&self, new: NewIdeaRow<'_>, now: i64) -> StoreResult<i64>;
    async fn idea(&self, id: i64, viewer: Option<i64>) -> StoreResult<Option<IdeaRow>>;
    async fn ideas(&self, query: &IdeaQuery) -> StoreResult<Vec<IdeaRow>>;
    /// Changes title and/or description and writes `idea.updated`.
    async fn update_idea(
        &self,
        id: i64,
        actor_id: i64,
        title: Option<&str>,
        body: Option<&Rendered>,
        now: i64,
    ) -> StoreResult<()>;
    /// Deletes the idea with its votes and comments; writes `idea.deleted`.
    async fn delete_idea(&self, id: i64, actor_id: i64, now: i64) -> StoreResult<()>;
    /// Sets the status (and the public response, if given) and writes
    /// `idea.status_changed`, in one transaction. `false`: no such idea.
    async fn set_status(
        &self,
        idea_id: i64,
        status: &str,
        response: Option<&Rendered>,
        actor_id: i64,
        now: i64,
    ) -> StoreResult<bool>;
}

pub struct NewIdeaRow<'a> {
    pub author_id: i64,
    pub board_id: i64,
    pub title: &'a str,
    pub body: &'a Rendered,
    pub tag_ids: &'a [i64],
}

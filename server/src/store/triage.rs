//! What product managers and admins change: statuses, roles, merges and
//! priorities.

use super::StoreResult;
use async_trait::async_trait;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StatusRow {
    pub key: String,
    pub label_en: String,
    pub label_de: String,
    pub colour: String,
    pub position: i64,
    pub on_roadmap: bool,
    pub closed: bool,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MemberRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub blocked: bool,
    pub created_at: i64,
}

/// What became of a role change.
#[derive(Debug, PartialEq, Eq)]
pub enum RoleOutcome {
    Changed,
    NoSuchUser,
    /// It would leave the board without an admin.
    LastAdmin,
}

/// What became of a merge or its undo.
#[derive(Debug, PartialEq, Eq)]
pub enum MergeOutcome {
    Done,
    NoSuchIdea,
    /// The target is missing, is the idea itself, or is merged itself.
    BadTarget,
    /// Merge: the idea is merged already. Undo: it is not merged.
    WrongState,
    /// Merge: other ideas are merged into this one; undo those first.
    IsTarget,
}

#[async_trait]
pub trait TriageStore: Send + Sync {
    /// Every status in its order.
    async fn statuses(&self) -> StoreResult<Vec<StatusRow>>;
    /// Adds a status at the end. A taken key is a unique violation.
    async fn insert_status(&self, status: &schwarm_wire::StatusInput) -> StoreResult<()>;
    /// Changes labels, colour and flags. `false`: no such status.
    async fn update_status(&self, key: &str, status: &schwarm_wire::StatusInput) -> StoreResult<bool>;
    /// Puts the statuses in this order. `false`: `keys` is not exactly the
    /// set of statuses.
    async fn reorder_statuses(&self, keys: &[String]) -> StoreResult<bool>;

    /// Accounts (not deleted) whose email or name contains `search`, by
    /// role (admins first), then name; at most `limit`.
    async fn members(&self, search: Option<&str>, limit: u32) -> StoreResult<Vec<MemberRow>>;
    async fn set_role(&self, user_id: i64, role: schwarm_wire::Role) -> StoreResult<RoleOutcome>;

    /// Merges `source` into `target` in one transaction: voters of the
    /// source become voters of the target (each counted once), followers
    /// follow the target, comments move with a marker, the source points at
    /// the target, and `idea.merged` goes to the outbox (on the target, so
    /// its followers, old and new, are notified once).
    async fn merge_idea(&self, source: i64, target: i64, actor_id: i64, now: i64) -> StoreResult<MergeOutcome>;
    /// Undoes the merge of `source` exactly: the votes and follows the merge
    /// made go, its comments move back, counters are what they were.
    async fn unmerge_idea(&self, source: i64, actor_id: i64, now: i64) -> StoreResult<MergeOutcome>;
    /// How many ideas are merged into this one.
    async fn merged_into_count(&self, target: i64) -> StoreResult<i64>;
    /// Sets impact and effort. `false`: no such idea.
    async fn set_priority(&self, idea_id: i64, impact: Option<i64>, effort: Option<i64>) -> StoreResult<bool>;
    /// Replaces the idea's tags and writes `idea.updated`. `false`: no such
    /// idea.
    async fn set_idea_tags(&self, idea_id: i64, tag_ids: &[i64], actor_id: i64, now: i64) -> StoreResult<bool>;
    /// How many internal notes each of these ideas has: (idea, count).
    async fn internal_note_counts(&self, ideas: &[i64]) -> StoreResult<Vec<(i64, i64)>>;
}

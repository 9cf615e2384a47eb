//! Hiding, spam, approval and blocking.

use super::StoreResult;
use async_trait::async_trait;

/// A moderator's change to an idea; `None` fields stay as they are.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdeaModeration {
    pub hidden: Option<bool>,
    pub spam: Option<bool>,
    pub approved: Option<bool>,
}

#[async_trait]
pub trait ModerationStore: Send + Sync {
    /// Hides or restores, marks or unmarks as spam (spam is hidden too),
    /// approves; writes `idea.moderated` (for the team only). `false`: no
    /// such idea.
    async fn moderate_idea(&self, id: i64, change: IdeaModeration, actor_id: i64, now: i64) -> StoreResult<bool>;
    /// Hides or restores a comment (with `spam`, marks it too); the idea's
    /// public counter follows. `false`: no such comment.
    async fn moderate_comment(&self, id: i64, hidden: bool, spam: bool, actor_id: i64, now: i64) -> StoreResult<bool>;
    /// Blocks or unblocks a member. `None`: no such user; else their role.
    async fn set_blocked(&self, user_id: i64, blocked: bool, now: i64) -> StoreResult<Option<String>>;
    /// Whether new members' ideas on this board wait for approval. `false`:
    /// no such board.
    async fn set_board_approval(&self, slug: &str, required: bool) -> StoreResult<bool>;
}

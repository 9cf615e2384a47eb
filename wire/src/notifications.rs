//! Following ideas and the in-app notifications it brings.

use serde::{Deserialize, Serialize};

/// `PUT`/`DELETE /api/v1/ideas/{id}/follow`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowState {
    pub following: bool,
}

/// Something that happened to an idea the user follows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    /// The outbox event kind: `idea.status_changed`, `comment.created`, …
    pub kind: String,
    pub idea_id: i64,
    pub idea_title: String,
    /// Who did it; `None` when that account is gone.
    pub actor_name: Option<String>,
    /// The new status for a status change.
    pub detail: Option<String>,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub read: bool,
}

/// `GET /api/v1/notifications/unread` and the answer to marking read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadCount {
    pub unread: i64,
}

/// `POST /api/v1/notifications/read`: these ids, or all when absent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MarkRead {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ids: Option<Vec<i64>>,
}

//! Moderation requests: hiding, spam, approval, blocking.

use serde::{Deserialize, Serialize};

/// `PUT /api/v1/ideas/{id}/moderation`: absent fields stay as they are.
/// Spam is always hidden.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdeaModerationInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spam: Option<bool>,
    /// Approves an idea waiting in the approval queue (or sends it back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<bool>,
}

/// `PUT /api/v1/comments/{id}/moderation`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentModerationInput {
    #[serde(default)]
    pub hidden: bool,
    /// Marks it as spam (and hides it).
    #[serde(default)]
    pub spam: bool,
}

/// `PUT /api/v1/users/{id}/block`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BlockInput {
    pub blocked: bool,
}

/// `PUT /api/v1/admin/boards/{slug}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BoardSettings {
    /// New members' ideas wait for a product manager's approval.
    pub approval_required: bool,
}

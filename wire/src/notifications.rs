//! Following ideas and the in-app notifications it brings.

use serde::{Deserialize, Serialize};

/// `PUT`/`DELETE /api/v1/ideas/{id}/follow`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowState {
    pub following: bool,
}

/// Something that happened to an idea the user follows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnreadCount {
    pub unread: i64,
}

/// `POST /api/v1/notifications/read`: these ids, or all when absent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MarkRead {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ids: Option<Vec<i64>>,
}

/// What a follower can be emailed about; each can be turned off on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EmailKind {
    /// The status of a followed idea changed (with the team's response).
    StatusChanges,
    /// Someone commented on a followed idea or replied to one's comment.
    Replies,
}

impl EmailKind {
    pub const ALL: [EmailKind; 2] = [EmailKind::StatusChanges, EmailKind::Replies];

    pub fn as_str(self) -> &'static str {
        match self {
            EmailKind::StatusChanges => "status_changes",
            EmailKind::Replies => "replies",
        }
    }

    pub fn parse(s: &str) -> Option<EmailKind> {
        EmailKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The language emails are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum EmailLanguage {
    #[default]
    En,
    De,
}

impl EmailLanguage {
    pub fn as_str(self) -> &'static str {
        match self {
            EmailLanguage::En => "en",
            EmailLanguage::De => "de",
        }
    }

    pub fn parse(s: &str) -> EmailLanguage {
        if s == "de" {
            EmailLanguage::De
        } else {
            EmailLanguage::En
        }
    }
}

/// `GET`/`PUT /api/v1/me/email`: which emails the user wants, and in which
/// language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailPreferences {
    pub status_changes: bool,
    pub replies: bool,
    pub language: EmailLanguage,
}

/// `POST /api/v1/email/unsubscribe`: the token from an email's link stops
/// that kind of email, without signing in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Unsubscribe {
    pub token: String,
    pub kind: EmailKind,
}

/// The answer to an unsubscribe: what the address now receives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Unsubscribed {
    pub kind: EmailKind,
    pub preferences: EmailPreferences,
}

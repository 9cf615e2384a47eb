//! Comments on the wire: one level of replies.

use crate::ideas::Author;
use crate::validate::{CommentBody, FieldErrors};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Comment {
    pub id: i64,
    pub idea_id: i64,
    /// The top-level comment this one answers; replies have no replies.
    pub parent_id: Option<i64>,
    pub author: Author,
    /// Markdown as written (for editing).
    pub body: String,
    /// The server's sanitised rendering; the only form ever shown.
    pub body_html: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub edited: bool,
    /// An internal note: only product managers and admins ever receive it.
    #[serde(default)]
    pub internal: bool,
    /// It came with a merge from this idea.
    #[serde(default)]
    pub moved_from: Option<i64>,
    /// Hidden by a moderator: only product managers and admins receive it.
    #[serde(default)]
    pub hidden: bool,
}

/// `POST /api/v1/ideas/{id}/comments`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewComment {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub body: String,
    #[serde(default)]
    pub parent_id: Option<i64>,
    /// An internal note, seen by product managers and admins only (only
    /// they may write one).
    #[serde(default)]
    pub internal: bool,
}

impl NewComment {
    pub fn validate(&self) -> Result<CommentBody, FieldErrors> {
        let mut errors = FieldErrors::default();
        let body = errors.check("body", CommentBody::parse(&self.body));
        body.ok_or(errors)
    }
}

/// `PATCH /api/v1/comments/{id}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentEdit {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub body: String,
}

impl CommentEdit {
    pub fn validate(&self) -> Result<CommentBody, FieldErrors> {
        NewComment {
            body: self.body.clone(),
            parent_id: None,
            internal: false,
        }
        .validate()
    }
}

//! What the crowd is told: the public roadmap and the changelog.

use crate::ideas::{Idea, IdeaLink};
use crate::triage::StatusDef;
use crate::validate::{Body, FieldErrors, Problem, Title};
use serde::{Deserialize, Serialize};

/// `GET /api/v1/roadmap`: one column per roadmap status, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoadmapColumn {
    pub status: StatusDef,
    /// Most votes first, at most `ROADMAP_COLUMN_MAX`.
    pub ideas: Vec<Idea>,
}

/// The most ideas a roadmap column shows.
pub const ROADMAP_COLUMN_MAX: u32 = 50;
/// The most ideas one changelog entry links.
pub const CHANGELOG_IDEAS_MAX: usize = 50;

/// A release note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangelogEntry {
    pub id: i64,
    pub title: String,
    /// Markdown as written (for editing).
    pub body: String,
    /// Rendered and sanitised by the server.
    pub body_html: String,
    /// The ideas it ships.
    pub ideas: Vec<IdeaLink>,
    /// RFC 3339, UTC; `None` for a draft (only the team sees drafts).
    pub published_at: Option<String>,
    pub created_at: String,
}

/// `POST /api/v1/changelog` and `PUT /api/v1/changelog/{id}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangelogInput {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub title: String,
    #[serde(default)]
    pub body: String,
    /// The ideas it ships.
    #[serde(default)]
    pub idea_ids: Vec<i64>,
    /// Publish now (a published entry stays published); followers of the
    /// linked ideas are notified once, when it is first published.
    #[serde(default)]
    pub publish: bool,
}

impl ChangelogInput {
    pub fn validate(&self) -> Result<(Title, Body), FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = errors.check("title", Title::parse(&self.title));
        let body = errors.check("body", Body::parse(&self.body));
        if self.idea_ids.len() > CHANGELOG_IDEAS_MAX {
            errors.insert("idea_ids", Problem::TooMany(CHANGELOG_IDEAS_MAX));
        }
        match (title, body) {
            (Some(t), Some(b)) if errors.is_empty() => Ok((t, b)),
            _ => Err(errors),
        }
    }
}

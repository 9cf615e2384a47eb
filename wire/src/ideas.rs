//! Ideas, lists and votes on the wire.

use crate::boards::{BoardRef, Tag, MAX_TAGS};
use crate::validate::{Body, FieldErrors, Problem, Title};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Author {
    pub id: i64,
    pub display_name: String,
}

/// One idea as every list and page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Idea {
    pub id: i64,
    pub title: String,
    /// The description as its author wrote it (Markdown source).
    pub body: String,
    /// The description rendered by the server and sanitised; the client shows
    /// this and never parses Markdown itself.
    pub body_html: String,
    pub author: Author,
    pub board: BoardRef,
    pub tags: Vec<Tag>,
    pub status: String,
    /// The product manager's latest public response, if any.
    pub status_response: Option<StatusResponse>,
    pub vote_count: i64,
    pub comment_count: i64,
    /// Whether the signed-in viewer has voted; false for visitors.
    pub voted: bool,
    /// Whether the signed-in viewer follows it (authors, voters and
    /// commenters do, automatically); false for visitors.
    pub following: bool,
    /// A product manager has changed its status: the author can no longer
    /// edit or delete it.
    pub triaged: bool,
    /// Waiting for a product manager's approval: only its author and the
    /// team see it.
    #[serde(default)]
    pub pending: bool,
    /// Merged into this idea: its page leads there.
    #[serde(default)]
    pub merged_into: Option<IdeaLink>,
    /// RFC 3339, UTC.
    pub created_at: String,
}

/// Another idea, by id and title.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdeaLink {
    pub id: i64,
    pub title: String,
}

/// What a product manager said with a status change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusResponse {
    /// Rendered and sanitised by the server.
    pub body_html: String,
    /// Empty when that account was deleted.
    pub author: String,
    /// RFC 3339, UTC.
    pub at: String,
}

/// `PUT /api/v1/ideas/{id}/status` (product managers and admins).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusChange {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub status: String,
    /// Markdown shown on the idea and sent to its followers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
}

/// The statuses every deployment starts with (admins can add more; the
/// server keeps them in its `statuses` table).
pub const STATUSES: [&str; 6] = ["open", "under review", "planned", "in progress", "done", "declined"];

impl StatusChange {
    /// Checks the shape; whether the status exists only the server can tell.
    pub fn validate(&self) -> Result<(String, Option<Body>), FieldErrors> {
        let mut errors = FieldErrors::default();
        let status = self.status.trim();
        if status.is_empty() {
            errors.insert("status", Problem::Required);
        } else if status.chars().count() > STATUS_MAX {
            errors.insert("status", Problem::TooLong(STATUS_MAX));
        }
        let response = match self.response.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => errors.check("response", Body::parse(text)),
        };
        errors.into_result((status.to_owned(), response))
    }
}

/// Every list answer: one page of items and the cursor of the next page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// `POST /api/v1/ideas`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewIdea {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub title: String,
    #[serde(default)]
    pub body: String,
    /// The board's slug; empty for the first board.
    #[serde(default)]
    pub board: String,
    /// Names of the board's tags, at most five.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl NewIdea {
    /// Checks title, description and the number of tags; whether the board
    /// and its tags exist only the server can tell.
    pub fn validate(&self) -> Result<(Title, Body), FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = errors.check("title", Title::parse(&self.title));
        let body = errors.check("body", Body::parse(&self.body));
        if self.tags.len() > MAX_TAGS {
            errors.insert("tags", Problem::TooMany(MAX_TAGS));
        }
        match (title, body) {
            (Some(t), Some(b)) if errors.is_empty() => Ok((t, b)),
            _ => Err(errors),
        }
    }
}

/// `PATCH /api/v1/ideas/{id}`: the fields to change; absent ones stay.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdeaEdit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

impl IdeaEdit {
    pub fn validate(&self) -> Result<(Option<Title>, Option<Body>), FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = self
            .title
            .as_deref()
            .and_then(|t| errors.check("title", Title::parse(t)));
        let body = self.body.as_deref().and_then(|b| errors.check("body", Body::parse(b)));
        errors.into_result((title, body))
    }
}

/// The answer to `PUT`/`DELETE /api/v1/ideas/{id}/vote`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteState {
    pub vote_count: i64,
    pub voted: bool,
}

/// `GET /api/v1/ideas/{id}/voters`: who backs an idea. Only display names
/// are public, never emails.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Voters {
    /// The most recent voters, newest first (at most 50).
    pub items: Vec<Author>,
    /// How many voted in all.
    pub total: i64,
}

/// How a list of ideas is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    #[default]
    New,
    Top,
    /// Recent votes and comments with time decay (server: domain/trend.rs).
    Trending,
    /// Most comments.
    Discussed,
    /// Best match first; only with a search (`q=`), where it is the default.
    Relevance,
}

impl Sort {
    pub const ALL: [Sort; 5] = [Sort::New, Sort::Top, Sort::Trending, Sort::Discussed, Sort::Relevance];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::New => "new",
            Sort::Top => "top",
            Sort::Trending => "trending",
            Sort::Discussed => "discussed",
            Sort::Relevance => "relevance",
        }
    }

    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.as_str() == s)
    }
}

/// The longest status key a filter accepts.
pub const STATUS_MAX: usize = 40;

/// Page sizes the list endpoints accept.
pub const DEFAULT_PAGE_SIZE: u32 = 20;
pub const MAX_PAGE_SIZE: u32 = 100;

/// What a client of `GET /api/v1/events` reads from each message's data
/// (the payload holds more; these are the fields the web app uses).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LiveEvent {
    /// The outbox kind (`vote.cast`, `comment.created`, …) or `reset`.
    pub kind: String,
    #[serde(default)]
    pub idea_id: Option<i64>,
    #[serde(default)]
    pub payload: LivePayload,
}

impl LiveEvent {
    /// Sent by the server when a reconnecting client missed too much to
    /// replay: the client reloads what it shows.
    pub const RESET: &'static str = "reset";
    /// Made by the web app itself after a reset: the fresh state of one
    /// idea (vote count, status), which every live view of it takes over.
    pub const RESYNC: &'static str = "resync";

    /// Whether this event (or a resync) is about `idea_id` and of a kind
    /// starting with `prefix`.
    pub fn concerns(&self, prefix: &str, idea_id: i64) -> bool {
        self.idea_id == Some(idea_id) && (self.kind.starts_with(prefix) || self.kind == LiveEvent::RESYNC)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LivePayload {
    #[serde(default)]
    pub vote_count: Option<i64>,
    /// The new status of `idea.status_changed`.
    #[serde(default)]
    pub status: Option<String>,
}

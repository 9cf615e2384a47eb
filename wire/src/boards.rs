//! Boards and their tags.

use serde::{Deserialize, Serialize};

/// The most tags one idea may carry.
pub const MAX_TAGS: usize = 5;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tag {
    pub name: String,
    /// A CSS colour such as `#2563eb`.
    pub colour: String,
}

/// `GET /api/v1/boards` (a list) and `GET /api/v1/boards/{slug}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Board {
    pub slug: String,
    pub name: String,
    pub description: String,
    /// New members' ideas wait for a product manager's approval.
    #[serde(default)]
    pub approval_required: bool,
    pub tags: Vec<Tag>,
}

/// The board an idea belongs to, as ideas carry it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BoardRef {
    pub slug: String,
    pub name: String,
}

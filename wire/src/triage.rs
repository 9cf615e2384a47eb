//! What product managers and admins send and see: statuses, roles, merges,
//! prioritisation.

use crate::auth::Role;
use crate::ideas::Idea;
use crate::validate::{FieldErrors, Problem};
use serde::{Deserialize, Serialize};

/// One status an idea can have, as `GET /api/v1/statuses` lists them (in
/// their order).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusDef {
    /// What ideas store and filters name; never changes.
    pub key: String,
    pub label_en: String,
    pub label_de: String,
    /// `#rrggbb`.
    pub colour: String,
    pub position: i64,
    /// Shown as a column of the public roadmap.
    pub on_roadmap: bool,
    /// Nothing more will happen (done, declined).
    pub closed: bool,
}

/// `POST /api/v1/admin/statuses` (with `key`) and
/// `PUT /api/v1/admin/statuses/{key}` (`key` ignored).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusInput {
    #[serde(default)]
    pub key: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub label_en: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub label_de: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub colour: String,
    #[serde(default)]
    pub on_roadmap: bool,
    #[serde(default)]
    pub closed: bool,
}

/// The longest status label.
pub const STATUS_LABEL_MAX: usize = 40;

impl StatusInput {
    /// Checks labels and colour, and the key when `new` (a new status):
    /// lower-case letters, digits, spaces, `-` and `_`, at most
    /// `STATUS_MAX` characters.
    pub fn validate(&self, new: bool) -> Result<StatusInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let key = self.key.trim().to_owned();
        if new {
            if key.is_empty() {
                errors.insert("key", Problem::Required);
            } else if key.chars().count() > crate::ideas::STATUS_MAX {
                errors.insert("key", Problem::TooLong(crate::ideas::STATUS_MAX));
            } else if !key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, ' ' | '-' | '_'))
            {
                errors.insert("key", Problem::Invalid);
            }
        }
        let mut label = |field: &'static str, text: &str| {
            let text = text.trim();
            if text.is_empty() {
                errors.insert(field, Problem::Required);
            } else if text.chars().count() > STATUS_LABEL_MAX {
                errors.insert(field, Problem::TooLong(STATUS_LABEL_MAX));
            } else if text.chars().any(char::is_control) {
                errors.insert(field, Problem::Invalid);
            }
            text.to_owned()
        };
        let label_en = label("label_en", &self.label_en);
        let label_de = label("label_de", &self.label_de);
        let colour = self.colour.trim().to_ascii_lowercase();
        if !is_hex_colour(&colour) {
            errors.insert("colour", Problem::Invalid);
        }
        errors.into_result(StatusInput {
            key,
            label_en,
            label_de,
            colour,
            on_roadmap: self.on_roadmap,
            closed: self.closed,
        })
    }
}

/// `#rrggbb`.
pub fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// `PUT /api/v1/admin/status-order`: every status key, in the new order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusOrder {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub keys: Vec<String>,
}

/// An account as admins see it (`GET /api/v1/admin/users`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Member {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// Blocked from posting, voting and commenting.
    pub blocked: bool,
    /// RFC 3339, UTC.
    pub created_at: String,
}

/// `PUT /api/v1/admin/users/{id}/role`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoleChange {
    pub role: Role,
}

/// `POST /api/v1/ideas/{id}/merge`: the idea it becomes part of.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MergeRequest {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub into: i64,
}

/// `PUT /api/v1/ideas/{id}/priority`: impact and effort, 1–5 each; `null`
/// unsets.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PriorityInput {
    #[serde(default)]
    pub impact: Option<i64>,
    #[serde(default)]
    pub effort: Option<i64>,
}

impl PriorityInput {
    pub fn validate(&self) -> Result<(Option<i64>, Option<i64>), FieldErrors> {
        let mut errors = FieldErrors::default();
        for (field, value) in [("impact", self.impact), ("effort", self.effort)] {
            if value.is_some_and(|v| !(1..=5).contains(&v)) {
                errors.insert(field, Problem::OutOfRange(1, 5));
            }
        }
        errors.into_result((self.impact, self.effort))
    }
}

/// The priority score: RICE without confidence. Reach is the vote count
/// plus one (so an idea nobody voted for yet still ranks by its impact and
/// effort); unset impact or effort counts as the middle value, 3.
///
/// `score = (votes + 1) × impact ÷ effort`
pub fn priority(votes: i64, impact: Option<i64>, effort: Option<i64>) -> f64 {
    (votes.max(0) + 1) as f64 * impact.unwrap_or(3) as f64 / effort.unwrap_or(3).max(1) as f64
}

/// `PUT /api/v1/ideas/{id}/tags`: the idea's tags from now on (names of
/// its board's tags, at most five).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TagsChange {
    pub tags: Vec<String>,
}

/// An idea in the product managers' lists, with what members never see.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TriageIdea {
    pub idea: Idea,
    pub impact: Option<i64>,
    pub effort: Option<i64>,
    /// See `priority`.
    pub priority: f64,
    /// How many internal notes it has.
    pub internal_notes: i64,
    /// Hidden by a moderator; `spam` if marked so (hidden too).
    pub hidden: bool,
    pub spam: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priority_grows_with_votes_and_impact_and_shrinks_with_effort() {
        assert_eq!(priority(0, None, None), 1.0);
        assert_eq!(priority(9, Some(5), Some(1)), 50.0);
        assert!(priority(9, Some(5), Some(5)) < priority(9, Some(5), Some(1)));
        assert!(priority(10, Some(3), Some(3)) > priority(2, Some(3), Some(3)));
    }

    #[test]
    fn status_input_checks_key_labels_and_colour() {
        let good = StatusInput {
            key: "needs info".into(),
            label_en: "Needs info".into(),
            label_de: "Rückfrage".into(),
            colour: "#AABBCC".into(),
            ..Default::default()
        };
        assert_eq!(good.validate(true).unwrap().colour, "#aabbcc");
        let bad = StatusInput {
            key: "Bad/Key".into(),
            colour: "red".into(),
            ..Default::default()
        };
        let errors = bad.validate(true).unwrap_err();
        for field in ["key", "label_en", "label_de", "colour"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        assert!(bad.validate(false).unwrap_err().get("key").is_none());
    }

    #[test]
    fn impact_and_effort_are_one_to_five() {
        assert!(PriorityInput {
            impact: Some(5),
            effort: None
        }
        .validate()
        .is_ok());
        let err = PriorityInput {
            impact: Some(0),
            effort: Some(6),
        }
        .validate()
        .unwrap_err();
        assert!(err.get("impact").is_some() && err.get("effort").is_some());
    }
}

/// One idea in `GET /api/v1/export.json` (and one row of the CSV).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedIdea {
    pub id: i64,
    pub title: String,
    pub status: String,
    pub votes: i64,
    pub comments: i64,
    pub tags: Vec<String>,
    /// The board's slug.
    pub board: String,
    pub author: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// The idea's page.
    pub url: String,
}

//! An idea as the board's list shows it.

use crate::boards::{BoardRef, Tag};
use crate::ideas::Author;
use serde::Deserialize;

/// The fields of an [`Idea`](crate::Idea) that an idea card shows.
///
/// `GET /api/v1/ideas` answers with whole ideas; the board decodes only
/// these (serde skips the rest). Every field of `Idea` is decoded by code
/// of its own in the wasm, and the board's bundle is the first load, so its
/// list leaves out the description, the response, the merge and the flags
/// only an idea's page shows (~2 KB brotli). The test below keeps the two
/// in step.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ListedIdea {
    pub id: i64,
    pub title: String,
    pub author: Author,
    pub board: BoardRef,
    pub tags: Vec<Tag>,
    pub status: String,
    pub vote_count: i64,
    pub comment_count: i64,
    /// Whether the signed-in viewer has voted; false for visitors.
    pub voted: bool,
    /// Waiting for a product manager's approval (seen by its author and
    /// the team only).
    #[serde(default)]
    pub pending: bool,
    /// RFC 3339, UTC.
    pub created_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Idea, IdeaLink, StatusResponse};

    #[test]
    fn a_whole_idea_decodes_as_a_listed_one() {
        // Arrange: an idea with every optional part present.
        let idea = Idea {
            id: 7,
            title: "Dark mode".into(),
            body: "Please".into(),
            body_html: "<p>Please</p>".into(),
            author: Author {
                id: 3,
                display_name: "Ada".into(),
            },
            board: BoardRef {
                slug: "web".into(),
                name: "Web".into(),
            },
            tags: vec![Tag {
                name: "ui".into(),
                colour: "#2563eb".into(),
            }],
            status: "planned".into(),
            status_response: Some(StatusResponse {
                body_html: "<p>Soon</p>".into(),
                author: "PM".into(),
                at: "2026-11-02T10:00:00Z".into(),
            }),
            vote_count: 12,
            comment_count: 4,
            voted: true,
            following: true,
            triaged: true,
            pending: true,
            merged_into: Some(IdeaLink {
                id: 2,
                title: "Themes".into(),
            }),
            created_at: "2026-11-01T09:00:00Z".into(),
        };
        let json = serde_json::to_string(&idea).unwrap();

        // Act
        let listed: ListedIdea = serde_json::from_str(&json).unwrap();

        // Assert
        assert_eq!(
            listed,
            ListedIdea {
                id: 7,
                title: idea.title,
                author: idea.author,
                board: idea.board,
                tags: idea.tags,
                status: idea.status,
                vote_count: 12,
                comment_count: 4,
                voted: true,
                pending: true,
                created_at: idea.created_at,
            }
        );
    }
}

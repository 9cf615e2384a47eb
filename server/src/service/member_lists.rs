//! A member's idea list, made from the visitors' one.
//!
//! Signed-in members ask for lists as often as visitors do, and a member's
//! list differs from a visitor's in two ways only: the member's own votes
//! and follows are marked, and their own ideas waiting for approval are in
//! it. So unless such an idea exists, the visitors' list from memory
//! (`list_cache`) is taken and marked, with one small indexed query, instead
//! of the full list query per request (`make bench`: `list_signed_in`).
//!
//! The marks are written into a copy of the visitors' JSON where each
//! idea's `"voted":false,"following":false` stands, rather than by copying
//! the page and serialising it again: serialising twenty ideas with their
//! descriptions was the largest part of a member's list after the queries
//! (perf), and a copy of the bytes costs next to nothing.

use crate::error::Result;
use crate::list_cache::IdeaList;
use crate::own_marks;
use crate::state::AppState;
use crate::store::Marks;
use bytes::Bytes;
use std::sync::Arc;

/// An idea's viewer fields in a visitors' list, as serde writes them (in
/// the order of `schwarm_wire::Idea`'s fields).
const VISITOR_MARKS: &[u8] = br#""voted":false,"following":false"#;
/// The viewer fields for each (voted, following), indexed `voted * 2 +
/// following`: copied, not formatted (`write!` was ~4% of a member's list).
const MARKED: [&[u8]; 4] = [
    VISITOR_MARKS,
    br#""voted":false,"following":true"#,
    br#""voted":true,"following":false"#,
    br#""voted":true,"following":true"#,
];

/// Where each idea's [`VISITOR_MARKS`] stand in `body`, the JSON of a
/// visitors' page of `ideas` ideas; `None` if they cannot be told apart
/// (never so for serde's output: a JSON string holds no bare `"`, so the
/// pattern cannot occur inside a title or description).
pub fn marks_at(body: &[u8], ideas: usize) -> Option<Vec<usize>> {
    let at: Vec<usize> = memchr::memmem::find_iter(body, VISITOR_MARKS).collect();
    (at.len() == ideas).then_some(at)
}

/// The visitors' list with `viewer`'s votes and follows marked, as JSON;
/// `None` if their list is their own (an idea of theirs waits for approval,
/// and only they see it) and must be queried for them.
pub async fn mark(state: &AppState, list: &IdeaList, viewer: i64) -> Result<Option<Bytes>> {
    let Some(at) = list.marks_at.as_deref() else {
        return Ok(None);
    };
    let marks = own_marks(state, viewer, &list.ids).await?;
    if marks.waiting {
        return Ok(None);
    }
    Ok(Some(marked(&list.body, &list.ids, at, &marks)))
}

/// `viewer`'s marks among `ids`: from their whole set kept in memory
/// (`own_marks`), read whole if the store gives it, else read for `ids`.
async fn own_marks(state: &AppState, viewer: i64, ids: &[i64]) -> Result<Marks> {
    if let Some(all) = state.own_marks.get(viewer) {
        return Ok(all.among(ids));
    }
    let epoch = state.own_marks.epoch();
    match state.store.all_marks(viewer, own_marks::MAX_IDS).await? {
        Some(all) => {
            let marks = all.among(ids);
            state.own_marks.put(viewer, epoch, Arc::new(all));
            Ok(marks)
        }
        None => Ok(state.store.marks(viewer, ids).await?),
    }
}

/// `body` with the marks of the ideas `ids`, whose [`VISITOR_MARKS`] stand
/// at `at`, set from `marks`.
fn marked(body: &[u8], ids: &[i64], at: &[usize], marks: &Marks) -> Bytes {
    let mut out = Vec::with_capacity(body.len());
    let mut from = 0;
    for (id, &start) in ids.iter().zip(at) {
        out.extend_from_slice(&body[from..start]);
        let voted = marks.voted.contains(id);
        let following = marks.following.contains(id);
        out.extend_from_slice(MARKED[usize::from(voted) * 2 + usize::from(following)]);
        from = start + VISITOR_MARKS.len();
    }
    out.extend_from_slice(&body[from..]);
    Bytes::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use schwarm_wire::{Author, BoardRef, Idea, Page};

    fn idea(id: i64, title: &str) -> Idea {
        Idea {
            id,
            title: title.into(),
            body: format!("About {title}."),
            body_html: format!("<p>About {title}.</p>"),
            author: Author {
                id: 7,
                display_name: "Ada".into(),
            },
            board: BoardRef {
                slug: "main".into(),
                name: "Main".into(),
            },
            tags: Vec::new(),
            status: "open".into(),
            status_response: None,
            vote_count: id * 3,
            comment_count: 1,
            voted: false,
            following: false,
            triaged: false,
            pending: false,
            merged_into: None,
            created_at: "2026-12-01T10:00:00Z".into(),
        }
    }

    #[test]
    fn marks_written_into_the_json_are_the_marked_page_serialised() {
        // Arrange: one title holds the very pattern, as a member may type it.
        let mut page = Page {
            items: vec![
                idea(1, "Dark mode"),
                idea(2, r#""voted":false,"following":false"#),
                idea(3, "Export"),
            ],
            next_cursor: Some("abc".into()),
        };
        let body = serde_json::to_vec(&page).unwrap();
        let ids: Vec<i64> = page.items.iter().map(|idea| idea.id).collect();
        let marks = Marks {
            voted: vec![2, 3],
            following: vec![1, 3],
            waiting: false,
        };

        // Act
        let at = marks_at(&body, ids.len()).expect("one place per idea");
        let json = marked(&body, &ids, &at, &marks);

        // Assert
        for idea in &mut page.items {
            idea.voted = marks.voted.contains(&idea.id);
            idea.following = marks.following.contains(&idea.id);
        }
        assert_eq!(json, serde_json::to_vec(&page).unwrap());
    }

    #[test]
    fn a_page_whose_marks_cannot_be_placed_is_not_marked_in_place() {
        let body = br#"{"items":[{"voted":true,"following":false}],"next_cursor":null}"#;

        assert_eq!(marks_at(body, 1), None);
    }
}

//! A member's idea list, made from the visitors' one.
//!
//! Signed-in members ask for lists as often as visitors do, and a member's
//! list differs from a visitor's in two ways only: the member's own votes
//! and follows are marked, and their own ideas waiting for approval are in
//! it. So unless such an idea exists, the visitors' list from memory
//! (`list_cache`) is taken and marked, with one small indexed query, instead
//! of the full list query per request (`make bench`: `list_signed_in`).

use crate::error::Result;
use crate::state::AppState;
use schwarm_wire::{Idea, Page};

/// The visitors' page with `viewer`'s votes and follows marked; `None` if
/// their list is their own: an idea of theirs waits for approval, and only
/// they see it.
pub async fn mark(state: &AppState, page: &Page<Idea>, viewer: i64) -> Result<Option<Page<Idea>>> {
    let ids: Vec<i64> = page.items.iter().map(|idea| idea.id).collect();
    let marks = state.store.marks(viewer, &ids).await?;
    if marks.waiting {
        return Ok(None);
    }
    let mut page = page.clone();
    for idea in &mut page.items {
        idea.voted = marks.voted.contains(&idea.id);
        idea.following = marks.following.contains(&idea.id);
    }
    Ok(Some(page))
}

//! Boards and their tags.

use crate::error::{Error, Result};
use crate::state::AppState;
use crate::store::BoardRow;
use schwarm_wire::{Board, Tag};

pub fn to_wire(row: BoardRow) -> Board {
    Board {
        slug: row.slug,
        name: row.name,
        description: row.description,
        approval_required: row.approval_required,
        tags: row
            .tags
            .into_iter()
            .map(|t| Tag {
                name: t.name,
                colour: t.colour,
            })
            .collect(),
    }
}

pub async fn list(state: &AppState) -> Result<Vec<Board>> {
    Ok(state.store.boards().await?.into_iter().map(to_wire).collect())
}

/// The board with this slug, or the first board for an empty slug.
pub async fn find(state: &AppState, slug: &str) -> Result<Option<BoardRow>> {
    let boards = state.store.boards().await?;
    Ok(match slug {
        "" => boards.into_iter().next(),
        slug => boards.into_iter().find(|b| b.slug == slug),
    })
}

pub async fn get(state: &AppState, slug: &str) -> Result<Board> {
    find(state, slug)
        .await?
        .filter(|_| !slug.is_empty())
        .map(to_wire)
        .ok_or(Error::NotFound)
}

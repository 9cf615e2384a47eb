//! A member's own things: their ideas, votes and comments, all their data as
//! JSON, and deleting their account.

use crate::domain::cursor::Cursor;
use crate::domain::page::page_of;
use crate::domain::time::{now_ms, rfc3339};
use crate::error::{Error, Result};
use crate::service::{auth, comments, ideas};
use crate::state::AppState;
use crate::store::{IdeaQuery, IdeaRow, UserRow};
use schwarm_wire::{Comment, Idea, Page, Problem, Sort, User};
use serde::{Deserialize, Serialize};

const PAGE: u32 = 20;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// The `next_cursor` of the page before.
    #[param(pattern = r"^([0-9a-f]{1,16}\.[0-9]{1,18})?$")]
    pub cursor: Option<String>,
}

/// Whose ideas: the ones written, or the ones voted for.
#[derive(Clone, Copy, Debug)]
pub enum Mine {
    Written,
    Voted,
}

pub async fn ideas(state: &AppState, user_id: i64, mine: Mine, params: &ListParams) -> Result<Page<Idea>> {
    let after = match params.cursor.as_deref() {
        None | Some("") => None,
        Some(c) => Some(Cursor::decode(c).ok_or_else(|| Error::invalid("cursor", Problem::Invalid))?),
    };
    let query = IdeaQuery {
        sort: Sort::New,
        after: after.map(|c| (c.key, c.id)),
        status: None,
        search: None,
        board: None,
        tag: None,
        author: matches!(mine, Mine::Written).then_some(user_id),
        voter: matches!(mine, Mine::Voted).then_some(user_id),
        limit: PAGE + 1,
        viewer: Some(user_id),
        triage: None,
    };
    let rows = state.store.ideas(&query).await?;
    let cursor = |r: &IdeaRow| {
        Cursor {
            key: r.created_at,
            id: r.id,
        }
        .encode()
    };
    Ok(page_of(rows, PAGE, cursor, ideas::to_wire))
}

/// The query string of the member's comments: paged by comment id.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CommentListParams {
    /// The `next_cursor` of the page before.
    #[param(pattern = "^[0-9]{0,18}$")]
    pub cursor: Option<String>,
}

pub async fn comments(state: &AppState, user_id: i64, params: &CommentListParams) -> Result<Page<Comment>> {
    let before = match params.cursor.as_deref() {
        None | Some("") => i64::MAX,
        Some(c) => crate::domain::cursor::parse_id(c).ok_or_else(|| Error::invalid("cursor", Problem::Invalid))?,
    };
    let rows = state.store.comments_by(user_id, before, PAGE + 1).await?;
    Ok(page_of(rows, PAGE, |r| r.id.to_string(), comments::to_wire))
}

/// Everything Schwarm keeps about one member, as `GET /api/v1/me/export`
/// answers it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Export {
    pub exported_at: String,
    pub user: User,
    pub ideas: Vec<Idea>,
    pub comments: Vec<Comment>,
    pub votes: Vec<ExportedVote>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ExportedVote {
    pub idea_id: i64,
    pub created_at: String,
}

pub async fn export(state: &AppState, user: &UserRow) -> Result<Export> {
    let mut all_ideas = Vec::new();
    let mut params = ListParams::default();
    loop {
        let page = ideas(state, user.id, Mine::Written, &params).await?;
        all_ideas.extend(page.items);
        match page.next_cursor {
            Some(c) => params.cursor = Some(c),
            None => break,
        }
    }
    let mut all_comments = Vec::new();
    let mut params = CommentListParams::default();
    loop {
        let page = comments(state, user.id, &params).await?;
        all_comments.extend(page.items);
        match page.next_cursor {
            Some(c) => params.cursor = Some(c),
            None => break,
        }
    }
    let votes = state
        .store
        .votes_of(user.id)
        .await?
        .into_iter()
        .map(|(idea_id, at)| ExportedVote {
            idea_id,
            created_at: rfc3339(at),
        })
        .collect();
    Ok(Export {
        exported_at: rfc3339(now_ms()),
        user: auth::to_wire(user),
        ideas: all_ideas,
        comments: all_comments,
        votes,
    })
}

pub async fn delete_account(state: &AppState, user_id: i64) -> Result<()> {
    Ok(state.store.delete_account(user_id, now_ms()).await?)
}

//! Comments: one level of replies, Markdown rendered once on write, and only
//! the author may change or remove their own.

use crate::domain::markdown;
use crate::domain::page::page_of;
use crate::domain::time::{now_ms, rfc3339};
use crate::error::{Error, Result};
use crate::policy;
use crate::state::AppState;
use crate::store::{CommentInsert, CommentRow};
use schwarm_wire::ideas::MAX_PAGE_SIZE;
use schwarm_wire::{Author, Comment, CommentEdit, FieldErrors, NewComment, Page, Problem, Role};
use serde::Deserialize;

/// Comments come in pages of this many; a discussion rarely needs two.
pub const COMMENT_PAGE: u32 = 100;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// The `next_cursor` of the page before.
    #[param(pattern = "^[0-9]{0,18}$")]
    pub cursor: Option<String>,
    /// Items per page.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
}

pub fn to_wire(row: CommentRow) -> Comment {
    Comment {
        id: row.id,
        idea_id: row.idea_id,
        parent_id: row.parent_id,
        author: Author {
            id: row.author_id,
            display_name: row.author_name,
        },
        body: row.body_md,
        body_html: row.body_html,
        created_at: rfc3339(row.created_at),
        edited: row.updated_at > row.created_at,
        internal: row.internal,
        moved_from: row.moved_from,
        hidden: row.hidden,
    }
}

/// An idea's comments; internal notes only for product managers and admins
/// (`viewer` is the signed-in user's role).
pub async fn list(
    state: &AppState,
    idea_id: i64,
    params: &ListParams,
    viewer: Option<(i64, Role)>,
) -> Result<Page<Comment>> {
    let with_internal = viewer.is_some_and(|v| policy::can_triage(v.1));
    crate::service::ideas::visible(state, idea_id, viewer).await?;
    let mut errors = FieldErrors::default();
    // Comments are listed oldest first, so the cursor is simply the last id.
    let after = match params.cursor.as_deref() {
        None | Some("") => 0,
        Some(c) => errors
            .check("cursor", crate::domain::cursor::parse_id(c).ok_or(Problem::Invalid))
            .unwrap_or(0),
    };
    let limit = match params.limit.as_deref() {
        None => COMMENT_PAGE,
        Some(s) => {
            let n = crate::domain::page::parse_limit(s, MAX_PAGE_SIZE * 2);
            errors
                .check("limit", n.ok_or(Problem::OutOfRange(1, MAX_PAGE_SIZE * 2)))
                .unwrap_or(COMMENT_PAGE)
        }
    };
    errors.into_result(()).map_err(Error::Validation)?;
    let rows = state.store.comments(idea_id, after, limit + 1, with_internal).await?;
    Ok(page_of(rows, limit, |r| r.id.to_string(), to_wire))
}

pub async fn create(state: &AppState, idea_id: i64, author: (i64, Role), new: NewComment) -> Result<Comment> {
    let (author_id, role) = author;
    if new.internal && !policy::can_triage(role) {
        return Err(Error::Forbidden);
    }
    // Hidden and waiting ideas take comments from the team (and a waiting
    // one from its author) only.
    if !policy::can_triage(role) {
        crate::service::ideas::visible(state, idea_id, Some(author)).await?;
    }
    let body = new.validate().map_err(Error::Validation)?;
    let inserted = state
        .store
        .insert_comment(
            idea_id,
            new.parent_id,
            author_id,
            &markdown::rendered(body.as_str()),
            new.internal,
            now_ms(),
        )
        .await?;
    match inserted {
        CommentInsert::Created(id) => get(state, id, true).await,
        CommentInsert::NoSuchIdea => Err(crate::service::ideas::missing_or_merged(state, idea_id).await),
        CommentInsert::BadParent => Err(Error::invalid("parent_id", Problem::Invalid)),
    }
}

async fn get(state: &AppState, id: i64, with_internal: bool) -> Result<Comment> {
    state
        .store
        .comment(id, with_internal)
        .await?
        .map(to_wire)
        .ok_or(Error::NotFound)
}

/// The comment, if `user_id` wrote it: 404 if it does not exist (internal
/// notes exist only for product managers), 403 if it is somebody else's.
async fn own(state: &AppState, id: i64, user: (i64, Role)) -> Result<CommentRow> {
    let (user_id, role) = user;
    let row = state
        .store
        .comment(id, policy::can_triage(role))
        .await?
        .ok_or(Error::NotFound)?;
    if row.author_id == user_id {
        Ok(row)
    } else {
        Err(Error::Forbidden)
    }
}

pub async fn edit(state: &AppState, id: i64, user: (i64, Role), edit: CommentEdit) -> Result<Comment> {
    let user_id = user.0;
    let row = own(state, id, user).await?;
    let body = edit.validate().map_err(Error::Validation)?;
    state
        .store
        .update_comment(id, user_id, &markdown::rendered(body.as_str()), now_ms())
        .await?;
    get(state, id, row.internal).await
}

pub async fn delete(state: &AppState, id: i64, user: (i64, Role)) -> Result<()> {
    own(state, id, user).await?;
    Ok(state.store.delete_comment(id, user.0, now_ms()).await?)
}

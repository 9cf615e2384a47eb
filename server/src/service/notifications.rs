//! Following ideas and reading notifications.

use crate::domain::page::page_of;
use crate::domain::time::{now_ms, rfc3339};
use crate::error::{Error, Result};
use crate::state::AppState;
use crate::store::NotificationRow;
use schwarm_wire::{FieldErrors, FollowState, MarkRead, Notification, Page, Problem, UnreadCount};
use serde::Deserialize;

pub const PAGE: u32 = 30;
/// The most ids one "mark read" request may name.
pub const MARK_MAX: usize = 500;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// The `next_cursor` of the page before.
    #[param(pattern = "^[0-9]{0,18}$")]
    pub cursor: Option<String>,
}

fn to_wire(row: NotificationRow) -> Notification {
    Notification {
        id: row.id,
        kind: row.kind,
        idea_id: row.idea_id,
        idea_title: row.idea_title,
        actor_name: row.actor_name,
        detail: row.detail,
        created_at: rfc3339(row.created_at),
        read: row.read,
    }
}

pub async fn follow(state: &AppState, idea_id: i64, user_id: i64, on: bool) -> Result<FollowState> {
    let following = state
        .store
        .set_follow(idea_id, user_id, on, now_ms())
        .await?
        .ok_or(Error::NotFound)?;
    Ok(FollowState { following })
}

pub async fn list(state: &AppState, user_id: i64, params: &ListParams) -> Result<Page<Notification>> {
    // Newest first: the cursor is the last id shown.
    let before = match params.cursor.as_deref() {
        None | Some("") => i64::MAX,
        Some(c) => crate::domain::cursor::parse_id(c).ok_or_else(|| Error::invalid("cursor", Problem::Invalid))?,
    };
    let rows = state.store.notifications(user_id, before, PAGE + 1).await?;
    Ok(page_of(rows, PAGE, |r| r.id.to_string(), to_wire))
}

pub async fn unread(state: &AppState, user_id: i64) -> Result<UnreadCount> {
    Ok(UnreadCount {
        unread: state.store.unread_count(user_id).await?,
    })
}

pub async fn mark_read(state: &AppState, user_id: i64, request: MarkRead) -> Result<UnreadCount> {
    if request.ids.as_ref().is_some_and(|ids| ids.len() > MARK_MAX) {
        let mut errors = FieldErrors::default();
        errors.insert("ids", Problem::TooLong(MARK_MAX));
        return Err(Error::Validation(errors));
    }
    state.store.mark_read(user_id, request.ids.as_deref(), now_ms()).await?;
    unread(state, user_id).await
}

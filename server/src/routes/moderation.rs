//! Moderation: ideas and comments hidden, restored, marked as spam or
//! approved; members blocked; boards that ask for approval.

use crate::error::Result;
use crate::extract::{AdminUser, Json, Path, PmUser};
use crate::service::moderation;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::put;
use axum::Router;
use schwarm_wire::{BlockInput, Board, BoardSettings, CommentModerationInput, IdeaModerationInput, TriageIdea};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/ideas/{id}/moderation", put(idea))
        .route("/comments/{id}/moderation", put(comment))
        .route("/users/{id}/block", put(block))
        .route("/admin/boards/{slug}", put(board))
}

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(idea, comment, block, board))]
pub(super) struct Api;

#[utoipa::path(put, path = "/api/v1/ideas/{id}/moderation", operation_id = "moderate_idea", tag = "moderation",
    params(("id" = i64, Path, description = "The idea's id")), request_body = IdeaModerationInput,
    responses((status = 200, body = TriageIdea)),
    security(("session" = []), ("bearer" = [])))]
async fn idea(
    State(state): State<AppState>,
    pm: PmUser,
    Path(id): Path<i64>,
    Json(input): Json<IdeaModerationInput>,
) -> Result<axum::Json<TriageIdea>> {
    Ok(axum::Json(moderation::idea(&state, id, pm.0.id(), input).await?))
}

#[utoipa::path(put, path = "/api/v1/comments/{id}/moderation", operation_id = "moderate_comment", tag = "moderation",
    params(("id" = i64, Path, description = "The comment's id")), request_body = CommentModerationInput,
    responses((status = 204, description = "Hidden or restored; the idea's counter follows")),
    security(("session" = []), ("bearer" = [])))]
async fn comment(
    State(state): State<AppState>,
    pm: PmUser,
    Path(id): Path<i64>,
    Json(input): Json<CommentModerationInput>,
) -> Result<StatusCode> {
    moderation::comment(&state, id, pm.0.id(), input).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(put, path = "/api/v1/users/{id}/block", operation_id = "block_user", tag = "moderation",
    params(("id" = i64, Path, description = "The member's id")), request_body = BlockInput,
    responses((status = 204, description = "Blocked members may read, not post, vote or comment")),
    security(("session" = []), ("bearer" = [])))]
async fn block(
    State(state): State<AppState>,
    _pm: PmUser,
    Path(id): Path<i64>,
    Json(input): Json<BlockInput>,
) -> Result<StatusCode> {
    moderation::block(&state, id, input).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(put, path = "/api/v1/admin/boards/{slug}", operation_id = "board_settings", tag = "moderation",
    params(("slug" = String, Path, description = "The board's slug")), request_body = BoardSettings,
    responses((status = 200, body = Board)),
    security(("session" = []), ("bearer" = [])))]
async fn board(
    State(state): State<AppState>,
    _admin: AdminUser,
    Path(slug): Path<String>,
    Json(input): Json<BoardSettings>,
) -> Result<axum::Json<Board>> {
    Ok(axum::Json(moderation::board(&state, &slug, input).await?))
}

use crate::error::Result;
use crate::extract::{ActiveUser, Json, MaybeAuthUser, Path, Poster, Query};
use crate::service::comments::{self, ListParams};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, patch};
use axum::Router;
use schwarm_wire::{Comment, CommentEdit, NewComment, Page};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/ideas/{id}/comments", get(list).post(create))
        .route("/comments/{id}", patch(edit).delete(remove))
}

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, create, edit, remove))]
pub(super) struct Api;

#[utoipa::path(
    get,
    path = "/api/v1/ideas/{id}/comments",
    operation_id = "list_comments",
    tag = "comments",
    params(("id" = i64, Path, description = "The idea's id"), ListParams),
    responses((status = 200, body = Page<Comment>))
)]
async fn list(
    State(state): State<AppState>,
    viewer: MaybeAuthUser,
    Path(idea_id): Path<i64>,
    Query(params): Query<ListParams>,
) -> Result<axum::Json<Page<Comment>>> {
    Ok(axum::Json(
        comments::list(&state, idea_id, &params, viewer.who()).await?,
    ))
}

#[utoipa::path(
    post,
    path = "/api/v1/ideas/{id}/comments",
    operation_id = "create_comment",
    tag = "comments",
    params(("id" = i64, Path, description = "The idea's id")),
    request_body = NewComment,
    responses((status = 201, body = Comment)),
    security(("session" = []), ("bearer" = []))
)]
async fn create(
    State(state): State<AppState>,
    user: Poster,
    Path(idea_id): Path<i64>,
    Json(new): Json<NewComment>,
) -> Result<(StatusCode, axum::Json<Comment>)> {
    let comment = comments::create(&state, idea_id, user.0.who(), new).await?;
    Ok((StatusCode::CREATED, axum::Json(comment)))
}

#[utoipa::path(
    patch,
    path = "/api/v1/comments/{id}",
    operation_id = "edit_comment",
    tag = "comments",
    params(("id" = i64, Path, description = "The comment's id")),
    request_body = CommentEdit,
    responses((status = 200, body = Comment)),
    security(("session" = []), ("bearer" = []))
)]
async fn edit(
    State(state): State<AppState>,
    ActiveUser(user): ActiveUser,
    Path(id): Path<i64>,
    Json(edit): Json<CommentEdit>,
) -> Result<axum::Json<Comment>> {
    Ok(axum::Json(comments::edit(&state, id, user.who(), edit).await?))
}

#[utoipa::path(
    delete,
    path = "/api/v1/comments/{id}",
    operation_id = "delete_comment",
    tag = "comments",
    params(("id" = i64, Path, description = "The comment's id")),
    responses((status = 204, description = "Deleted with its replies")),
    security(("session" = []), ("bearer" = []))
)]
async fn remove(
    State(state): State<AppState>,
    ActiveUser(user): ActiveUser,
    Path(id): Path<i64>,
) -> Result<StatusCode> {
    comments::delete(&state, id, user.who()).await?;
    Ok(StatusCode::NO_CONTENT)
}

use crate::error::Result;
use crate::extract::{AuthUser, OptionalJson, Path, Query};
use crate::own_marks::{own, Own};
use crate::service::notifications::{self, ListParams};
use crate::state::AppState;
use axum::extract::State;
use axum::routing::{get, post, put};
use axum::Router;
use schwarm_wire::{FollowState, MarkRead, Notification, Page, UnreadCount};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/ideas/{id}/follow", put(follow).delete(unfollow))
        .route("/notifications", get(list))
        .route("/notifications/unread", get(unread))
        .route("/notifications/read", post(mark_read))
}

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(follow, unfollow, list, unread, mark_read))]
pub(super) struct Api;

#[utoipa::path(
    put,
    path = "/api/v1/ideas/{id}/follow",
    operation_id = "follow",
    tag = "notifications",
    params(("id" = i64, Path, description = "The idea's id")),
    responses((status = 200, body = FollowState)),
    security(("session" = []), ("bearer" = []))
)]
async fn follow(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Own<FollowState>> {
    let following = notifications::follow(&state, id, user.id(), true).await?;
    Ok(own(user.id(), following))
}

#[utoipa::path(
    delete,
    path = "/api/v1/ideas/{id}/follow",
    operation_id = "unfollow",
    tag = "notifications",
    params(("id" = i64, Path, description = "The idea's id")),
    responses((status = 200, body = FollowState)),
    security(("session" = []), ("bearer" = []))
)]
async fn unfollow(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Own<FollowState>> {
    let following = notifications::follow(&state, id, user.id(), false).await?;
    Ok(own(user.id(), following))
}

#[utoipa::path(
    get,
    path = "/api/v1/notifications",
    operation_id = "list_notifications",
    tag = "notifications",
    params(ListParams),
    responses((status = 200, body = Page<Notification>)),
    security(("session" = []), ("bearer" = []))
)]
async fn list(
    State(state): State<AppState>,
    user: AuthUser,
    Query(params): Query<ListParams>,
) -> Result<axum::Json<Page<Notification>>> {
    Ok(axum::Json(notifications::list(&state, user.id(), &params).await?))
}

#[utoipa::path(
    get,
    path = "/api/v1/notifications/unread",
    operation_id = "unread_notifications",
    tag = "notifications",
    responses((status = 200, body = UnreadCount)),
    security(("session" = []), ("bearer" = []))
)]
async fn unread(State(state): State<AppState>, user: AuthUser) -> Result<axum::Json<UnreadCount>> {
    Ok(axum::Json(notifications::unread(&state, user.id()).await?))
}

#[utoipa::path(
    post,
    path = "/api/v1/notifications/read",
    operation_id = "mark_read",
    tag = "notifications",
    request_body = Option<MarkRead>,
    responses((status = 200, body = UnreadCount)),
    security(("session" = []), ("bearer" = []))
)]
async fn mark_read(
    State(state): State<AppState>,
    user: AuthUser,
    OptionalJson(request): OptionalJson<MarkRead>,
) -> Result<axum::Json<UnreadCount>> {
    Ok(axum::Json(notifications::mark_read(&state, user.id(), request).await?))
}

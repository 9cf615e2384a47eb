use crate::error::Result;
use crate::extract::{AuthUser, OptionalJson, Path, Query};
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

async fn follow(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<axum::Json<FollowState>> {
    Ok(axum::Json(notifications::follow(&state, id, user.id(), true).await?))
}

async fn unfollow(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
) -> Result<axum::Json<FollowState>> {
    Ok(axum::Json(notifications::follow(&state, id, user.id(), false).await?))
}

async fn list(
    State(state): State<AppState>,
    user: AuthUser,
    Query(params): Query<ListParams>,
) -> Result<axum::Json<Page<Notification>>> {
    Ok(axum::Json(notifications::list(&state, user.id(), &params).await?))
}

async fn unread(State(state): State<AppState>, user: AuthUser) -> Result<axum::Json<UnreadCount>> {
    Ok(axum::Json(notifications::unread(&state, user.id()).await?))
}

async fn mark_read(
    State(state): State<AppState>,
    user: AuthUser,
    OptionalJson(request): OptionalJson<MarkRead>,
) -> Result<axum::Json<UnreadCount>> {
    Ok(axum::Json(notifications::mark_read(&state, user.id(), request).await?))
}

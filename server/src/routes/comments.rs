use crate::error::Result;
use crate::extract::{AuthUser, Json, Path, Poster, Query};
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

async fn list(
    State(state): State<AppState>,
    Path(idea_id): Path<i64>,
    Query(params): Query<ListParams>,
) -> Result<axum::Json<Page<Comment>>> {
    Ok(axum::Json(comments::list(&state, idea_id, &params).await?))
}

async fn create(
    State(state): State<AppState>,
    user: Poster,
    Path(idea_id): Path<i64>,
    Json(new): Json<NewComment>,
) -> Result<(StatusCode, axum::Json<Comment>)> {
    let comment = comments::create(&state, idea_id, user.id(), new).await?;
    Ok((StatusCode::CREATED, axum::Json(comment)))
}

async fn edit(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    Json(edit): Json<CommentEdit>,
) -> Result<axum::Json<Comment>> {
    Ok(axum::Json(comments::edit(&state, id, user.id(), edit).await?))
}

async fn remove(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<StatusCode> {
    comments::delete(&state, id, user.id()).await?;
    Ok(StatusCode::NO_CONTENT)
}

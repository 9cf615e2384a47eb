use crate::error::Result;
use crate::extract::{AuthUser, Json, MaybeAuthUser, Path, PmUser, Poster, Query, Voter};
use crate::service::ideas::{self, ListParams};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, put};
use axum::Router;
use schwarm_wire::{Idea, IdeaEdit, NewIdea, Page, StatusChange, VoteState, Voters};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/ideas", get(list).post(create))
        .route("/ideas/similar", get(similar))
        .route("/ideas/{id}", get(show).patch(edit).delete(remove))
        .route("/ideas/{id}/vote", put(vote).delete(unvote))
        .route("/ideas/{id}/voters", get(voters))
        .route("/ideas/{id}/status", put(set_status))
}

async fn list(
    State(state): State<AppState>,
    viewer: MaybeAuthUser,
    Query(params): Query<ListParams>,
) -> Result<axum::Json<Page<Idea>>> {
    Ok(axum::Json(ideas::list(&state, &params, viewer.id()).await?))
}

#[derive(serde::Deserialize)]
struct SimilarParams {
    #[serde(default)]
    q: String,
}

/// Duplicate hints: `{"items": [...]}` with at most five ideas.
async fn similar(
    State(state): State<AppState>,
    viewer: MaybeAuthUser,
    Query(params): Query<SimilarParams>,
) -> Result<axum::Json<Page<Idea>>> {
    let items = ideas::similar(&state, &params.q, viewer.id()).await?;
    Ok(axum::Json(Page {
        items,
        next_cursor: None,
    }))
}

async fn show(State(state): State<AppState>, viewer: MaybeAuthUser, Path(id): Path<i64>) -> Result<axum::Json<Idea>> {
    Ok(axum::Json(ideas::get(&state, id, viewer.id()).await?))
}

async fn create(
    State(state): State<AppState>,
    user: Poster,
    Json(new): Json<NewIdea>,
) -> Result<(StatusCode, axum::Json<Idea>)> {
    let idea = ideas::create(&state, user.id(), new).await?;
    Ok((StatusCode::CREATED, axum::Json(idea)))
}

async fn edit(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    Json(edit): Json<IdeaEdit>,
) -> Result<axum::Json<Idea>> {
    Ok(axum::Json(ideas::edit(&state, id, user.id(), edit).await?))
}

async fn remove(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<StatusCode> {
    ideas::delete(&state, id, user.id()).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn voters(State(state): State<AppState>, Path(id): Path<i64>) -> Result<axum::Json<Voters>> {
    Ok(axum::Json(ideas::voters(&state, id).await?))
}

async fn vote(State(state): State<AppState>, user: Voter, Path(id): Path<i64>) -> Result<axum::Json<VoteState>> {
    Ok(axum::Json(ideas::vote(&state, id, user.id(), true).await?))
}

async fn unvote(State(state): State<AppState>, user: Voter, Path(id): Path<i64>) -> Result<axum::Json<VoteState>> {
    Ok(axum::Json(ideas::vote(&state, id, user.id(), false).await?))
}

async fn set_status(
    State(state): State<AppState>,
    pm: PmUser,
    Path(id): Path<i64>,
    Json(change): Json<StatusChange>,
) -> Result<axum::Json<Idea>> {
    Ok(axum::Json(ideas::set_status(&state, id, pm.0.id(), change).await?))
}

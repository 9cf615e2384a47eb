//! The public roadmap and changelog, the team's changelog editing, and the
//! Atom feed at `/changelog.atom`.

use crate::error::Result;
use crate::extract::{Json, MaybeAuthUser, Path, PmUser, Query};
use crate::service::publishing;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, put};
use axum::Router;
use schwarm_wire::{ChangelogEntry, ChangelogInput, Page, RoadmapColumn};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/roadmap", get(roadmap))
        .route("/changelog", get(changelog).post(create))
        .route("/changelog/{id}", put(update).delete(remove))
        .route("/triage/changelog", get(all_entries))
}

/// `/changelog.atom`, outside `/api` where feed readers look for it.
pub fn feed_router() -> Router<AppState> {
    Router::new().route("/changelog.atom", get(atom))
}

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(roadmap, changelog, all_entries, create, update, remove))]
pub(super) struct Api;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct RoadmapParams {
    /// Only this board's ideas (its slug).
    board: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/roadmap", operation_id = "roadmap", tag = "publishing",
    params(RoadmapParams),
    responses((status = 200, description = "A column per roadmap status, in order", body = Vec<RoadmapColumn>)))]
async fn roadmap(
    State(state): State<AppState>,
    viewer: MaybeAuthUser,
    Query(params): Query<RoadmapParams>,
) -> Result<axum::Json<Vec<RoadmapColumn>>> {
    let board = params.board.filter(|b| !b.trim().is_empty());
    Ok(axum::Json(publishing::roadmap(&state, board, viewer.id()).await?))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct ChangelogParams {
    /// The `next_cursor` of the page before.
    #[param(pattern = r"^([0-9a-f]{1,16}\.[0-9]{1,18})?$")]
    cursor: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/changelog", operation_id = "changelog", tag = "publishing",
    params(ChangelogParams),
    responses((status = 200, description = "Published entries, newest first", body = Page<ChangelogEntry>)))]
async fn changelog(
    State(state): State<AppState>,
    Query(params): Query<ChangelogParams>,
) -> Result<axum::Json<Page<ChangelogEntry>>> {
    Ok(axum::Json(
        publishing::changelog(&state, params.cursor.as_deref()).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/triage/changelog", operation_id = "changelog_drafts", tag = "publishing",
    responses((status = 200, description = "Every entry, drafts first", body = Vec<ChangelogEntry>)),
    security(("session" = []), ("bearer" = [])))]
async fn all_entries(State(state): State<AppState>, _pm: PmUser) -> Result<axum::Json<Vec<ChangelogEntry>>> {
    Ok(axum::Json(publishing::all_entries(&state).await?))
}

#[utoipa::path(post, path = "/api/v1/changelog", operation_id = "create_changelog", tag = "publishing",
    request_body = ChangelogInput,
    responses((status = 201, body = ChangelogEntry)),
    security(("session" = []), ("bearer" = [])))]
async fn create(
    State(state): State<AppState>,
    pm: PmUser,
    Json(input): Json<ChangelogInput>,
) -> Result<(StatusCode, axum::Json<ChangelogEntry>)> {
    let entry = publishing::save(&state, None, pm.0.id(), input).await?;
    Ok((StatusCode::CREATED, axum::Json(entry)))
}

#[utoipa::path(put, path = "/api/v1/changelog/{id}", operation_id = "update_changelog", tag = "publishing",
    params(("id" = i64, Path, description = "The entry's id")), request_body = ChangelogInput,
    responses((status = 200, body = ChangelogEntry)),
    security(("session" = []), ("bearer" = [])))]
async fn update(
    State(state): State<AppState>,
    pm: PmUser,
    Path(id): Path<i64>,
    Json(input): Json<ChangelogInput>,
) -> Result<axum::Json<ChangelogEntry>> {
    Ok(axum::Json(publishing::save(&state, Some(id), pm.0.id(), input).await?))
}

#[utoipa::path(delete, path = "/api/v1/changelog/{id}", operation_id = "delete_changelog", tag = "publishing",
    params(("id" = i64, Path, description = "The entry's id")),
    responses((status = 204, description = "Deleted")),
    security(("session" = []), ("bearer" = [])))]
async fn remove(State(state): State<AppState>, _pm: PmUser, Path(id): Path<i64>) -> Result<StatusCode> {
    publishing::delete(&state, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn atom(State(state): State<AppState>) -> Result<impl IntoResponse> {
    let xml = publishing::atom(&state).await?;
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], xml))
}

use crate::error::Result;
use crate::extract::{ActiveUser, Json, MaybeAuthUser, Path, PmUser, Poster, Query, Voter};
use crate::list_cache::IdeaList;
use crate::own_marks::{own, Own};
use crate::service::ideas::{self, ListParams};
use crate::service::member_lists;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::Router;
use bytes::Bytes;
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

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, similar, show, create, edit, remove, voters, vote, unvote, set_status))]
pub(super) struct Api;

#[utoipa::path(
    get,
    path = "/api/v1/ideas",
    operation_id = "list_ideas",
    tag = "ideas",
    params(ListParams),
    responses((status = 200, body = Page<Idea>)),
    security((), ("session" = []), ("bearer" = []))
)]
async fn list(
    State(state): State<AppState>,
    viewer: MaybeAuthUser,
    uri: Uri,
    Query(params): Query<ListParams>,
) -> Result<Response> {
    let viewer = viewer.id();
    // Visitors all see the same list (see `list_cache`); members see it
    // with their own marks (see `member_lists`).
    let key = uri.query().unwrap_or_default();
    let list = state
        .lists
        .serve(key, async {
            let page = ideas::list(&state, &params, None).await?;
            Ok::<_, crate::error::Error>(IdeaList::new(&page).map_err(anyhow::Error::from)?)
        })
        .await?;
    let Some(id) = viewer else {
        return Ok(json_bytes(list.body));
    };
    match member_lists::mark(&state, &list, id).await? {
        Some(body) => Ok(json_bytes(body)),
        None => Ok(axum::Json(ideas::list(&state, &params, Some(id)).await?).into_response()),
    }
}

fn json_bytes(body: Bytes) -> Response {
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))],
        body,
    )
        .into_response()
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct SimilarParams {
    /// The title (and description) typed so far.
    #[param(max_length = 200)]
    #[serde(default)]
    q: String,
}

/// Duplicate hints: `{"items": [...]}` with at most five ideas.
#[utoipa::path(
    get,
    path = "/api/v1/ideas/similar",
    operation_id = "similar_ideas",
    tag = "ideas",
    params(SimilarParams),
    responses((status = 200, description = "Up to five similar ideas", body = Page<Idea>)),
    security((), ("session" = []), ("bearer" = []))
)]
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

#[utoipa::path(
    get,
    path = "/api/v1/ideas/{id}",
    operation_id = "get_idea",
    tag = "ideas",
    params(("id" = i64, Path, description = "The idea's id")),
    responses((status = 200, body = Idea)),
    security((), ("session" = []), ("bearer" = []))
)]
async fn show(State(state): State<AppState>, viewer: MaybeAuthUser, Path(id): Path<i64>) -> Result<axum::Json<Idea>> {
    Ok(axum::Json(ideas::show(&state, id, viewer.who()).await?))
}

#[utoipa::path(
    post,
    path = "/api/v1/ideas",
    operation_id = "create_idea",
    tag = "ideas",
    request_body = NewIdea,
    responses((status = 201, body = Idea)),
    security(("session" = []), ("bearer" = []))
)]
async fn create(
    State(state): State<AppState>,
    user: Poster,
    Json(new): Json<NewIdea>,
) -> Result<(StatusCode, axum::Json<Idea>)> {
    let idea = ideas::create(&state, user.id(), new).await?;
    Ok((StatusCode::CREATED, axum::Json(idea)))
}

#[utoipa::path(
    patch,
    path = "/api/v1/ideas/{id}",
    operation_id = "edit_idea",
    tag = "ideas",
    params(("id" = i64, Path, description = "The idea's id")),
    request_body = IdeaEdit,
    responses((status = 200, body = Idea)),
    security(("session" = []), ("bearer" = []))
)]
async fn edit(
    State(state): State<AppState>,
    ActiveUser(user): ActiveUser,
    Path(id): Path<i64>,
    Json(edit): Json<IdeaEdit>,
) -> Result<axum::Json<Idea>> {
    Ok(axum::Json(ideas::edit(&state, id, user.id(), edit).await?))
}

#[utoipa::path(
    delete,
    path = "/api/v1/ideas/{id}",
    operation_id = "delete_idea",
    tag = "ideas",
    params(("id" = i64, Path, description = "The idea's id")),
    responses((status = 204, description = "Deleted with its votes and comments")),
    security(("session" = []), ("bearer" = []))
)]
async fn remove(
    State(state): State<AppState>,
    ActiveUser(user): ActiveUser,
    Path(id): Path<i64>,
) -> Result<StatusCode> {
    ideas::delete(&state, id, user.id()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    get,
    path = "/api/v1/ideas/{id}/voters",
    operation_id = "list_voters",
    tag = "ideas",
    params(("id" = i64, Path, description = "The idea's id")),
    responses((status = 200, body = Voters))
)]
async fn voters(
    State(state): State<AppState>,
    viewer: MaybeAuthUser,
    Path(id): Path<i64>,
) -> Result<axum::Json<Voters>> {
    Ok(axum::Json(ideas::voters(&state, id, viewer.who()).await?))
}

#[utoipa::path(
    put,
    path = "/api/v1/ideas/{id}/vote",
    operation_id = "vote",
    tag = "ideas",
    params(("id" = i64, Path, description = "The idea's id")),
    responses((status = 200, body = VoteState)),
    security(("session" = []), ("bearer" = []))
)]
async fn vote(State(state): State<AppState>, user: Voter, Path(id): Path<i64>) -> Result<Own<VoteState>> {
    let voted = ideas::vote(&state, id, user.user.id(), &user.ip, true).await?;
    Ok(own(user.user.id(), voted))
}

#[utoipa::path(
    delete,
    path = "/api/v1/ideas/{id}/vote",
    operation_id = "unvote",
    tag = "ideas",
    params(("id" = i64, Path, description = "The idea's id")),
    responses((status = 200, body = VoteState)),
    security(("session" = []), ("bearer" = []))
)]
async fn unvote(State(state): State<AppState>, user: Voter, Path(id): Path<i64>) -> Result<Own<VoteState>> {
    let voted = ideas::vote(&state, id, user.user.id(), &user.ip, false).await?;
    Ok(own(user.user.id(), voted))
}

#[utoipa::path(
    put,
    path = "/api/v1/ideas/{id}/status",
    operation_id = "set_status",
    tag = "triage",
    params(("id" = i64, Path, description = "The idea's id")),
    request_body = StatusChange,
    responses((status = 200, body = Idea)),
    security(("session" = []), ("bearer" = []))
)]
async fn set_status(
    State(state): State<AppState>,
    pm: PmUser,
    Path(id): Path<i64>,
    Json(change): Json<StatusChange>,
) -> Result<axum::Json<Idea>> {
    Ok(axum::Json(ideas::set_status(&state, id, pm.0.id(), change).await?))
}

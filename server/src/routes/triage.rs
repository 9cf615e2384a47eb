//! The product managers' and admins' endpoints: statuses, roles, the
//! triage list, merges and priorities.

use crate::error::Result;
use crate::extract::{AdminUser, Json, Path, PmUser, Query};
use crate::service::triage::{self, TriageParams};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::Router;
use schwarm_wire::{
    Idea, Member, MergeRequest, Page, PriorityInput, RoleChange, StatusDef, StatusInput, StatusOrder, TagsChange,
    Trends, TriageIdea,
};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/statuses", get(statuses))
        .route("/admin/statuses", post(add_status))
        .route("/admin/statuses/{key}", put(edit_status))
        .route("/admin/status-order", put(reorder_statuses))
        .route("/admin/users", get(members))
        .route("/admin/users/{id}/role", put(set_role))
        .route("/triage/ideas", get(list))
        .route("/triage/trends", get(trends))
        .route("/ideas/{id}/merge", post(merge).delete(unmerge))
        .route("/ideas/{id}/triage", get(show))
        .route("/ideas/{id}/priority", put(set_priority))
        .route("/ideas/{id}/tags", put(set_tags))
}

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(
    statuses,
    add_status,
    edit_status,
    reorder_statuses,
    members,
    set_role,
    list,
    trends,
    show,
    merge,
    unmerge,
    set_priority,
    set_tags
))]
pub(super) struct Api;

#[utoipa::path(get, path = "/api/v1/statuses", operation_id = "list_statuses", tag = "triage",
    responses((status = 200, description = "Every status, in order", body = Vec<StatusDef>)))]
async fn statuses(State(state): State<AppState>) -> Result<axum::Json<Vec<StatusDef>>> {
    Ok(axum::Json(triage::statuses(&state).await?))
}

#[utoipa::path(post, path = "/api/v1/admin/statuses", operation_id = "add_status", tag = "triage",
    request_body = StatusInput,
    responses((status = 201, description = "Added at the end; every status", body = Vec<StatusDef>)),
    security(("session" = []), ("bearer" = [])))]
async fn add_status(
    State(state): State<AppState>,
    _admin: AdminUser,
    Json(input): Json<StatusInput>,
) -> Result<(StatusCode, axum::Json<Vec<StatusDef>>)> {
    Ok((
        StatusCode::CREATED,
        axum::Json(triage::add_status(&state, input).await?),
    ))
}

#[utoipa::path(put, path = "/api/v1/admin/statuses/{key}", operation_id = "edit_status", tag = "triage",
    params(("key" = String, Path, description = "The status's key")), request_body = StatusInput,
    responses((status = 200, description = "Every status", body = Vec<StatusDef>)),
    security(("session" = []), ("bearer" = [])))]
async fn edit_status(
    State(state): State<AppState>,
    _admin: AdminUser,
    Path(key): Path<String>,
    Json(input): Json<StatusInput>,
) -> Result<axum::Json<Vec<StatusDef>>> {
    Ok(axum::Json(triage::edit_status(&state, &key, input).await?))
}

#[utoipa::path(put, path = "/api/v1/admin/status-order", operation_id = "reorder_statuses", tag = "triage",
    request_body = StatusOrder,
    responses((status = 200, description = "Every status, in the new order", body = Vec<StatusDef>)),
    security(("session" = []), ("bearer" = [])))]
async fn reorder_statuses(
    State(state): State<AppState>,
    _admin: AdminUser,
    Json(order): Json<StatusOrder>,
) -> Result<axum::Json<Vec<StatusDef>>> {
    Ok(axum::Json(triage::reorder_statuses(&state, order).await?))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct MemberParams {
    /// Part of an email address or name.
    #[param(max_length = 200)]
    q: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/admin/users", operation_id = "list_members", tag = "triage",
    params(MemberParams),
    responses((status = 200, description = "Admins first, then product managers, then members", body = Vec<Member>)),
    security(("session" = []), ("bearer" = [])))]
async fn members(
    State(state): State<AppState>,
    _admin: AdminUser,
    Query(params): Query<MemberParams>,
) -> Result<axum::Json<Vec<Member>>> {
    Ok(axum::Json(triage::members(&state, params.q.as_deref()).await?))
}

#[utoipa::path(put, path = "/api/v1/admin/users/{id}/role", operation_id = "set_role", tag = "triage",
    params(("id" = i64, Path, description = "The user's id")), request_body = RoleChange,
    responses((status = 204, description = "Changed; it applies to the user's next request")),
    security(("session" = []), ("bearer" = [])))]
async fn set_role(
    State(state): State<AppState>,
    _admin: AdminUser,
    Path(id): Path<i64>,
    Json(change): Json<RoleChange>,
) -> Result<StatusCode> {
    triage::set_role(&state, id, change).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/triage/ideas", operation_id = "triage_ideas", tag = "triage",
    params(TriageParams),
    responses((status = 200, body = Page<TriageIdea>)),
    security(("session" = []), ("bearer" = [])))]
async fn list(
    State(state): State<AppState>,
    pm: PmUser,
    Query(params): Query<TriageParams>,
) -> Result<axum::Json<Page<TriageIdea>>> {
    Ok(axum::Json(triage::list(&state, params, pm.0.id()).await?))
}

#[utoipa::path(get, path = "/api/v1/ideas/{id}/triage", operation_id = "triage_idea", tag = "triage",
    params(("id" = i64, Path, description = "The idea's id")),
    responses((status = 200, description = "The idea with its priority and internal-note count", body = TriageIdea)),
    security(("session" = []), ("bearer" = [])))]
async fn show(State(state): State<AppState>, pm: PmUser, Path(id): Path<i64>) -> Result<axum::Json<TriageIdea>> {
    Ok(axum::Json(triage::get(&state, id, pm.0.id()).await?))
}

#[utoipa::path(post, path = "/api/v1/ideas/{id}/merge", operation_id = "merge_idea", tag = "triage",
    params(("id" = i64, Path, description = "The duplicate, merged into `into`")), request_body = MergeRequest,
    responses((status = 200, description = "The merged idea, pointing at its target", body = Idea)),
    security(("session" = []), ("bearer" = [])))]
async fn merge(
    State(state): State<AppState>,
    pm: PmUser,
    Path(id): Path<i64>,
    Json(request): Json<MergeRequest>,
) -> Result<axum::Json<Idea>> {
    Ok(axum::Json(triage::merge(&state, id, pm.0.id(), request).await?))
}

#[utoipa::path(delete, path = "/api/v1/ideas/{id}/merge", operation_id = "unmerge_idea", tag = "triage",
    params(("id" = i64, Path, description = "A merged idea")),
    responses((status = 200, description = "The idea as it was before the merge", body = Idea)),
    security(("session" = []), ("bearer" = [])))]
async fn unmerge(State(state): State<AppState>, pm: PmUser, Path(id): Path<i64>) -> Result<axum::Json<Idea>> {
    Ok(axum::Json(triage::unmerge(&state, id, pm.0.id()).await?))
}

#[utoipa::path(put, path = "/api/v1/ideas/{id}/priority", operation_id = "set_priority", tag = "triage",
    params(("id" = i64, Path, description = "The idea's id")), request_body = PriorityInput,
    responses((status = 200, body = TriageIdea)),
    security(("session" = []), ("bearer" = [])))]
async fn set_priority(
    State(state): State<AppState>,
    pm: PmUser,
    Path(id): Path<i64>,
    Json(input): Json<PriorityInput>,
) -> Result<axum::Json<TriageIdea>> {
    Ok(axum::Json(triage::set_priority(&state, id, pm.0.id(), input).await?))
}

#[utoipa::path(put, path = "/api/v1/ideas/{id}/tags", operation_id = "set_tags", tag = "triage",
    params(("id" = i64, Path, description = "The idea's id")), request_body = TagsChange,
    responses((status = 200, body = Idea)),
    security(("session" = []), ("bearer" = [])))]
async fn set_tags(
    State(state): State<AppState>,
    pm: PmUser,
    Path(id): Path<i64>,
    Json(change): Json<TagsChange>,
) -> Result<axum::Json<Idea>> {
    Ok(axum::Json(triage::set_tags(&state, id, pm.0.id(), change).await?))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TrendParams {
    /// The period: the last this many days (1–365, default 30), compared
    /// with as many days before.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 365)]
    days: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/triage/trends", operation_id = "trends", tag = "triage",
    params(TrendParams),
    responses((status = 200, body = Trends)),
    security(("session" = []), ("bearer" = [])))]
async fn trends(
    State(state): State<AppState>,
    _pm: PmUser,
    Query(params): Query<TrendParams>,
) -> Result<axum::Json<Trends>> {
    Ok(axum::Json(
        crate::service::trends::trends(&state, params.days.as_deref()).await?,
    ))
}

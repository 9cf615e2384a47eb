//! `GET /api/v1/export.csv` and `GET /api/v1/export.json` (product
//! managers and admins).

use crate::error::Result;
use crate::extract::{PmUser, Query};
use crate::service::export;
use crate::service::ideas::ListParams;
use crate::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use schwarm_wire::ExportedIdea;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/export.csv", get(csv))
        .route("/export.json", get(json))
}

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(csv, json))]
pub(super) struct Api;

#[utoipa::path(get, path = "/api/v1/export.csv", operation_id = "export_csv", tag = "triage",
    params(ListParams),
    responses((status = 200, description = "One row per idea: id, title, status, votes, comments, tags, board, author, created_at, url", content_type = "text/csv", body = String)),
    security(("session" = []), ("bearer" = [])))]
async fn csv(State(state): State<AppState>, pm: PmUser, Query(params): Query<ListParams>) -> Result<impl IntoResponse> {
    let ideas = export::ideas(&state, &params, pm.0.id()).await?;
    let text = export::to_csv(&ideas)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"ideas.csv\""),
        ],
        text,
    ))
}

#[utoipa::path(get, path = "/api/v1/export.json", operation_id = "export_json", tag = "triage",
    params(ListParams),
    responses((status = 200, body = Vec<ExportedIdea>)),
    security(("session" = []), ("bearer" = [])))]
async fn json(
    State(state): State<AppState>,
    pm: PmUser,
    Query(params): Query<ListParams>,
) -> Result<impl IntoResponse> {
    let ideas = export::ideas(&state, &params, pm.0.id()).await?;
    Ok((
        [(header::CONTENT_DISPOSITION, "attachment; filename=\"ideas.json\"")],
        axum::Json(ideas),
    ))
}

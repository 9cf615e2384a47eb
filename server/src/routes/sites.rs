//! Embedding sites (admins) and the widget's configuration (public).

use crate::error::Result;
use crate::extract::{AdminUser, Json, Path, Query};
use crate::service::embed;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::Router;
use schwarm_wire::{EmbedConfig, Site, SiteInput, SiteWithSecret};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/sites", get(list).post(create))
        .route("/admin/sites/{id}", put(update).delete(remove))
        .route("/admin/sites/{id}/secret", post(rotate_secret))
        .route("/embed/{board}", get(config))
}

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, create, update, remove, rotate_secret, config))]
pub(super) struct Api;

#[utoipa::path(get, path = "/api/v1/admin/sites", operation_id = "list_sites", tag = "embedding",
    responses((status = 200, body = Vec<Site>)), security(("session" = []), ("bearer" = [])))]
async fn list(State(state): State<AppState>, _admin: AdminUser) -> Result<axum::Json<Vec<Site>>> {
    Ok(axum::Json(embed::list(&state).await?))
}

#[utoipa::path(post, path = "/api/v1/admin/sites", operation_id = "create_site", tag = "embedding",
    request_body = SiteInput,
    responses((status = 201, description = "Made; the SSO secret is shown this once", body = SiteWithSecret)),
    security(("session" = []), ("bearer" = [])))]
async fn create(
    State(state): State<AppState>,
    _admin: AdminUser,
    Json(input): Json<SiteInput>,
) -> Result<(StatusCode, axum::Json<SiteWithSecret>)> {
    Ok((StatusCode::CREATED, axum::Json(embed::create(&state, input).await?)))
}

#[utoipa::path(put, path = "/api/v1/admin/sites/{id}", operation_id = "update_site", tag = "embedding",
    params(("id" = i64, Path, description = "The site's id")), request_body = SiteInput,
    responses((status = 200, body = Site)), security(("session" = []), ("bearer" = [])))]
async fn update(
    State(state): State<AppState>,
    _admin: AdminUser,
    Path(id): Path<i64>,
    Json(input): Json<SiteInput>,
) -> Result<axum::Json<Site>> {
    Ok(axum::Json(embed::update(&state, id, input).await?))
}

#[utoipa::path(delete, path = "/api/v1/admin/sites/{id}", operation_id = "delete_site", tag = "embedding",
    params(("id" = i64, Path, description = "The site's id")),
    responses((status = 204, description = "Gone; its origin may no longer frame the widget")),
    security(("session" = []), ("bearer" = [])))]
async fn remove(State(state): State<AppState>, _admin: AdminUser, Path(id): Path<i64>) -> Result<StatusCode> {
    embed::delete(&state, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/admin/sites/{id}/secret", operation_id = "rotate_site_secret", tag = "embedding",
    params(("id" = i64, Path, description = "The site's id")),
    responses((status = 200, description = "A new secret, shown this once; the old one stops working", body = SiteWithSecret)),
    security(("session" = []), ("bearer" = [])))]
async fn rotate_secret(
    State(state): State<AppState>,
    _admin: AdminUser,
    Path(id): Path<i64>,
) -> Result<axum::Json<SiteWithSecret>> {
    Ok(axum::Json(embed::rotate_secret(&state, id).await?))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct ConfigParams {
    /// The origin of the page the widget is embedded in.
    #[serde(default)]
    host: String,
}

#[utoipa::path(get, path = "/api/v1/embed/{board}", operation_id = "embed_config", tag = "embedding",
    params(("board" = String, Path, description = "The board's slug"), ConfigParams),
    responses((status = 200, description = "The widget's site and theme; 404 unless the host may embed the board", body = EmbedConfig)))]
async fn config(
    State(state): State<AppState>,
    Path(board): Path<String>,
    Query(params): Query<ConfigParams>,
) -> Result<axum::Json<EmbedConfig>> {
    Ok(axum::Json(embed::config(&state, &board, &params.host).await?))
}

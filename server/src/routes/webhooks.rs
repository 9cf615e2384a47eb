//! Webhooks (admins).

use crate::error::Result;
use crate::extract::{AdminUser, Json, Path};
use crate::service::webhooks;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{delete, get};
use axum::Router;
use schwarm_wire::{Delivery, Webhook, WebhookInput, WebhookWithSecret};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/webhooks", get(list).post(create))
        .route("/admin/webhooks/{id}", delete(remove))
        .route("/admin/webhooks/{id}/deliveries", get(deliveries))
}

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, create, remove, deliveries))]
pub(super) struct Api;

#[utoipa::path(get, path = "/api/v1/admin/webhooks", operation_id = "list_webhooks", tag = "webhooks",
    responses((status = 200, body = Vec<Webhook>)), security(("session" = []), ("bearer" = [])))]
async fn list(State(state): State<AppState>, _admin: AdminUser) -> Result<axum::Json<Vec<Webhook>>> {
    Ok(axum::Json(webhooks::list(&state).await?))
}

#[utoipa::path(post, path = "/api/v1/admin/webhooks", operation_id = "create_webhook", tag = "webhooks",
    request_body = WebhookInput,
    responses((status = 201, description = "Registered; the signing secret is shown this once", body = WebhookWithSecret)),
    security(("session" = []), ("bearer" = [])))]
async fn create(
    State(state): State<AppState>,
    _admin: AdminUser,
    Json(input): Json<WebhookInput>,
) -> Result<(StatusCode, axum::Json<WebhookWithSecret>)> {
    Ok((StatusCode::CREATED, axum::Json(webhooks::create(&state, input).await?)))
}

#[utoipa::path(delete, path = "/api/v1/admin/webhooks/{id}", operation_id = "delete_webhook", tag = "webhooks",
    params(("id" = i64, Path, description = "The webhook's id")),
    responses((status = 204, description = "Removed with its deliveries")),
    security(("session" = []), ("bearer" = [])))]
async fn remove(State(state): State<AppState>, _admin: AdminUser, Path(id): Path<i64>) -> Result<StatusCode> {
    webhooks::delete(&state, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/admin/webhooks/{id}/deliveries", operation_id = "webhook_deliveries", tag = "webhooks",
    params(("id" = i64, Path, description = "The webhook's id")),
    responses((status = 200, description = "The newest deliveries first", body = Vec<Delivery>)),
    security(("session" = []), ("bearer" = [])))]
async fn deliveries(
    State(state): State<AppState>,
    _admin: AdminUser,
    Path(id): Path<i64>,
) -> Result<axum::Json<Vec<Delivery>>> {
    Ok(axum::Json(webhooks::deliveries(&state, id).await?))
}

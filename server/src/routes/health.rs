use crate::error::Result;
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

pub fn router() -> Router<AppState> {
    Router::new().route("/healthz", get(health))
}

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(health))]
pub(super) struct Api;

/// 200 when the server and its database answer; load balancers poll this.
#[utoipa::path(
    get,
    path = "/healthz",
    operation_id = "health",
    tag = "operations",
    responses((status = 200, description = "The server and its database answer", body = Object))
)]
async fn health(State(state): State<AppState>) -> Result<Json<Value>> {
    state.store.ping().await?;
    Ok(Json(json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") })))
}

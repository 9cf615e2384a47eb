use crate::error::Result;
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

pub fn router() -> Router<AppState> {
    Router::new().route("/healthz", get(health))
}

/// 200 when the server and its database answer; load balancers poll this.
async fn health(State(state): State<AppState>) -> Result<Json<Value>> {
    state.store.ping().await?;
    Ok(Json(json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") })))
}

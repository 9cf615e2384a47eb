//! HTTP only: extract, call the service, answer. Each module exposes
//! `router()`; `api_router` merges them under `/api/v1`.

mod auth;
mod boards;
mod comments;
mod email;
mod events;
mod health;
mod ideas;
mod notifications;
mod profile;

use crate::error::Error;
use crate::state::AppState;
use axum::Router;

pub use health::router as health_router;

/// Everything under `/api`. Unknown paths and methods answer in JSON, so the
/// SPA fallback never swallows an API typo.
pub fn api_router(state: &AppState) -> Router<AppState> {
    let v1 = Router::new()
        .merge(auth::router(state))
        .merge(ideas::router())
        .merge(boards::router())
        .merge(comments::router())
        .merge(email::router())
        .merge(events::router())
        .merge(notifications::router())
        .merge(profile::router());
    Router::new()
        .nest("/v1", v1)
        .fallback(|| async { Error::NotFound })
        .method_not_allowed_fallback(|| async { Error::MethodNotAllowed })
}

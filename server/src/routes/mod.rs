//! HTTP only: extract, call the service, answer. Each module exposes
//! `router()`; `api_router` merges them under `/api/v1`.

mod auth;
mod boards;
mod comments;
mod docs;
mod email;
pub(crate) mod events;
mod export;
mod health;
mod ideas;
mod moderation;
mod notifications;
mod profile;
mod publishing;
mod sites;
mod triage;
mod webhooks;

use crate::error::Error;
use crate::state::AppState;
use axum::Router;

pub use email::one_click_router as unsubscribe_router;
pub use health::router as health_router;
pub use publishing::feed_router;

/// Each route module's OpenAPI paths, merged by `crate::openapi`.
pub fn documented() -> Vec<utoipa::openapi::OpenApi> {
    use utoipa::OpenApi;
    vec![
        auth::Api::openapi(),
        profile::Api::openapi(),
        sites::Api::openapi(),
        triage::Api::openapi(),
        moderation::Api::openapi(),
        export::Api::openapi(),
        webhooks::Api::openapi(),
        publishing::Api::openapi(),
        email::Api::openapi(),
        boards::Api::openapi(),
        ideas::Api::openapi(),
        comments::Api::openapi(),
        notifications::Api::openapi(),
        events::Api::openapi(),
        health::Api::openapi(),
    ]
}

/// Everything under `/api`. Unknown paths and methods answer in JSON, so the
/// SPA fallback never swallows an API typo.
pub fn api_router(state: &AppState) -> Router<AppState> {
    let v1 = Router::new()
        .merge(auth::router(state))
        .merge(ideas::router())
        .merge(boards::router())
        .merge(comments::router())
        .merge(docs::router())
        .merge(email::router())
        .merge(events::router())
        .merge(notifications::router())
        .merge(profile::router())
        .merge(sites::router())
        .merge(triage::router())
        .merge(moderation::router())
        .merge(export::router())
        .merge(webhooks::router())
        .merge(publishing::router());
    Router::new()
        .nest("/v1", v1)
        .merge(docs::page_router())
        .fallback(|| async { Error::NotFound })
        .method_not_allowed_fallback(|| async { Error::MethodNotAllowed })
}

use crate::error::Result;
use crate::extract::{AuthUser, Json, Query};
use crate::service::email;
use crate::state::AppState;
use axum::extract::State;
use axum::routing::{get, post};
use axum::Router;
use schwarm_wire::{EmailPreferences, Unsubscribe, Unsubscribed};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/email", get(preferences).put(set_preferences))
        .route("/email/unsubscribe", post(unsubscribe))
}

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(preferences, set_preferences, unsubscribe))]
pub(super) struct Api;

#[utoipa::path(
    get,
    path = "/api/v1/me/email",
    operation_id = "get_email_preferences",
    tag = "account",
    responses((status = 200, body = EmailPreferences)),
    security(("session" = []), ("bearer" = []))
)]
async fn preferences(State(state): State<AppState>, user: AuthUser) -> Result<axum::Json<EmailPreferences>> {
    Ok(axum::Json(email::preferences(&state, user.id()).await?))
}

#[utoipa::path(
    put,
    path = "/api/v1/me/email",
    operation_id = "set_email_preferences",
    tag = "account",
    request_body = EmailPreferences,
    responses((status = 200, body = EmailPreferences)),
    security(("session" = []), ("bearer" = []))
)]
async fn set_preferences(
    State(state): State<AppState>,
    user: AuthUser,
    Json(prefs): Json<EmailPreferences>,
) -> Result<axum::Json<EmailPreferences>> {
    Ok(axum::Json(email::set_preferences(&state, user.id(), prefs).await?))
}

/// RFC 8058 one-click unsubscribe: mail programs POST
/// `List-Unsubscribe=One-Click` to the link itself (`/unsubscribe?token=…&kind=…`,
/// outside `/api`). Opening the link (GET) shows the web app's page, which
/// asks the API; nothing changes on a GET.
pub fn one_click_router(dist: &std::path::Path) -> Router<AppState> {
    let page = crate::static_files::more_page(dist);
    Router::new().route("/unsubscribe", post(one_click).fallback_service(page))
}

#[derive(serde::Deserialize)]
struct OneClick {
    #[serde(default)]
    token: String,
    kind: schwarm_wire::EmailKind,
}

async fn one_click(State(state): State<AppState>, Query(link): Query<OneClick>) -> Result<axum::Json<Unsubscribed>> {
    let req = Unsubscribe {
        token: link.token,
        kind: link.kind,
    };
    Ok(axum::Json(email::unsubscribe(&state, req).await?))
}

/// No session needed: the token from the email's link is the permission.
#[utoipa::path(
    post,
    path = "/api/v1/email/unsubscribe",
    operation_id = "unsubscribe",
    tag = "account",
    request_body = Unsubscribe,
    responses((status = 200, body = Unsubscribed))
)]
async fn unsubscribe(State(state): State<AppState>, Json(req): Json<Unsubscribe>) -> Result<axum::Json<Unsubscribed>> {
    Ok(axum::Json(email::unsubscribe(&state, req).await?))
}

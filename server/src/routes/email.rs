use crate::error::Result;
use crate::extract::{AuthUser, Json};
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

async fn preferences(State(state): State<AppState>, user: AuthUser) -> Result<axum::Json<EmailPreferences>> {
    Ok(axum::Json(email::preferences(&state, user.id()).await?))
}

async fn set_preferences(
    State(state): State<AppState>,
    user: AuthUser,
    Json(prefs): Json<EmailPreferences>,
) -> Result<axum::Json<EmailPreferences>> {
    Ok(axum::Json(email::set_preferences(&state, user.id(), prefs).await?))
}

/// No session needed: the token from the email's link is the permission.
async fn unsubscribe(State(state): State<AppState>, Json(req): Json<Unsubscribe>) -> Result<axum::Json<Unsubscribed>> {
    Ok(axum::Json(email::unsubscribe(&state, req).await?))
}

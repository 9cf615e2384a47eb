//! Email preferences and unsubscribing (the sending is `workers::email`).

use crate::error::{Error, Result};
use crate::state::AppState;
use schwarm_wire::{EmailPreferences, FieldErrors, Problem, Unsubscribe, Unsubscribed};

/// Unsubscribe tokens are 43 characters (see `domain::token`); anything
/// much longer is not one and is not looked up.
const TOKEN_MAX: usize = 128;

pub async fn preferences(state: &AppState, user_id: i64) -> Result<EmailPreferences> {
    Ok(state.store.email_preferences(user_id).await?)
}

pub async fn set_preferences(state: &AppState, user_id: i64, prefs: EmailPreferences) -> Result<EmailPreferences> {
    state.store.set_email_preferences(user_id, &prefs).await?;
    preferences(state, user_id).await
}

pub async fn unsubscribe(state: &AppState, req: Unsubscribe) -> Result<Unsubscribed> {
    let token = req.token.trim();
    if token.is_empty() || token.len() > TOKEN_MAX {
        let mut errors = FieldErrors::default();
        errors.insert("token", Problem::Invalid);
        return Err(Error::Validation(errors));
    }
    let preferences = state.store.unsubscribe(token, req.kind).await?.ok_or(Error::NotFound)?;
    Ok(Unsubscribed {
        kind: req.kind,
        preferences,
    })
}

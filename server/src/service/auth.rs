//! Registration, sign-in and sessions.

use crate::domain::time::{now_ms, MINUTE_MS};
use crate::domain::{password, token};
use crate::error::{Error, Result, ResultExt};
use crate::state::AppState;
use crate::store::{NewUser, UserRow};
use schwarm_wire::error::codes;
use schwarm_wire::validate::Email;
use schwarm_wire::{LoginRequest, PasswordChange, Problem, ProfileEdit, RegisterRequest, Role, User};

/// A fresh session: the token goes into the cookie, never into the database.
pub struct NewSession {
    pub token: String,
    pub user: User,
}

pub fn to_wire(row: &UserRow) -> User {
    User {
        id: row.id,
        email: row.email.clone(),
        display_name: row.display_name.clone(),
        role: row.role(),
    }
}

pub async fn register(state: &AppState, req: RegisterRequest) -> Result<NewSession> {
    let valid = req.validate().map_err(Error::Validation)?;
    let hash = password::hash(valid.password.into_inner()).await?;
    let now = now_ms();
    let new_user = NewUser {
        email: valid.email.as_str(),
        display_name: valid.display_name.as_str(),
        password_hash: &hash,
        role: Role::Member,
    };
    let id = state
        .store
        .insert_user(new_user, now)
        .await
        .on_unique_violation(codes::EMAIL_TAKEN, "an account with this email exists; sign in instead")?;
    let user = User {
        id,
        email: valid.email.into_inner(),
        display_name: valid.display_name.into_inner(),
        role: Role::Member,
    };
    start_session(state, user).await
}

/// Signs in. Unknown email and wrong password give the same error after the
/// same work (see `password::verify`).
pub async fn login(state: &AppState, req: LoginRequest) -> Result<NewSession> {
    req.validate().map_err(Error::Validation)?;
    let email = Email::normalize(&req.email);
    let row = state.store.user_by_email(&email).await?;
    let stored = row.as_ref().map(|r| r.password_hash.clone());
    if !password::verify(req.password, stored).await? {
        return Err(Error::InvalidCredentials);
    }
    let row = row.ok_or(Error::InvalidCredentials)?;
    start_session(state, to_wire(&row)).await
}

/// Always a new token: a session id is never carried over a sign-in.
async fn start_session(state: &AppState, user: User) -> Result<NewSession> {
    let token = token::new_token();
    let now = now_ms();
    state
        .store
        .insert_session(&token::hash_token(&token), user.id, now, now + state.sessions.max_ms)
        .await?;
    Ok(NewSession { token, user })
}

pub async fn logout(state: &AppState, token: &str) -> Result<()> {
    Ok(state.store.delete_session(&token::hash_token(token)).await?)
}

/// The user behind a session token, if the session is alive. The session's
/// idle clock needs minute precision, not a write per request: it is marked
/// as seen (in the next batch, `last_seen`) once it is a minute behind.
pub async fn authenticate(state: &AppState, token: &str) -> Result<Option<UserRow>> {
    let now = now_ms();
    let idle_cutoff = now - state.sessions.idle_ms;
    let token_hash = token::hash_token(token);
    let Some(found) = state.store.session_user(&token_hash, now, idle_cutoff).await? else {
        return Ok(None);
    };
    if now - found.last_seen_at > MINUTE_MS {
        state.last_seen.note(token_hash, found.user.id);
    }
    Ok(Some(found.user))
}

pub async fn edit_profile(state: &AppState, user: &UserRow, edit: ProfileEdit) -> Result<User> {
    let name = edit.validate().map_err(Error::Validation)?;
    state.store.set_display_name(user.id, name.as_str()).await?;
    Ok(User {
        display_name: name.into_inner(),
        ..to_wire(user)
    })
}

/// Changes the password after checking the current one; every other session
/// of the account ends (a thief's included), this one stays.
pub async fn change_password(
    state: &AppState,
    user: &UserRow,
    session_token: &str,
    change: PasswordChange,
) -> Result<()> {
    let new = change.validate().map_err(Error::Validation)?;
    if !password::verify(change.current_password, Some(user.password_hash.clone())).await? {
        return Err(Error::invalid("current_password", Problem::WrongPassword));
    }
    let hash = password::hash(new.into_inner()).await?;
    let keep = token::hash_token(session_token);
    Ok(state.store.set_password(user.id, &hash, &keep).await?)
}

use crate::error::Result;
use crate::extract::{AuthUser, Json, MaybeAuthUser, SESSION_COOKIE};
use crate::service::auth::{self, NewSession};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use schwarm_wire::{
    ErrorBody, LoginRequest, PasswordChange, ProfileEdit, RegisterRequest, SsoLogin, TokenSession, User,
};

/// Sign-in and registration are rate-limited per client address.
pub fn router(state: &AppState) -> Router<AppState> {
    let limited = Router::new()
        .route("/auth/register", post(register))
        .route("/auth/login", post(login))
        .route("/auth/token", post(token_login))
        .route("/auth/sso", post(sso_login))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::limits::auth_attempts,
        ));
    Router::new()
        .merge(limited)
        .route("/auth/logout", post(logout))
        .route("/me", get(me).patch(edit_me).delete(delete_me))
        .route("/me/password", post(change_password))
}

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(
    register,
    login,
    token_login,
    sso_login,
    logout,
    me,
    edit_me,
    delete_me,
    change_password
))]
pub(super) struct Api;

fn session_cookie(state: &AppState, token: String) -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, token))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.sessions.secure_cookies)
        .max_age(cookie::time::Duration::milliseconds(state.sessions.max_ms))
        .build()
}

fn signed_in(state: &AppState, jar: CookieJar, session: NewSession) -> (CookieJar, axum::Json<User>) {
    (jar.add(session_cookie(state, session.token)), axum::Json(session.user))
}

#[utoipa::path(
    post,
    path = "/api/v1/auth/register",
    operation_id = "register",
    tag = "auth",
    request_body = RegisterRequest,
    responses((status = 201, description = "Registered and signed in (session cookie)", body = User))
)]
async fn register(
    State(state): State<AppState>,
    jar: CookieJar,
    Json(req): Json<RegisterRequest>,
) -> Result<(StatusCode, CookieJar, axum::Json<User>)> {
    let session = auth::register(&state, req).await?;
    let (jar, user) = signed_in(&state, jar, session);
    Ok((StatusCode::CREATED, jar, user))
}

/// Signing in always starts a new session; a session already held by this
/// browser ends, so a planted session id is never promoted.
#[utoipa::path(
    post,
    path = "/api/v1/auth/login",
    operation_id = "login",
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in: a new session (cookie)", body = User),
        (status = 401, description = "Wrong email or password (`invalid_credentials`)", body = ErrorBody)
    )
)]
async fn login(
    State(state): State<AppState>,
    current: MaybeAuthUser,
    jar: CookieJar,
    Json(req): Json<LoginRequest>,
) -> Result<(CookieJar, axum::Json<User>)> {
    let email = schwarm_wire::validate::Email::normalize(&req.email);
    state.limits.check_sign_in(state.store.as_ref(), &email).await?;
    let session = auth::login(&state, req).await?;
    if let Some(old) = current.0 {
        auth::logout(&state, &old.token).await?;
    }
    Ok(signed_in(&state, jar, session))
}

/// Sign-in for clients without cookies (the embedded widget, where browsers
/// block third-party cookies): the session token comes in the body, for
/// `Authorization: Bearer`.
#[utoipa::path(
    post,
    path = "/api/v1/auth/token",
    operation_id = "token_login",
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in: a bearer session", body = TokenSession),
        (status = 401, description = "Wrong email or password (`invalid_credentials`)", body = ErrorBody)
    )
)]
async fn token_login(State(state): State<AppState>, Json(req): Json<LoginRequest>) -> Result<axum::Json<TokenSession>> {
    let email = schwarm_wire::validate::Email::normalize(&req.email);
    state.limits.check_sign_in(state.store.as_ref(), &email).await?;
    let session = auth::login(&state, req).await?;
    Ok(axum::Json(TokenSession {
        token: session.token,
        user: session.user,
    }))
}

/// Signed login from an embedding site: its JWT for a bearer session.
#[utoipa::path(
    post,
    path = "/api/v1/auth/sso",
    operation_id = "sso_login",
    tag = "auth",
    request_body = SsoLogin,
    responses(
        (status = 200, description = "Signed in as the site's user (made on first sight)", body = TokenSession),
        (status = 401, description = "Refused: `sso_unsigned`, `sso_expired`, `sso_wrong_audience`, `sso_bad_signature` or `sso_invalid`", body = ErrorBody)
    )
)]
async fn sso_login(State(state): State<AppState>, Json(req): Json<SsoLogin>) -> Result<axum::Json<TokenSession>> {
    Ok(axum::Json(crate::service::embed::sso(&state, &req.token).await?))
}

#[utoipa::path(
    post,
    path = "/api/v1/auth/logout",
    operation_id = "logout",
    tag = "auth",
    responses((status = 204, description = "The session ended on the server")),
    security((), ("session" = []), ("bearer" = []))
)]
async fn logout(
    State(state): State<AppState>,
    current: MaybeAuthUser,
    jar: CookieJar,
) -> Result<(CookieJar, StatusCode)> {
    if let Some(user) = current.0 {
        auth::logout(&state, &user.token).await?;
    }
    let gone = Cookie::build((SESSION_COOKIE, "")).path("/").build();
    Ok((jar.remove(gone), StatusCode::NO_CONTENT))
}

#[utoipa::path(
    get,
    path = "/api/v1/me",
    operation_id = "get_me",
    tag = "account",
    responses((status = 200, body = User)),
    security(("session" = []), ("bearer" = []))
)]
async fn me(user: AuthUser) -> axum::Json<User> {
    axum::Json(auth::to_wire(&user.user))
}

#[utoipa::path(
    patch,
    path = "/api/v1/me",
    operation_id = "edit_me",
    tag = "account",
    request_body = ProfileEdit,
    responses((status = 200, body = User)),
    security(("session" = []), ("bearer" = []))
)]
async fn edit_me(
    State(state): State<AppState>,
    user: AuthUser,
    Json(edit): Json<ProfileEdit>,
) -> Result<axum::Json<User>> {
    Ok(axum::Json(auth::edit_profile(&state, &user.user, edit).await?))
}

#[utoipa::path(
    post,
    path = "/api/v1/me/password",
    operation_id = "change_password",
    tag = "account",
    request_body = PasswordChange,
    responses((status = 204, description = "Changed; other sessions end")),
    security(("session" = []), ("bearer" = []))
)]
async fn change_password(
    State(state): State<AppState>,
    user: AuthUser,
    Json(change): Json<PasswordChange>,
) -> Result<StatusCode> {
    auth::change_password(&state, &user.user, &user.token, change).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes the account and signs out; the browser's cookie goes too.
#[utoipa::path(
    delete,
    path = "/api/v1/me",
    operation_id = "delete_me",
    tag = "account",
    responses((status = 204, description = "The account is deleted and signed out")),
    security(("session" = []), ("bearer" = []))
)]
async fn delete_me(State(state): State<AppState>, user: AuthUser, jar: CookieJar) -> Result<(CookieJar, StatusCode)> {
    crate::service::profile::delete_account(&state, user.id()).await?;
    let gone = Cookie::build((SESSION_COOKIE, "")).path("/").build();
    Ok((jar.remove(gone), StatusCode::NO_CONTENT))
}

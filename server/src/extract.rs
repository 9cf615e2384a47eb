//! Extractors that answer in our error shape. axum's own extractors reject
//! with plain-text bodies; these wrap them so that a bad path, query or body
//! is a JSON 4xx naming what was wrong.

use crate::error::Error;
use crate::service::auth;
use crate::state::AppState;
use crate::store::UserRow;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum_extra::extract::CookieJar;
use bytes::Bytes;
use serde::de::DeserializeOwned;

pub const SESSION_COOKIE: &str = "schwarm_session";

/// A JSON body. Wrong shape → 422 naming the field (serde_path_to_error
/// finds it); not JSON → 400; wrong content type → 415; too big → 413.
pub struct Json<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = Error;

    async fn from_request(req: Request, state: &S) -> Result<Self, Error> {
        let is_json = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|mime| {
                let mime = mime.trim();
                mime.eq_ignore_ascii_case("application/json") || mime.ends_with("+json")
            });
        if !is_json {
            return Err(Error::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| match e {
            BytesRejection::FailedToBufferBody(_) => Error::TooLarge,
            other => Error::Malformed(other.body_text()),
        })?;
        parse_json(&bytes).map(Json)
    }
}

/// A JSON body that may also be left out entirely (then `T::default()`), for
/// requests such as "mark all read" whose options are all optional.
pub struct OptionalJson<T>(pub T);

impl<T: DeserializeOwned + Default, S: Send + Sync> FromRequest<S> for OptionalJson<T> {
    type Rejection = Error;

    async fn from_request(req: Request, state: &S) -> Result<Self, Error> {
        let declared = req.headers().contains_key(CONTENT_TYPE);
        let sized = req
            .headers()
            .get(axum::http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|n| n != "0");
        if !declared && !sized {
            return Ok(OptionalJson(T::default()));
        }
        // `null` is "no body" too.
        Json::<Option<T>>::from_request(req, state)
            .await
            .map(|Json(t)| OptionalJson(t.unwrap_or_default()))
    }
}

/// NUL is valid JSON (`\u0000`) but no text of ours may hold it (and
/// PostgreSQL cannot store it): a string with one is an invalid field.
fn refuse_nul(bytes: &[u8]) -> Result<(), Error> {
    if !bytes.windows(6).any(|w| w == b"\\u0000") {
        return Ok(());
    }
    fn find(value: &serde_json::Value, at: &str) -> Option<String> {
        match value {
            serde_json::Value::String(s) if s.contains('\0') => Some(at.to_owned()),
            serde_json::Value::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, v)| find(v, &format!("{at}[{i}]"))),
            serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| {
                if k.contains('\0') {
                    return Some(at.to_owned());
                }
                let path = if at.is_empty() { k.clone() } else { format!("{at}.{k}") };
                find(v, &path)
            }),
            _ => None,
        }
    }
    match serde_json::from_slice::<serde_json::Value>(bytes)
        .ok()
        .and_then(|v| find(&v, ""))
    {
        Some(field) => Err(Error::invalid(&field, schwarm_wire::Problem::Invalid)),
        None => Ok(()),
    }
}

fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    refuse_nul(bytes)?;
    // Every body of this API is an object; serde would also read a struct
    // from an array of its fields in order (`[null, null]`), which no client
    // means to send.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        return Err(Error::Malformed("send a JSON object".into()));
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let at_root = e.path().iter().next().is_none();
        let path = e.path().to_string();
        let inner = e.into_inner();
        // serde names a missing field only in its message: "missing field `x`".
        let text = inner.to_string();
        let missing = text
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split_once('`'))
            .map(|(name, _)| name.to_owned());
        if inner.is_data() && !at_root {
            Error::BadField {
                field: path,
                message: text,
            }
        } else if let (true, Some(name)) = (inner.is_data(), missing) {
            let field = if at_root { name } else { format!("{path}.{name}") };
            Error::BadField {
                field,
                message: "required".into(),
            }
        } else {
            Error::Malformed(format!("the body is not valid JSON of the expected shape: {inner}"))
        }
    })
}

/// Path parameters; a non-number id is a 404 (no such resource), not a 500.
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        // No resource is named with a NUL (and PostgreSQL cannot compare one).
        if parts.uri.path().contains("%00") {
            return Err(Error::NotFound);
        }
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Path(p.0))
            .map_err(|e: PathRejection| match e {
                PathRejection::FailedToDeserializePathParams(_) => Error::NotFound,
                other => Error::Malformed(other.body_text()),
            })
    }
}

/// A query string; a malformed one is a 400.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        // A NUL in a value is an invalid value of that parameter.
        let raw = parts.uri.query().unwrap_or_default();
        if let Some((name, _)) = raw
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(_, value)| value.contains("%00"))
        {
            return Err(Error::invalid(name, schwarm_wire::Problem::Invalid));
        }
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| Query(q.0))
            .map_err(|e: QueryRejection| Error::Malformed(e.body_text()))
    }
}

/// The signed-in user; 401 otherwise. Sessions come from the cookie or, for
/// clients that cannot keep cookies (the embedded widget), a bearer token.
pub struct AuthUser {
    pub user: UserRow,
    pub token: String,
}

impl AuthUser {
    pub fn id(&self) -> i64 {
        self.user.id
    }

    /// Id and role, for use cases whose rules depend on the role.
    pub fn who(&self) -> (i64, schwarm_wire::Role) {
        (self.user.id, self.user.role())
    }
}

/// The signed-in user if there is one; never rejects.
pub struct MaybeAuthUser(pub Option<AuthUser>);

impl MaybeAuthUser {
    pub fn id(&self) -> Option<i64> {
        self.0.as_ref().map(AuthUser::id)
    }

    pub fn role(&self) -> Option<schwarm_wire::Role> {
        self.0.as_ref().map(|u| u.user.role())
    }

    pub fn who(&self) -> Option<(i64, schwarm_wire::Role)> {
        self.0.as_ref().map(AuthUser::who)
    }
}

fn session_token(parts: &Parts) -> Option<String> {
    let bearer = parts
        .headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_owned());
    bearer.or_else(|| session_cookie(&parts.headers))
}

/// The session cookie's value, as the browser sent it (not yet checked).
pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(SESSION_COOKIE)
        .map(|c| c.value().to_owned())
}

impl FromRequestParts<AppState> for AuthUser {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let token = session_token(parts)
            .filter(|t| !t.is_empty())
            .ok_or(Error::Unauthorized)?;
        let user = auth::authenticate(state, &token).await?.ok_or(Error::Unauthorized)?;
        Ok(AuthUser { user, token })
    }
}

impl FromRequestParts<AppState> for MaybeAuthUser {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        match AuthUser::from_request_parts(parts, state).await {
            Ok(user) => Ok(MaybeAuthUser(Some(user))),
            Err(Error::Unauthorized) => Ok(MaybeAuthUser(None)),
            Err(other) => Err(other),
        }
    }
}

/// A product manager or admin; 401 for visitors, 403 for members.
pub struct PmUser(pub AuthUser);

impl FromRequestParts<AppState> for PmUser {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let user = AuthUser::from_request_parts(parts, state).await?;
        if crate::policy::can_triage(user.user.role()) {
            Ok(PmUser(user))
        } else {
            Err(Error::Forbidden)
        }
    }
}

/// An admin; 401 for visitors, 403 for everybody else.
pub struct AdminUser(pub AuthUser);

impl FromRequestParts<AppState> for AdminUser {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let user = AuthUser::from_request_parts(parts, state).await?;
        if crate::policy::can_administer(user.user.role()) {
            Ok(AdminUser(user))
        } else {
            Err(Error::Forbidden)
        }
    }
}

/// A signed-in user who is not blocked (changing or deleting their own ideas
/// and comments); 403 `account_blocked` otherwise.
pub struct ActiveUser(pub AuthUser);

impl FromRequestParts<AppState> for ActiveUser {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let user = AuthUser::from_request_parts(parts, state).await?;
        if user.user.blocked {
            return Err(Error::Blocked);
        }
        Ok(ActiveUser(user))
    }
}

/// A signed-in user whose `A` action passes the rate limits (per account
/// and per address; 429 with `Retry-After` otherwise).
pub struct Throttled<A>(pub AuthUser, std::marker::PhantomData<A>);

pub trait ThrottledAction {
    const ACTION: crate::limits::Action;
}

pub enum Posting {}
impl ThrottledAction for Posting {
    const ACTION: crate::limits::Action = crate::limits::Action::Post;
}

/// Creating an idea or a comment.
pub type Poster = Throttled<Posting>;

/// Casting or withdrawing a vote: a signed-in, unblocked user and the
/// address they vote from. The vote limits are taken in the vote's own
/// transaction (`service::vote_queue`), not here.
pub struct Voter {
    pub user: AuthUser,
    pub ip: String,
}

impl FromRequestParts<AppState> for Voter {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let ActiveUser(user) = ActiveUser::from_request_parts(parts, state).await?;
        let ip = state.limits.client_ip(&parts.headers, &parts.extensions);
        Ok(Voter { user, ip })
    }
}

impl<A> Throttled<A> {
    pub fn id(&self) -> i64 {
        self.0.id()
    }
}

impl<A: ThrottledAction> FromRequestParts<AppState> for Throttled<A> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let user = AuthUser::from_request_parts(parts, state).await?;
        if user.user.blocked {
            return Err(Error::Blocked);
        }
        let ip = state.limits.client_ip(&parts.headers, &parts.extensions);
        state
            .limits
            .check(state.store.as_ref(), A::ACTION, user.id(), &ip)
            .await?;
        Ok(Throttled(user, std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use schwarm_wire::NewIdea;

    #[test]
    fn a_wrong_type_names_its_field() {
        match parse_json::<NewIdea>(br#"{"title": 5}"#) {
            Err(Error::BadField { field, .. }) => assert_eq!(field, "title"),
            other => panic!("expected a bad field, got {:?}", other.map(|_| ())),
        }
        assert!(matches!(parse_json::<NewIdea>(b"{not json"), Err(Error::Malformed(_))));
    }
}

//! The typed API client: one generic helper, one function per endpoint.

use crate::early;
use gloo_net::http::{Method, Request, RequestBuilder};
use schwarm_wire::error::codes;
use schwarm_wire::{Board, EmbedConfig, ErrorDetail, ListedIdea, Page, Sort, SsoLogin, StatusDef, TokenSession};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt;

// What only the pages of the `more` bundle ask for (`pages::load_in_full`).
#[cfg(feature = "more")]
mod more;
#[cfg(feature = "more")]
pub use more::*;

/// A failed call: the server's error body, or a network failure (status 0).
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    pub status: u16,
    pub detail: ErrorDetail,
}

impl ApiError {
    fn network(message: String) -> ApiError {
        ApiError {
            status: 0,
            detail: ErrorDetail {
                code: "network".into(),
                message,
                fields: Default::default(),
            },
        }
    }

    /// A failure of the request itself. Its message is the browser's own;
    /// gloo-net's `Display` is not used, since it carries serde_json's and
    /// std's error texts into the bundle (gloo-net's JSON is not used here).
    fn failed(error: gloo_net::Error) -> ApiError {
        ApiError::network(match error {
            gloo_net::Error::JsError(error) => error.message,
            gloo_net::Error::GlooError(message) => message,
            // Only with gloo-net's `json` feature (which Leptos' crates
            // turn on): its own JSON decoding, not used here.
            #[allow(unreachable_patterns)]
            _ => "invalid JSON".to_owned(),
        })
    }

    #[cfg(feature = "more")]
    pub fn code(&self) -> &str {
        &self.detail.code
    }

    #[cfg(feature = "more")]
    pub fn is_unauthorized(&self) -> bool {
        self.status == 401 && self.detail.code == codes::UNAUTHORIZED
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail.message)
    }
}

impl std::error::Error for ApiError {}

pub type ApiResult<T> = Result<T, ApiError>;

pub(crate) const BASE: &str = "/api/v1";

/// Sends a request; a 2xx body is decoded as `T` (`()` accepts no body).
///
/// Only the decoding is generic: the request itself runs in `fetch_text`,
/// one state machine shared by every endpoint, which keeps the wasm small.
pub(crate) async fn send<T: DeserializeOwned>(request: Result<Request, gloo_net::Error>) -> ApiResult<T> {
    let text = fetch_text(request).await?;
    let text = if text.is_empty() { "null" } else { &text };
    crate::json::decode(text).map_err(ApiError::network)
}

thread_local! {
    /// The session of the embedded widget, which cannot count on cookies
    /// (browsers block them in cross-site frames): kept in memory only.
    static BEARER: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

pub fn set_bearer(token: Option<String>) {
    BEARER.with(|b| *b.borrow_mut() = token);
}

/// The body of a 2xx answer, or the error the server (or network) gave.
async fn fetch_text(request: Result<Request, gloo_net::Error>) -> ApiResult<String> {
    let request = request.map_err(ApiError::failed)?;
    let bearer = BEARER.with(|b| b.borrow().clone());
    if let Some(token) = &bearer {
        request.headers().set("Authorization", &format!("Bearer {token}"));
    }
    // Asked for by index.html before the wasm ran, as a visitor or by cookie.
    let early = (bearer.is_none() && request.method() == Method::GET)
        .then(|| early::take(&request.url()))
        .flatten();
    let (status, text) = match early {
        Some(early) => early.get().await.map_err(ApiError::network)?,
        None => fetch(request).await?,
    };
    if (200..300).contains(&status) {
        return Ok(text);
    }
    Err(ApiError {
        status,
        detail: error_detail(status, &text),
    })
}

/// The server's error body, or one for a body that is not ours.
#[cfg(feature = "more")]
fn error_detail(status: u16, body: &str) -> ErrorDetail {
    crate::json::decode::<schwarm_wire::ErrorBody>(body)
        .map(|b| b.error)
        .unwrap_or_else(|_| unknown_error(status))
}

/// The board's bundle shows no server message, nor marks fields: its
/// failures say "could not load" and offer a retry, whatever the cause. So
/// it leaves the error body undecoded, which keeps ~2 KB brotli out of the
/// first load (an error body has a map of fields, decoded by code of its own).
#[cfg(not(feature = "more"))]
fn error_detail(status: u16, _body: &str) -> ErrorDetail {
    unknown_error(status)
}

fn unknown_error(status: u16) -> ErrorDetail {
    ErrorDetail {
        code: codes::INTERNAL.into(),
        message: format!("HTTP {status}"),
        fields: Default::default(),
    }
}

async fn fetch(request: Request) -> ApiResult<(u16, String)> {
    let response = request.send().await.map_err(ApiError::failed)?;
    let text = response.text().await.map_err(ApiError::failed)?;
    Ok((response.status(), text))
}

pub(crate) fn with_json(builder: RequestBuilder, body: &impl Serialize) -> Result<Request, gloo_net::Error> {
    let body = crate::json::encode(body).map_err(gloo_net::Error::GlooError)?;
    builder.header("Content-Type", "application/json").body(body)
}

pub async fn statuses() -> ApiResult<Vec<StatusDef>> {
    send(Request::get(&format!("{BASE}/statuses")).build()).await
}

/// Whether the browser holds a member's session, without reading whose:
/// enough for the board's bundle, which hands members over (`app`).
#[cfg(not(feature = "more"))]
pub async fn signed_in() -> bool {
    fetch_text(Request::get(&format!("{BASE}/me")).build()).await.is_ok()
}

pub async fn sso(token: &str) -> ApiResult<TokenSession> {
    let body = SsoLogin {
        token: token.to_owned(),
    };
    send(with_json(Request::post(&format!("{BASE}/auth/sso")), &body)).await
}

pub async fn embed_config(board: &str, host: &str) -> ApiResult<EmbedConfig> {
    let (board, host) = (js_sys::encode_uri_component(board), js_sys::encode_uri_component(host));
    send(Request::get(&format!("{BASE}/embed/{board}?host={host}")).build()).await
}

/// What the board shows: a sort, and optionally a status and a search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListView {
    pub sort: Sort,
    pub status: Option<String>,
    pub q: Option<String>,
    /// A board's slug.
    pub board: Option<String>,
    /// A tag's name.
    pub tag: Option<String>,
}

impl ListView {
    /// `sort=…&status=…&q=…`, for the API and for the board's own URL.
    pub fn query(&self) -> String {
        let mut query = format!("sort={}", self.sort.as_str());
        let params = [
            ("board", &self.board),
            ("tag", &self.tag),
            ("status", &self.status),
            ("q", &self.q),
        ];
        for (name, value) in params {
            if let Some(v) = value {
                query.push('&');
                query.push_str(name);
                query.push('=');
                query.push_str(&String::from(js_sys::encode_uri_component(v)));
            }
        }
        query
    }
}

pub async fn list_ideas(view: ListView, cursor: Option<String>) -> ApiResult<Page<ListedIdea>> {
    let mut url = format!("{BASE}/ideas?{}", view.query());
    if let Some(c) = cursor {
        url.push_str("&cursor=");
        url.push_str(&String::from(js_sys::encode_uri_component(&c)));
    }
    send(Request::get(&url).build()).await
}

pub async fn boards() -> ApiResult<Vec<Board>> {
    send(Request::get(&format!("{BASE}/boards")).build()).await
}

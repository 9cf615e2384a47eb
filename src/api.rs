//! The typed API client: one generic helper, one function per endpoint.

use crate::early;
use gloo_net::http::{Method, Request, RequestBuilder};
use schwarm_wire::error::codes;
use schwarm_wire::{
    Board, EmbedConfig, ErrorBody, ErrorDetail, Idea, NewIdea, Page, Sort, SsoLogin, StatusDef, TokenSession,
    UnreadCount, User, VoteState,
};
// What only the pages of the `more` bundle ask for (`pages::load_in_full`).
#[cfg(feature = "more")]
use schwarm_wire::{
    ChangelogEntry, Comment, CommentEdit, EmailPreferences, FollowState, IdeaEdit, LoginRequest, MarkRead, NewComment,
    Notification, PasswordChange, ProfileEdit, RegisterRequest, RoadmapColumn, Unsubscribe, Unsubscribed, Voters,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt;

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

    pub fn code(&self) -> &str {
        &self.detail.code
    }

    pub fn is_unauthorized(&self) -> bool {
        self.status == 401 && self.detail.code == codes::UNAUTHORIZED
    }
}

/// What to tell a member whose write was refused for a reason of theirs to
/// know: a blocked account, an idea merged into another.
pub fn refusal(e: &ApiError) -> Option<crate::i18n::Key> {
    match e.code() {
        codes::BLOCKED => Some(crate::i18n::Key::AccountBlocked),
        codes::IDEA_MERGED => Some(crate::i18n::Key::IdeaMergedError),
        _ => None,
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
    serde_json::from_str(text).map_err(|e| ApiError::network(e.to_string()))
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
    let request = request.map_err(|e| ApiError::network(e.to_string()))?;
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
    let detail = serde_json::from_str::<ErrorBody>(&text)
        .map(|b| b.error)
        .unwrap_or_else(|_| ErrorDetail {
            code: codes::INTERNAL.into(),
            message: format!("HTTP {status}"),
            fields: Default::default(),
        });
    Err(ApiError { status, detail })
}

async fn fetch(request: Request) -> ApiResult<(u16, String)> {
    let response = request.send().await.map_err(|e| ApiError::network(e.to_string()))?;
    let text = response.text().await.map_err(|e| ApiError::network(e.to_string()))?;
    Ok((response.status(), text))
}

pub(crate) fn with_json(builder: RequestBuilder, body: &impl Serialize) -> Result<Request, gloo_net::Error> {
    builder.json(body)
}

#[cfg(feature = "more")]
pub async fn roadmap() -> ApiResult<Vec<RoadmapColumn>> {
    send(Request::get(&format!("{BASE}/roadmap")).build()).await
}

#[cfg(feature = "more")]
pub async fn changelog(cursor: Option<String>) -> ApiResult<Page<ChangelogEntry>> {
    let query = cursor.map(|c| format!("?cursor={c}")).unwrap_or_default();
    send(Request::get(&format!("{BASE}/changelog{query}")).build()).await
}

pub async fn statuses() -> ApiResult<Vec<StatusDef>> {
    send(Request::get(&format!("{BASE}/statuses")).build()).await
}

pub async fn me() -> ApiResult<Option<User>> {
    match send::<User>(Request::get(&format!("{BASE}/me")).build()).await {
        Ok(user) => Ok(Some(user)),
        Err(e) if e.status == 401 => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(feature = "more")]
pub async fn register(req: &RegisterRequest) -> ApiResult<User> {
    send(with_json(Request::post(&format!("{BASE}/auth/register")), req)).await
}

#[cfg(feature = "more")]
pub async fn login(req: &LoginRequest) -> ApiResult<User> {
    send(with_json(Request::post(&format!("{BASE}/auth/login")), req)).await
}

#[cfg(feature = "more")]
pub async fn edit_profile(edit: &ProfileEdit) -> ApiResult<User> {
    send(with_json(Request::patch(&format!("{BASE}/me")), edit)).await
}

#[cfg(feature = "more")]
pub async fn change_password(change: &PasswordChange) -> ApiResult<()> {
    send(with_json(Request::post(&format!("{BASE}/me/password")), change)).await
}

#[cfg(feature = "more")]
/// Sign-in for the widget: the session comes back as a bearer token.
pub async fn login_token(req: &LoginRequest) -> ApiResult<TokenSession> {
    send(with_json(Request::post(&format!("{BASE}/auth/token")), req)).await
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

pub async fn logout() -> ApiResult<()> {
    send(Request::post(&format!("{BASE}/auth/logout")).build()).await
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

pub async fn list_ideas(view: ListView, cursor: Option<String>) -> ApiResult<Page<Idea>> {
    let mut url = format!("{BASE}/ideas?{}", view.query());
    if let Some(c) = cursor {
        url.push_str("&cursor=");
        url.push_str(&String::from(js_sys::encode_uri_component(&c)));
    }
    send(Request::get(&url).build()).await
}

pub async fn similar(text: String) -> ApiResult<Page<Idea>> {
    let q = String::from(js_sys::encode_uri_component(&text));
    send(Request::get(&format!("{BASE}/ideas/similar?q={q}")).build()).await
}

#[cfg(feature = "more")]
pub async fn voters(idea_id: i64) -> ApiResult<Voters> {
    send(Request::get(&format!("{BASE}/ideas/{idea_id}/voters")).build()).await
}

#[cfg(feature = "more")]
pub async fn idea(id: i64) -> ApiResult<Idea> {
    send(Request::get(&format!("{BASE}/ideas/{id}")).build()).await
}

pub async fn create_idea(new: &NewIdea) -> ApiResult<Idea> {
    send(with_json(Request::post(&format!("{BASE}/ideas")), new)).await
}

#[cfg(feature = "more")]
pub async fn edit_idea(id: i64, edit: &IdeaEdit) -> ApiResult<Idea> {
    send(with_json(Request::patch(&format!("{BASE}/ideas/{id}")), edit)).await
}

#[cfg(feature = "more")]
pub async fn delete_idea(id: i64) -> ApiResult<()> {
    send(Request::delete(&format!("{BASE}/ideas/{id}")).build()).await
}

pub async fn vote(id: i64, on: bool) -> ApiResult<VoteState> {
    let url = format!("{BASE}/ideas/{id}/vote");
    let builder = if on { Request::put(&url) } else { Request::delete(&url) };
    send(builder.build()).await
}

#[cfg(feature = "more")]
pub async fn comments(idea_id: i64, cursor: Option<String>) -> ApiResult<Page<Comment>> {
    let mut url = format!("{BASE}/ideas/{idea_id}/comments");
    if let Some(c) = cursor {
        url.push_str("?cursor=");
        url.push_str(&c);
    }
    send(Request::get(&url).build()).await
}

#[cfg(feature = "more")]
pub async fn create_comment(idea_id: i64, new: &NewComment) -> ApiResult<Comment> {
    send(with_json(
        Request::post(&format!("{BASE}/ideas/{idea_id}/comments")),
        new,
    ))
    .await
}

#[cfg(feature = "more")]
pub async fn edit_comment(id: i64, edit: &CommentEdit) -> ApiResult<Comment> {
    send(with_json(Request::patch(&format!("{BASE}/comments/{id}")), edit)).await
}

#[cfg(feature = "more")]
pub async fn delete_comment(id: i64) -> ApiResult<()> {
    send(Request::delete(&format!("{BASE}/comments/{id}")).build()).await
}

#[cfg(feature = "more")]
pub async fn follow(idea_id: i64, on: bool) -> ApiResult<FollowState> {
    let url = format!("{BASE}/ideas/{idea_id}/follow");
    let builder = if on { Request::put(&url) } else { Request::delete(&url) };
    send(builder.build()).await
}

#[cfg(feature = "more")]
pub async fn notifications(cursor: Option<String>) -> ApiResult<Page<Notification>> {
    let mut url = format!("{BASE}/notifications");
    if let Some(c) = cursor {
        url.push_str("?cursor=");
        url.push_str(&c);
    }
    send(Request::get(&url).build()).await
}

pub async fn unread() -> ApiResult<UnreadCount> {
    send(Request::get(&format!("{BASE}/notifications/unread")).build()).await
}

#[cfg(feature = "more")]
pub async fn mark_read(request: &MarkRead) -> ApiResult<UnreadCount> {
    send(with_json(Request::post(&format!("{BASE}/notifications/read")), request)).await
}

/// The member's ideas (`mine = "ideas"`) or the ideas they voted for ("votes").
#[cfg(feature = "more")]
pub async fn my_ideas(which: &str) -> ApiResult<Page<Idea>> {
    send(Request::get(&format!("{BASE}/me/{which}")).build()).await
}

#[cfg(feature = "more")]
pub async fn my_comments() -> ApiResult<Page<Comment>> {
    send(Request::get(&format!("{BASE}/me/comments")).build()).await
}

#[cfg(feature = "more")]
pub async fn delete_account() -> ApiResult<()> {
    send(Request::delete(&format!("{BASE}/me")).build()).await
}

pub async fn boards() -> ApiResult<Vec<Board>> {
    send(Request::get(&format!("{BASE}/boards")).build()).await
}

#[cfg(feature = "more")]
pub async fn email_preferences() -> ApiResult<EmailPreferences> {
    send(Request::get(&format!("{BASE}/me/email")).build()).await
}

#[cfg(feature = "more")]
pub async fn set_email_preferences(prefs: &EmailPreferences) -> ApiResult<EmailPreferences> {
    send(with_json(Request::put(&format!("{BASE}/me/email")), prefs)).await
}

#[cfg(feature = "more")]
pub async fn unsubscribe(request: &Unsubscribe) -> ApiResult<Unsubscribed> {
    send(with_json(Request::post(&format!("{BASE}/email/unsubscribe")), request)).await
}

//! The endpoints only the pages of the `more` bundle call, and those only
//! members call (`pages::load_in_full`), so the board's bundle does not
//! carry them.

use super::{send, with_json, ApiError, ApiResult, BASE};
use gloo_net::http::Request;
use schwarm_wire::error::codes;
use schwarm_wire::{
    ChangelogEntry, Comment, CommentEdit, EmailPreferences, FollowState, Idea, IdeaEdit, LoginRequest, MarkRead,
    NewComment, NewIdea, Notification, Page, PasswordChange, ProfileEdit, RegisterRequest, RoadmapColumn, TokenSession,
    UnreadCount, Unsubscribe, Unsubscribed, User, VoteState, Voters,
};

pub async fn roadmap() -> ApiResult<Vec<RoadmapColumn>> {
    send(Request::get(&format!("{BASE}/roadmap")).build()).await
}

pub async fn changelog(cursor: Option<String>) -> ApiResult<Page<ChangelogEntry>> {
    let query = cursor.map(|c| format!("?cursor={c}")).unwrap_or_default();
    send(Request::get(&format!("{BASE}/changelog{query}")).build()).await
}

pub async fn register(req: &RegisterRequest) -> ApiResult<User> {
    send(with_json(Request::post(&format!("{BASE}/auth/register")), req)).await
}

pub async fn login(req: &LoginRequest) -> ApiResult<User> {
    send(with_json(Request::post(&format!("{BASE}/auth/login")), req)).await
}

pub async fn edit_profile(edit: &ProfileEdit) -> ApiResult<User> {
    send(with_json(Request::patch(&format!("{BASE}/me")), edit)).await
}

pub async fn change_password(change: &PasswordChange) -> ApiResult<()> {
    send(with_json(Request::post(&format!("{BASE}/me/password")), change)).await
}

/// Sign-in for the widget: the session comes back as a bearer token.
pub async fn login_token(req: &LoginRequest) -> ApiResult<TokenSession> {
    send(with_json(Request::post(&format!("{BASE}/auth/token")), req)).await
}

pub async fn voters(idea_id: i64) -> ApiResult<Voters> {
    send(Request::get(&format!("{BASE}/ideas/{idea_id}/voters")).build()).await
}

pub async fn idea(id: i64) -> ApiResult<Idea> {
    send(Request::get(&format!("{BASE}/ideas/{id}")).build()).await
}

pub async fn edit_idea(id: i64, edit: &IdeaEdit) -> ApiResult<Idea> {
    send(with_json(Request::patch(&format!("{BASE}/ideas/{id}")), edit)).await
}

pub async fn delete_idea(id: i64) -> ApiResult<()> {
    send(Request::delete(&format!("{BASE}/ideas/{id}")).build()).await
}

pub async fn comments(idea_id: i64, cursor: Option<String>) -> ApiResult<Page<Comment>> {
    let mut url = format!("{BASE}/ideas/{idea_id}/comments");
    if let Some(c) = cursor {
        url.push_str("?cursor=");
        url.push_str(&c);
    }
    send(Request::get(&url).build()).await
}

pub async fn create_comment(idea_id: i64, new: &NewComment) -> ApiResult<Comment> {
    send(with_json(
        Request::post(&format!("{BASE}/ideas/{idea_id}/comments")),
        new,
    ))
    .await
}

pub async fn edit_comment(id: i64, edit: &CommentEdit) -> ApiResult<Comment> {
    send(with_json(Request::patch(&format!("{BASE}/comments/{id}")), edit)).await
}

pub async fn delete_comment(id: i64) -> ApiResult<()> {
    send(Request::delete(&format!("{BASE}/comments/{id}")).build()).await
}

pub async fn follow(idea_id: i64, on: bool) -> ApiResult<FollowState> {
    let url = format!("{BASE}/ideas/{idea_id}/follow");
    let builder = if on { Request::put(&url) } else { Request::delete(&url) };
    send(builder.build()).await
}

pub async fn notifications(cursor: Option<String>) -> ApiResult<Page<Notification>> {
    let mut url = format!("{BASE}/notifications");
    if let Some(c) = cursor {
        url.push_str("?cursor=");
        url.push_str(&c);
    }
    send(Request::get(&url).build()).await
}

pub async fn mark_read(request: &MarkRead) -> ApiResult<UnreadCount> {
    send(with_json(Request::post(&format!("{BASE}/notifications/read")), request)).await
}

/// The member's ideas (`mine = "ideas"`) or the ideas they voted for ("votes").
pub async fn my_ideas(which: &str) -> ApiResult<Page<Idea>> {
    send(Request::get(&format!("{BASE}/me/{which}")).build()).await
}

pub async fn my_comments() -> ApiResult<Page<Comment>> {
    send(Request::get(&format!("{BASE}/me/comments")).build()).await
}

pub async fn delete_account() -> ApiResult<()> {
    send(Request::delete(&format!("{BASE}/me")).build()).await
}

pub async fn email_preferences() -> ApiResult<EmailPreferences> {
    send(Request::get(&format!("{BASE}/me/email")).build()).await
}

pub async fn set_email_preferences(prefs: &EmailPreferences) -> ApiResult<EmailPreferences> {
    send(with_json(Request::put(&format!("{BASE}/me/email")), prefs)).await
}

pub async fn unsubscribe(request: &Unsubscribe) -> ApiResult<Unsubscribed> {
    send(with_json(Request::post(&format!("{BASE}/email/unsubscribe")), request)).await
}

pub async fn me() -> ApiResult<Option<User>> {
    match send::<User>(Request::get(&format!("{BASE}/me")).build()).await {
        Ok(user) => Ok(Some(user)),
        Err(e) if e.status == 401 => Ok(None),
        Err(e) => Err(e),
    }
}

pub async fn logout() -> ApiResult<()> {
    send(Request::post(&format!("{BASE}/auth/logout")).build()).await
}

pub async fn similar(text: String) -> ApiResult<Page<Idea>> {
    let q = String::from(js_sys::encode_uri_component(&text));
    send(Request::get(&format!("{BASE}/ideas/similar?q={q}")).build()).await
}

pub async fn create_idea(new: &NewIdea) -> ApiResult<Idea> {
    send(with_json(Request::post(&format!("{BASE}/ideas")), new)).await
}

pub async fn vote(id: i64, on: bool) -> ApiResult<VoteState> {
    let url = format!("{BASE}/ideas/{id}/vote");
    let builder = if on { Request::put(&url) } else { Request::delete(&url) };
    send(builder.build()).await
}

pub async fn unread() -> ApiResult<UnreadCount> {
    send(Request::get(&format!("{BASE}/notifications/unread")).build()).await
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

//! The product managers' and admins' endpoints, on the customer app's one
//! generic helper (`crate::api::send`).

use crate::api::{send, with_json, ApiResult, BASE};
use gloo_net::http::Request;
use schwarm_wire::{
    BlockInput, Board, BoardSettings, ChangelogEntry, ChangelogInput, CommentModerationInput, Delivery, Idea,
    IdeaModerationInput, Member, MergeRequest, Page, PriorityInput, Role, RoleChange, Site, SiteInput, SiteWithSecret,
    StatusChange, StatusDef, StatusInput, StatusOrder, TagsChange, Trends, TriageIdea, Webhook, WebhookInput,
    WebhookWithSecret,
};

/// `query` as built by `inbox::TriageView::query`.
pub async fn triage_ideas(query: &str) -> ApiResult<Page<TriageIdea>> {
    send(Request::get(&format!("{BASE}/triage/ideas?{query}")).build()).await
}

pub async fn triage_idea(id: i64) -> ApiResult<TriageIdea> {
    send(Request::get(&format!("{BASE}/ideas/{id}/triage")).build()).await
}

pub async fn set_status(id: i64, change: &StatusChange) -> ApiResult<Idea> {
    send(with_json(Request::put(&format!("{BASE}/ideas/{id}/status")), change)).await
}

pub async fn merge(id: i64, into: i64) -> ApiResult<Idea> {
    let body = MergeRequest { into };
    send(with_json(Request::post(&format!("{BASE}/ideas/{id}/merge")), &body)).await
}

pub async fn unmerge(id: i64) -> ApiResult<Idea> {
    send(Request::delete(&format!("{BASE}/ideas/{id}/merge")).build()).await
}

pub async fn set_priority(id: i64, input: &PriorityInput) -> ApiResult<TriageIdea> {
    send(with_json(Request::put(&format!("{BASE}/ideas/{id}/priority")), input)).await
}

pub async fn set_tags(id: i64, change: &TagsChange) -> ApiResult<Idea> {
    send(with_json(Request::put(&format!("{BASE}/ideas/{id}/tags")), change)).await
}

pub async fn moderate_idea(id: i64, input: &IdeaModerationInput) -> ApiResult<TriageIdea> {
    send(with_json(Request::put(&format!("{BASE}/ideas/{id}/moderation")), input)).await
}

pub async fn moderate_comment(id: i64, input: &CommentModerationInput) -> ApiResult<()> {
    send(with_json(
        Request::put(&format!("{BASE}/comments/{id}/moderation")),
        input,
    ))
    .await
}

pub async fn block(user_id: i64, blocked: bool) -> ApiResult<()> {
    send(with_json(
        Request::put(&format!("{BASE}/users/{user_id}/block")),
        &BlockInput { blocked },
    ))
    .await
}

pub async fn board_settings(slug: &str, settings: &BoardSettings) -> ApiResult<Board> {
    send(with_json(
        Request::put(&format!("{BASE}/admin/boards/{slug}")),
        settings,
    ))
    .await
}

pub async fn webhooks() -> ApiResult<Vec<Webhook>> {
    send(Request::get(&format!("{BASE}/admin/webhooks")).build()).await
}

pub async fn create_webhook(input: &WebhookInput) -> ApiResult<WebhookWithSecret> {
    send(with_json(Request::post(&format!("{BASE}/admin/webhooks")), input)).await
}

pub async fn delete_webhook(id: i64) -> ApiResult<()> {
    send(Request::delete(&format!("{BASE}/admin/webhooks/{id}")).build()).await
}

pub async fn deliveries(id: i64) -> ApiResult<Vec<Delivery>> {
    send(Request::get(&format!("{BASE}/admin/webhooks/{id}/deliveries")).build()).await
}

pub async fn trends(days: i64) -> ApiResult<Trends> {
    send(Request::get(&format!("{BASE}/triage/trends?days={days}")).build()).await
}

pub async fn changelog_entries() -> ApiResult<Vec<ChangelogEntry>> {
    send(Request::get(&format!("{BASE}/triage/changelog")).build()).await
}

pub async fn create_changelog(input: &ChangelogInput) -> ApiResult<ChangelogEntry> {
    send(with_json(Request::post(&format!("{BASE}/changelog")), input)).await
}

pub async fn update_changelog(id: i64, input: &ChangelogInput) -> ApiResult<ChangelogEntry> {
    send(with_json(Request::put(&format!("{BASE}/changelog/{id}")), input)).await
}

pub async fn delete_changelog(id: i64) -> ApiResult<()> {
    send(Request::delete(&format!("{BASE}/changelog/{id}")).build()).await
}

pub async fn add_status(input: &StatusInput) -> ApiResult<Vec<StatusDef>> {
    send(with_json(Request::post(&format!("{BASE}/admin/statuses")), input)).await
}

pub async fn edit_status(key: &str, input: &StatusInput) -> ApiResult<Vec<StatusDef>> {
    let key = String::from(js_sys::encode_uri_component(key));
    send(with_json(Request::put(&format!("{BASE}/admin/statuses/{key}")), input)).await
}

pub async fn reorder_statuses(order: &StatusOrder) -> ApiResult<Vec<StatusDef>> {
    send(with_json(Request::put(&format!("{BASE}/admin/status-order")), order)).await
}

pub async fn members(q: &str) -> ApiResult<Vec<Member>> {
    let q = String::from(js_sys::encode_uri_component(q));
    send(Request::get(&format!("{BASE}/admin/users?q={q}")).build()).await
}

pub async fn set_role(id: i64, role: Role) -> ApiResult<()> {
    send(with_json(
        Request::put(&format!("{BASE}/admin/users/{id}/role")),
        &RoleChange { role },
    ))
    .await
}

pub async fn sites() -> ApiResult<Vec<Site>> {
    send(Request::get(&format!("{BASE}/admin/sites")).build()).await
}

pub async fn create_site(input: &SiteInput) -> ApiResult<SiteWithSecret> {
    send(with_json(Request::post(&format!("{BASE}/admin/sites")), input)).await
}

pub async fn update_site(id: i64, input: &SiteInput) -> ApiResult<Site> {
    send(with_json(Request::put(&format!("{BASE}/admin/sites/{id}")), input)).await
}

pub async fn delete_site(id: i64) -> ApiResult<()> {
    send(Request::delete(&format!("{BASE}/admin/sites/{id}")).build()).await
}

pub async fn rotate_site_secret(id: i64) -> ApiResult<SiteWithSecret> {
    send(Request::post(&format!("{BASE}/admin/sites/{id}/secret")).build()).await
}

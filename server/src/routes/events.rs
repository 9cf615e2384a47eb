//! `GET /api/v1/events`: server-sent events of what changes on the board.

use crate::error::Result;
use crate::extract::Query;
use crate::state::AppState;
use crate::store::EventRow;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use axum::Router;
use futures_util::stream::{self, Stream, StreamExt};
use serde::Deserialize;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

/// After a reconnect, at most this many missed events are replayed; beyond
/// that the client is told to reload (`reset`).
const REPLAY_MAX: u32 = 1000;

pub fn router() -> Router<AppState> {
    Router::new().route("/events", get(events))
}

/// The OpenAPI description of these routes (see `crate::openapi`).
#[derive(utoipa::OpenApi)]
#[openapi(paths(events))]
pub(super) struct Api;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct Params {
    /// Only events of this idea.
    idea: Option<i64>,
    /// Only events of ideas on this board (by slug).
    board: Option<String>,
}

/// Only public events, and of the chosen idea or board if one was asked
/// for. The deletion of an idea reaches every stream (its board is gone
/// with it); a client ignores ids it does not show.
fn wanted(event: &EventRow, params: &Params) -> bool {
    event.visibility == "public"
        && params.idea.is_none_or(|id| event.idea_id == Some(id))
        && params
            .board
            .as_deref()
            .is_none_or(|slug| event.board.as_deref().is_none_or(|b| b == slug))
}

fn to_sse(event: &EventRow) -> Event {
    let payload: serde_json::Value = serde_json::from_str(&event.payload).unwrap_or_default();
    let data = serde_json::json!({ "kind": event.kind, "idea_id": event.idea_id, "payload": payload });
    Event::default().id(event.id.to_string()).data(data.to_string())
}

fn reset() -> Event {
    Event::default().data(r#"{"kind":"reset"}"#)
}

#[utoipa::path(
    get,
    path = "/api/v1/events",
    operation_id = "events",
    tag = "live",
    params(Params),
    responses((status = 200, description = "A stream of server-sent events: `id` is the outbox id, `data` is `{kind, idea_id, payload}`; `Last-Event-ID` resumes", content_type = "text/event-stream"))
)]
async fn events(
    State(state): State<AppState>,
    Query(params): Query<Params>,
    headers: HeaderMap,
) -> Result<Sse<impl Stream<Item = std::result::Result<Event, Infallible>>>> {
    // Subscribe before reading the backlog, so nothing falls between them.
    let receiver = state.live.subscribe();
    let last_seen = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok());
    let mut backlog = match last_seen {
        Some(id) => state.store.events_after(id, REPLAY_MAX + 1).await?,
        None => Vec::new(),
    };
    let first: Vec<Event> = if backlog.len() > REPLAY_MAX as usize {
        backlog.clear();
        vec![reset()]
    } else {
        backlog.iter().filter(|e| wanted(e, &params)).map(to_sse).collect()
    };
    let replayed_up_to = backlog.last().map(|e| e.id).or(last_seen).unwrap_or(0);
    let params = Arc::new(params);
    let live = stream::unfold(receiver, move |mut receiver| {
        let params = params.clone();
        async move {
            loop {
                match receiver.recv().await {
                    Ok(event) if event.id > replayed_up_to && wanted(&event, &params) => {
                        return Some((Ok(to_sse(&event)), receiver))
                    }
                    Ok(_) => continue,
                    // Too slow to keep up: the client reloads instead.
                    Err(RecvError::Lagged(_)) => return Some((Ok(reset()), receiver)),
                    Err(RecvError::Closed) => return None,
                }
            }
        }
    });
    let stream = stream::iter(first.into_iter().map(Ok)).chain(live);
    // The comment line every 15 s keeps proxies from closing an idle stream.
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

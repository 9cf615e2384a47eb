//! `GET /api/v1/events`: server-sent events of what changes on the board.

use crate::error::Result;
use crate::extract::Query;
use crate::state::AppState;
use crate::store::EventRow;
use crate::workers::live::{self, Live};
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use bytes::Bytes;
use futures_util::stream::{self, Stream, StreamExt};
use serde::Deserialize;
use std::convert::Infallible;
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
pub(crate) struct Params {
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

/// Tells the client to reload: it missed more than can be replayed.
const RESET: &[u8] = b"data: {\"kind\":\"reset\"}\n\n";
/// A comment line: keeps idle connections open through proxies.
const KEEP_ALIVE: &[u8] = b":\n\n";

#[utoipa::path(
    get,
    path = "/api/v1/events",
    operation_id = "events",
    tag = "live",
    params(Params),
    responses((status = 200, description = "A stream of server-sent events: `id` is the outbox id, `data` is `{kind, idea_id, payload}`; `Last-Event-ID` resumes", content_type = "text/event-stream"))
)]
async fn events(State(state): State<AppState>, Query(params): Query<Params>, headers: HeaderMap) -> Result<Response> {
    let last_seen = last_seen(headers.get("last-event-id").map(|v| v.as_bytes()));
    let frames = open(&state, params, last_seen).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/event-stream"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        Body::from_stream(frames.map(Ok::<_, Infallible>)),
    )
        .into_response())
}

/// The `Last-Event-ID` a reconnecting client sends, if it is an id.
pub(crate) fn last_seen(header: Option<&[u8]>) -> Option<i64> {
    std::str::from_utf8(header?).ok()?.trim().parse().ok()
}

/// The frames of one stream: what the client missed since `last_seen`, then
/// each new event it wants, and the keep-alives. Shared by this route and the
/// connections served without hyper (`crate::live_conn`).
pub(crate) async fn open(
    state: &AppState,
    params: Params,
    last_seen: Option<i64>,
) -> Result<impl Stream<Item = Bytes> + Send + 'static> {
    // Subscribe before reading the backlog, so nothing falls between them.
    let receiver = state.live.subscribe();
    let mut backlog = match last_seen {
        Some(id) => state.store.events_after(id, REPLAY_MAX + 1).await?,
        None => Vec::new(),
    };
    let (first, replayed_up_to): (Vec<Bytes>, i64) = if backlog.len() > REPLAY_MAX as usize {
        // The client reloads everything, so no event up to the newest one is
        // due any more, even if the hub has yet to pass it on.
        backlog.clear();
        (vec![Bytes::from_static(RESET)], state.store.last_event_id().await?)
    } else {
        let frames = backlog.iter().filter(|e| wanted(e, &params)).map(live::frame).collect();
        (frames, backlog.last().map(|e| e.id).or(last_seen).unwrap_or(0))
    };
    // Per stream only the receiver and the filter live on; each frame is
    // the hub's, shared (see `LiveEvent`).
    let live = stream::unfold((receiver, params), move |(mut receiver, params)| async move {
        loop {
            let frame = match receiver.recv().await {
                Ok(Live::Event(event)) if event.row.id > replayed_up_to && wanted(&event.row, &params) => {
                    event.frame.clone()
                }
                Ok(Live::KeepAlive) => Bytes::from_static(KEEP_ALIVE),
                Ok(Live::Event(_)) => continue,
                // Too slow to keep up: the client reloads instead.
                Err(RecvError::Lagged(_)) => Bytes::from_static(RESET),
                Err(RecvError::Closed) => return None,
            };
            return Some((frame, (receiver, params)));
        }
    });
    Ok(stream::iter(first).chain(live))
}

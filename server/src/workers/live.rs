//! Live updates: one task per server reads the outbox after commit and
//! broadcasts each new event to the open event streams (`GET /api/v1/events`).
//!
//! Reading the table, rather than being told by the request that wrote it,
//! means nothing uncommitted is announced, and another instance's writes on
//! the same PostgreSQL arrive too.

use crate::list_cache::IdeaLists;
use crate::own_marks::OwnMarksChanged;
use crate::state::AppState;
use crate::store::{EventRow, Store, StoreResult};
use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use bytes::Bytes;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{broadcast, Notify};

/// How often the outbox is read when nothing wakes the reader: the upper
/// bound of the added latency for another instance's writes. This
/// instance's own writes wake it at once (`nudge`).
const TICK: Duration = Duration::from_millis(100);
const BATCH: u32 = 500;

/// How often every open stream gets a comment line, so that proxies do not
/// close an idle one. One timer for all streams, not one each.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// An outbox event with its server-sent-events frame, encoded once for all
/// the streams it goes to (with thousands open, encoding it per stream was
/// most of the fan-out's time).
pub struct LiveEvent {
    pub row: EventRow,
    pub frame: Bytes,
}

impl LiveEvent {
    pub fn new(row: EventRow) -> LiveEvent {
        LiveEvent {
            frame: frame(&row),
            row,
        }
    }
}

/// `id: <outbox id>` and `data: {kind, idea_id, payload}`.
pub fn frame(row: &EventRow) -> Bytes {
    let payload: serde_json::Value = serde_json::from_str(&row.payload).unwrap_or_default();
    let data = serde_json::json!({ "kind": row.kind, "idea_id": row.idea_id, "payload": payload });
    Bytes::from(format!("id: {}\ndata: {data}\n\n", row.id))
}

/// What the hub sends to every open stream.
#[derive(Clone)]
pub enum Live {
    Event(Arc<LiveEvent>),
    KeepAlive,
}

#[derive(Clone)]
pub struct LiveHub {
    sender: broadcast::Sender<Live>,
    wake: Arc<Notify>,
}

impl LiveHub {
    pub fn subscribe(&self) -> broadcast::Receiver<Live> {
        self.sender.subscribe()
    }

    /// Something was written here: read the outbox now, not at the next tick.
    pub fn nudge(&self) {
        self.wake.notify_one();
    }
}

/// Middleware on the API: a successful state change voids the visitors'
/// cached lists and nudges the hub, so its event reaches the open streams
/// without waiting for the next tick; and voids the members' kept marks
/// that it may have changed (see `own_marks`).
pub async fn after_writes(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let res = next.run(req).await;
    if writes && res.status().is_success() {
        state.lists.invalidate();
        state.live.nudge();
    }
    // A write that failed may still have committed something before it
    // failed (a server error); a refused one (4xx) changed nothing.
    if writes && (res.status().is_success() || res.status().is_server_error()) {
        match res.extensions().get::<OwnMarksChanged>() {
            Some(OwnMarksChanged(member)) => state.own_marks.forget(*member),
            None => state.own_marks.clear(),
        }
    }
    res
}

/// Also voids the visitors' cached lists on every event it reads: that is
/// how another instance's writes reach this one's cache.
pub fn spawn(store: Arc<dyn Store>, lists: Arc<IdeaLists>) -> LiveHub {
    let (sender, _) = broadcast::channel(4096);
    let wake = Arc::new(Notify::new());
    let hub = LiveHub {
        sender: sender.clone(),
        wake: wake.clone(),
    };
    let beat = sender.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(KEEP_ALIVE);
        every.tick().await;
        loop {
            every.tick().await;
            let _ = beat.send(Live::KeepAlive);
        }
    });
    tokio::spawn(async move {
        let mut last = loop {
            match store.last_event_id().await {
                Ok(id) => break id,
                Err(error) => {
                    tracing::error!(%error, "live updates cannot read the outbox yet");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        };
        loop {
            match read(store.as_ref(), &sender, &lists, &mut last).await {
                // A full batch: more may be waiting.
                Ok(true) => {}
                Ok(false) => idle(&wake).await,
                Err(error) => {
                    tracing::error!(%error, "live updates could not read the outbox");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    });
    hub
}

/// Reads the outbox past `last`: broadcasts each new event and voids the
/// visitors' lists if there was any. True if a full batch was read.
async fn read(
    store: &dyn Store,
    sender: &broadcast::Sender<Live>,
    lists: &IdeaLists,
    last: &mut i64,
) -> StoreResult<bool> {
    // Nobody is watching: that something was written matters (to the
    // visitors' lists), not what. Under a write load this spares reading and
    // encoding every event. (The count is looked at again after the newest
    // id: whoever subscribes later only expects events written after it.)
    if sender.receiver_count() == 0 {
        let newest = store.last_event_id().await?;
        if sender.receiver_count() == 0 {
            if newest > *last {
                *last = newest;
                lists.invalidate();
            }
            return Ok(false);
        }
    }
    let events = store.events_after(*last, BATCH).await?;
    let full = events.len() == BATCH as usize;
    if !events.is_empty() {
        lists.invalidate();
    }
    for event in events {
        *last = event.id;
        // No subscriber is fine: nobody is watching.
        let _ = sender.send(Live::Event(Arc::new(LiveEvent::new(event))));
    }
    Ok(full)
}

/// Until the next tick, or until a write here wakes the reader.
async fn idle(wake: &Notify) {
    tokio::select! {
        _ = tokio::time::sleep(TICK) => {}
        _ = wake.notified() => {}
    }
}

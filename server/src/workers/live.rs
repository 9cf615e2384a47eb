//! Live updates: one task per server reads the outbox after commit and
//! broadcasts each new event to the open event streams (`GET /api/v1/events`).
//!
//! Reading the table, rather than being told by the request that wrote it,
//! means nothing uncommitted is announced, and another instance's writes on
//! the same PostgreSQL arrive too.

use crate::state::AppState;
use crate::store::{EventRow, Store};
use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{broadcast, Notify};

/// How often the outbox is read when nothing wakes the reader: the upper
/// bound of the added latency for another instance's writes. This
/// instance's own writes wake it at once (`nudge`).
const TICK: Duration = Duration::from_millis(100);
const BATCH: u32 = 500;

#[derive(Clone)]
pub struct LiveHub {
    sender: broadcast::Sender<Arc<EventRow>>,
    wake: Arc<Notify>,
}

impl LiveHub {
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<EventRow>> {
        self.sender.subscribe()
    }

    /// Something was written here: read the outbox now, not at the next tick.
    pub fn nudge(&self) {
        self.wake.notify_one();
    }
}

/// Middleware on the API: a successful state change nudges the hub, so its
/// event reaches the open streams without waiting for the next tick.
pub async fn after_writes(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let res = next.run(req).await;
    if writes && res.status().is_success() {
        state.live.nudge();
    }
    res
}

pub fn spawn(store: Arc<dyn Store>) -> LiveHub {
    let (sender, _) = broadcast::channel(4096);
    let wake = Arc::new(Notify::new());
    let hub = LiveHub {
        sender: sender.clone(),
        wake: wake.clone(),
    };
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
            match store.events_after(last, BATCH).await {
                Ok(events) => {
                    let full = events.len() == BATCH as usize;
                    for event in events {
                        last = event.id;
                        // No subscriber is fine: nobody is watching.
                        let _ = sender.send(Arc::new(event));
                    }
                    if !full {
                        tokio::select! {
                            _ = tokio::time::sleep(TICK) => {}
                            _ = wake.notified() => {}
                        }
                    }
                }
                Err(error) => {
                    tracing::error!(%error, "live updates could not read the outbox");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    });
    hub
}

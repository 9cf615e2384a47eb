//! Live updates: one task per server reads the outbox after commit and
//! broadcasts each new event to the open event streams (`GET /api/v1/events`).
//!
//! Reading the table, rather than being told by the request that wrote it,
//! means nothing uncommitted is announced, and another instance's writes on
//! the same PostgreSQL arrive too.

use crate::store::{EventRow, Store};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast;

/// How often the outbox is read; the upper bound of the added latency.
const TICK: Duration = Duration::from_millis(100);
const BATCH: u32 = 500;

#[derive(Clone)]
pub struct LiveHub {
    sender: broadcast::Sender<Arc<EventRow>>,
}

impl LiveHub {
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<EventRow>> {
        self.sender.subscribe()
    }
}

pub fn spawn(store: Arc<dyn Store>) -> LiveHub {
    let (sender, _) = broadcast::channel(4096);
    let hub = LiveHub { sender: sender.clone() };
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
                        tokio::time::sleep(TICK).await;
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

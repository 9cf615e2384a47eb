//! Fans outbox events out into the notifications of each idea's followers.
//!
//! Each round is one store transaction that moves the consumer's cursor, and
//! notifications are unique per (user, event), so a crash or a second
//! instance doing the same round never doubles or loses one.

use crate::store::Store;
use std::sync::Arc;
use std::time::Duration;

const BATCH: u32 = 200;
/// How long an idle worker waits before looking again.
const IDLE: Duration = Duration::from_millis(250);

pub fn spawn(store: Arc<dyn Store>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match store.fan_out_notifications(BATCH).await {
                // A full batch: more may be waiting.
                Ok(n) if n == BATCH as usize => continue,
                Ok(_) => tokio::time::sleep(IDLE).await,
                Err(error) => {
                    tracing::error!(%error, "notification fan-out failed; retrying");
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
            }
        }
    })
}

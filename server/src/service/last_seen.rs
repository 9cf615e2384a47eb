//! Sessions marked as seen, in batches, off the request's path.
//!
//! A session ends after a while unused (`SessionPolicy::idle_ms`), so every
//! signed-in request keeps its session's idle clock, to the minute: the
//! first request of each member in a minute marks their session (and them)
//! as seen. Written on the request's path, those were two write
//! transactions that the request waited for, queued behind the one SQLite
//! writer: under `list_signed_in` (`make bench`, 1,000 members) the first
//! second of reads ran at the speed of writes. So a request only notes its
//! session here and goes on, and one task writes every session noted since
//! its last write in one transaction (group commit, as `vote_queue`):
//! at once when the writer is idle, in batches when it is busy.
//!
//! What a crash can lose is the notes of its last moment: those sessions
//! then look idle a minute or so longer than they were. A clean stop writes
//! them ([`LastSeen::flush`]).
//!
//! Hand-written: a map under a lock and a `Notify`; the store call is the
//! point.

use crate::domain::time::now_ms;
use crate::store::Store;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::Notify;

/// The most sessions written in one transaction, so that the writer is
/// never held long by these.
const MAX_BATCH: usize = 256;

pub struct LastSeen {
    store: Arc<dyn Store>,
    /// Token hash → user id, noted since the last write.
    noted: Mutex<HashMap<String, i64>>,
    wake: Notify,
}

impl LastSeen {
    /// Starts the writing task.
    pub fn spawn(store: Arc<dyn Store>) -> Arc<LastSeen> {
        let last_seen = Arc::new(LastSeen {
            store,
            noted: Mutex::new(HashMap::new()),
            wake: Notify::new(),
        });
        let writer = last_seen.clone();
        tokio::spawn(async move {
            loop {
                writer.wake.notified().await;
                writer.flush().await;
            }
        });
        last_seen
    }

    /// The session `token_hash` of user `user_id` was used now.
    pub fn note(&self, token_hash: String, user_id: i64) {
        self.noted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(token_hash, user_id);
        self.wake.notify_one();
    }

    /// Writes every session noted so far. A failed write is logged and its
    /// sessions dropped: the next request of each notes it again.
    pub async fn flush(&self) {
        let noted = std::mem::take(&mut *self.noted.lock().unwrap_or_else(|e| e.into_inner()));
        // In one order (user, then session), so that two writers (instances
        // on one PostgreSQL) lock the rows they share in the same order.
        let mut seen: Vec<(String, i64)> = noted.into_iter().collect();
        seen.sort_by(|(a_token, a_user), (b_token, b_user)| (a_user, a_token).cmp(&(b_user, b_token)));
        for batch in seen.chunks(MAX_BATCH) {
            if let Err(error) = self.store.touch_sessions(batch, now_ms()).await {
                tracing::warn!(%error, sessions = batch.len(), "could not mark sessions as seen");
            }
        }
    }
}

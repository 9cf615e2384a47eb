//! What every handler can reach.

use crate::config::SessionArgs;
use crate::domain::time::MINUTE_MS;
use crate::store::Store;
use std::ops::Deref;
use std::sync::Arc;

/// What every handler can reach, behind one `Arc`. axum clones the state
/// for each extractor and middleware of each request; cloned field by
/// field (ten reference counts and a heap copy of `dist`), that was ~5% of
/// the server's CPU while serving visitors' lists (perf).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> AppState {
        AppState(Arc::new(shared))
    }
}

impl Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The parts of [`AppState`].
pub struct Shared {
    pub store: Arc<dyn Store>,
    pub sessions: SessionPolicy,
    /// New outbox events, for live streams.
    pub live: crate::workers::live::LiveHub,
    /// Visitors' idea lists between writes.
    pub lists: Arc<crate::list_cache::IdeaLists>,
    /// Members' own votes and follows between the writes that change them.
    pub own_marks: crate::own_marks::OwnMarks,
    /// Votes, written in batches (group commit).
    pub votes: crate::service::vote_queue::VoteQueue,
    /// Sessions' idle clocks, written in batches.
    pub last_seen: std::sync::Arc<crate::service::last_seen::LastSeen>,
    pub limits: crate::limits::Limits,
    /// The Content-Security-Policy of the web app (see `csp`).
    pub csp: std::sync::Arc<str>,
    /// The built web app.
    pub dist: std::path::PathBuf,
    /// The board's address as people outside reach it, without a trailing
    /// slash (`--public-url`, else the address it listens on).
    pub public_url: std::sync::Arc<str>,
}

/// How long sessions live and how their cookie is marked.
#[derive(Clone, Copy, Debug)]
pub struct SessionPolicy {
    pub secure_cookies: bool,
    pub idle_ms: i64,
    pub max_ms: i64,
}

impl From<&SessionArgs> for SessionPolicy {
    fn from(args: &SessionArgs) -> Self {
        SessionPolicy {
            secure_cookies: args.secure_cookies,
            idle_ms: args.session_idle_minutes.max(1) * MINUTE_MS,
            max_ms: args.session_max_minutes.max(1) * MINUTE_MS,
        }
    }
}

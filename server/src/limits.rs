//! Rate limits (GCRA: a burst at once, then one more per interval): sign-in
//! and registration per client address; ideas, comments and votes per
//! account and per address.
//!
//! The buckets live in the database (`store::LimitStore`), not in process
//! memory as tower_governor keeps them: several instances behind a load
//! balancer then count the same attempts, as one instance would, at the
//! price of one small upsert per limited request.

use crate::config::RateLimitArgs;
use crate::domain::time::now_ms;
use crate::error::Error;
use crate::state::AppState;
use crate::store::{BucketTake, Store, StoreResult};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{Extensions, HeaderMap, HeaderName};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use std::time::Duration;

/// One limit: `burst` attempts at once, then one more per interval.
#[derive(Clone, Copy, Debug)]
struct Bucket {
    interval_ms: i64,
    tolerance_ms: i64,
}

impl Bucket {
    fn new(burst: u32, refill_seconds: u64) -> anyhow::Result<Bucket> {
        let interval_ms = i64::try_from(refill_seconds.max(1))?.saturating_mul(1000);
        Ok(Bucket {
            interval_ms,
            tolerance_ms: interval_ms.saturating_mul(i64::from(burst.max(1)) - 1),
        })
    }

    fn take(self, key: String) -> BucketTake {
        BucketTake {
            key,
            interval_ms: self.interval_ms,
            tolerance_ms: self.tolerance_ms,
        }
    }

    /// The same rate for `factor` times as many people (one address).
    fn shared_by(self, factor: i64) -> Bucket {
        Bucket {
            interval_ms: (self.interval_ms / factor).max(1),
            tolerance_ms: self.tolerance_ms.saturating_mul(factor),
        }
    }
}

/// A client address may act for this many accounts (an office, a school)
/// before its own limit bites.
const ACCOUNTS_PER_ADDRESS: i64 = 5;

/// What is limited besides signing in.
#[derive(Clone, Copy, Debug)]
pub enum Action {
    /// Creating ideas and comments.
    Post,
    /// Casting and withdrawing votes.
    Vote,
}

#[derive(Clone, Debug)]
pub struct Limits {
    auth: Bucket,
    post: Bucket,
    vote: Bucket,
    /// Behind a proxy: the header that carries the client's address.
    client_ip_header: Option<HeaderName>,
}

impl Limits {
    pub fn new(args: &RateLimitArgs) -> anyhow::Result<Limits> {
        let client_ip_header = match &args.client_ip_header {
            Some(name) => Some(HeaderName::try_from(name.as_str())?),
            None => None,
        };
        Ok(Limits {
            auth: Bucket::new(args.auth_burst, args.auth_refill_seconds)?,
            post: Bucket::new(args.post_burst, args.post_refill_seconds)?,
            vote: Bucket::new(args.vote_burst, args.vote_refill_seconds)?,
            client_ip_header,
        })
    }

    /// Counts one `action` of `user_id` from `ip` against both the account's
    /// and the address's limit.
    pub async fn check(&self, store: &dyn Store, action: Action, user_id: i64, ip: &str) -> Result<(), Error> {
        take(store, &self.buckets(action, user_id, ip)).await
    }

    /// The buckets one `action` of `user_id` from `ip` takes from, in order:
    /// the account's, then the address's.
    pub fn buckets(&self, action: Action, user_id: i64, ip: &str) -> Vec<BucketTake> {
        let (name, bucket) = match action {
            Action::Post => ("post", self.post),
            Action::Vote => ("vote", self.vote),
        };
        vec![
            bucket.take(format!("{name}:user:{user_id}")),
            bucket.shared_by(ACCOUNTS_PER_ADDRESS).take(format!("{name}:ip:{ip}")),
        ]
    }

    /// Counts a sign-in attempt for `email` (normalised), whatever address
    /// it comes from: guessing one account's password from many addresses
    /// is as slow as from one. The real user waits at most one interval.
    pub async fn check_sign_in(&self, store: &dyn Store, email: &str) -> Result<(), Error> {
        take(store, &[self.auth.take(format!("signin:{email}"))]).await
    }

    /// The client's address: the configured header's last entry (the one
    /// the trusted proxy added), or else the peer address.
    pub fn client_ip(&self, headers: &HeaderMap, extensions: &Extensions) -> String {
        let forwarded = self
            .client_ip_header
            .as_ref()
            .and_then(|name| headers.get(name))
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty());
        if let Some(ip) = forwarded {
            return ip.to_owned();
        }
        extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or_else(|| "unknown".to_owned(), |ConnectInfo(addr)| addr.ip().to_string())
    }
}

/// `take_all` now, as the API answers it: a refusal is a 429.
async fn take(store: &dyn Store, buckets: &[BucketTake]) -> Result<(), Error> {
    match take_all(store, buckets, now_ms()).await? {
        None => Ok(()),
        Some(wait_ms) => Err(refused(wait_ms)),
    }
}

/// Takes from each bucket in turn, each in a statement of its own (a bucket
/// row, the address's above all, is shared by many users and must not stay
/// locked); stops at the first that refuses, with its wait.
pub async fn take_all(store: &dyn Store, buckets: &[BucketTake], now: i64) -> StoreResult<Option<i64>> {
    for bucket in buckets {
        let refusal = store
            .take_attempt(&bucket.key, now, bucket.interval_ms, bucket.tolerance_ms)
            .await?;
        if refusal.is_some() {
            return Ok(refusal);
        }
    }
    Ok(None)
}

/// The 429 for a bucket that lets the next attempt through in `wait_ms`.
pub fn refused(wait_ms: i64) -> Error {
    Error::RateLimited {
        retry_after: u64::try_from(wait_ms).unwrap_or(0).div_ceil(1000),
    }
}

/// Middleware on sign-in and registration: counts the attempt per address,
/// or answers 429 with `Retry-After`.
pub async fn auth_attempts(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let limits = &state.limits;
    let bucket = limits
        .auth
        .take(format!("auth:{}", limits.client_ip(req.headers(), req.extensions())));
    match take(state.store.as_ref(), &[bucket]).await {
        Ok(()) => next.run(req).await,
        Err(error) => error.into_response(),
    }
}

/// Forgets full buckets now and then, so the table stays small.
pub fn spawn_pruning(store: std::sync::Arc<dyn crate::store::Store>) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(600)).await;
            if let Err(error) = store.prune_rate_limits(now_ms()).await {
                tracing::warn!(%error, "could not prune rate limits");
            }
        }
    });
}

//! Rate limits on sign-in and registration, per client address (GCRA: a
//! burst at once, then one more attempt per interval).
//!
//! The buckets live in the database (`store::LimitStore`), not in process
//! memory as tower_governor keeps them: several instances behind a load
//! balancer then count the same attempts, as one instance would. The limited
//! requests are few and each already costs an argon2 hash, so one upsert
//! per attempt is noise.

use crate::config::RateLimitArgs;
use crate::domain::time::now_ms;
use crate::error::Error;
use crate::state::AppState;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderName;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Limits {
    /// Milliseconds per attempt regained, and how far ahead the bucket may run.
    auth_interval_ms: i64,
    auth_tolerance_ms: i64,
    /// Behind a proxy: the header that carries the client's address.
    client_ip_header: Option<HeaderName>,
}

impl Limits {
    pub fn new(args: &RateLimitArgs) -> anyhow::Result<Limits> {
        let interval_ms = i64::try_from(args.auth_refill_seconds.max(1))?.saturating_mul(1000);
        let client_ip_header = match &args.client_ip_header {
            Some(name) => Some(HeaderName::try_from(name.as_str())?),
            None => None,
        };
        Ok(Limits {
            auth_interval_ms: interval_ms,
            auth_tolerance_ms: interval_ms.saturating_mul(i64::from(args.auth_burst.max(1)) - 1),
            client_ip_header,
        })
    }
}

/// Middleware: counts the attempt, or answers 429 with `Retry-After`.
pub async fn auth_attempts(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let limits = &state.limits;
    let key = format!("auth:{}", client_ip(&req, limits.client_ip_header.as_ref()));
    let taken = state
        .store
        .take_attempt(&key, now_ms(), limits.auth_interval_ms, limits.auth_tolerance_ms)
        .await;
    match taken {
        Ok(None) => next.run(req).await,
        Ok(Some(wait_ms)) => Error::RateLimited {
            retry_after: u64::try_from(wait_ms).unwrap_or(0).div_ceil(1000),
        }
        .into_response(),
        Err(error) => Error::from(error).into_response(),
    }
}

/// The configured header's last entry (the one the trusted proxy added), or
/// else the peer address.
fn client_ip(req: &Request, header: Option<&HeaderName>) -> String {
    let forwarded = header
        .and_then(|name| req.headers().get(name))
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .map(str::trim)
        .filter(|v| !v.is_empty());
    if let Some(ip) = forwarded {
        return ip.to_owned();
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "unknown".to_owned(), |ConnectInfo(addr)| addr.ip().to_string())
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

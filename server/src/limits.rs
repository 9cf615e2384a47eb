//! Rate limits per client address, with tower_governor (GCRA token buckets).
//!
//! The buckets live in this process. With several instances behind a load
//! balancer each keeps its own, so a client gets up to N times the limit;
//! that still slows password guessing by orders of magnitude.

use crate::config::RateLimitArgs;
use crate::error::Error;
use axum::body::Body;
use axum::response::IntoResponse;
use std::sync::Arc;
use std::time::Duration;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::PeerIpKeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

pub type Layer =
    GovernorLayer<PeerIpKeyExtractor, governor::middleware::NoOpMiddleware<governor::clock::QuantaInstant>, Body>;

/// The limit on sign-in and registration attempts.
pub fn auth(args: &RateLimitArgs) -> Layer {
    let config = GovernorConfigBuilder::default()
        .period(Duration::from_secs(args.auth_refill_seconds.max(1)))
        .burst_size(args.auth_burst.max(1))
        .key_extractor(PeerIpKeyExtractor)
        .finish()
        .expect("a period and a burst above zero make a valid limit");
    let config = Arc::new(config);
    // Forget idle clients now and then, so the table stays small.
    let limiter = config.limiter().clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(60)).await;
            limiter.retain_recent();
        }
    });
    GovernorLayer::new(config).error_handler(|e| {
        let error = match e {
            GovernorError::TooManyRequests { wait_time, .. } => Error::RateLimited { retry_after: wait_time },
            other => Error::Internal(anyhow::anyhow!("rate limiter: {other}")),
        };
        error.into_response()
    })
}

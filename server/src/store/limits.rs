//! Rate-limit buckets shared by all instances (see `crate::limits`).

use super::StoreResult;
use async_trait::async_trait;

#[async_trait]
pub trait LimitStore: Send + Sync {
    /// Counts an attempt against the bucket `key`, which refills one attempt
    /// per `interval_ms` and lets `tolerance_ms` worth of attempts through at
    /// once. `None`: allowed; `Some(ms)`: refused, try again in `ms`.
    async fn take_attempt(&self, key: &str, now: i64, interval_ms: i64, tolerance_ms: i64) -> StoreResult<Option<i64>>;
    /// Forgets buckets that are full again; returns how many.
    async fn prune_rate_limits(&self, now: i64) -> StoreResult<u64>;
}

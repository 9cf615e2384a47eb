/// GCRA in one atomic upsert: an attempt is let through when the bucket's
/// time is at most `tolerance` ahead of now, and then moves one interval on
/// (SET sees the old row). Binds: key, now, interval, tolerance; returns
/// `(tat, allowed)` for [`refusal`].
pub(in crate::store) const TAKE_ATTEMPT: &str = "INSERT INTO rate_limits (key, tat, allowed) VALUES ($1, $2 + $3, TRUE)
     ON CONFLICT (key) DO UPDATE SET
         allowed = (CASE WHEN rate_limits.tat > $2 THEN rate_limits.tat ELSE $2 END) - $2 <= $4,
         tat = CASE
             WHEN (CASE WHEN rate_limits.tat > $2 THEN rate_limits.tat ELSE $2 END) - $2 <= $4
             THEN (CASE WHEN rate_limits.tat > $2 THEN rate_limits.tat ELSE $2 END) + $3
             ELSE rate_limits.tat END
     RETURNING tat, allowed";

/// `None` if [`TAKE_ATTEMPT`] let the attempt through, else how many
/// milliseconds until it would.
pub(in crate::store) fn refusal((tat, allowed): (i64, bool), tolerance_ms: i64, now: i64) -> Option<i64> {
    (!allowed).then(|| tat - tolerance_ms - now)
}

macro_rules! limit_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::LimitStore for $store {
            async fn take_attempt(
                &self,
                key: &str,
                now: i64,
                interval_ms: i64,
                tolerance_ms: i64,
            ) -> crate::store::StoreResult<Option<i64>> {
                let taken = sqlx::query_as(super::limits::TAKE_ATTEMPT)
                    .bind(key)
                    .bind(now)
                    .bind(interval_ms)
                    .bind(tolerance_ms)
                    .fetch_one(&self.writer)
                    .await?;
                Ok(super::limits::refusal(taken, tolerance_ms, now))
            }

            async fn prune_rate_limits(&self, now: i64) -> crate::store::StoreResult<u64> {
                sqlx::query("DELETE FROM rate_limits WHERE tat < $1")
                    .bind(now)
                    .execute(&self.writer)
                    .await
                    .map(|r| r.rows_affected())
            }
        }
    };
}
for_each_backend!(limit_store);

//! Background consumers of the outbox (see shared DESIGN.md): they read the
//! `events` table after commit, so nothing uncommitted is ever announced and
//! nothing committed is missed.

pub mod email;
pub mod live;
pub mod notifications;
pub mod webhooks;

/// The wait before the next attempt after `attempts` tries of a queued
/// delivery (email, webhook): the base, then twice as long each time, never
/// more than an hour.
pub(crate) fn backoff(base_ms: i64, attempts: i64) -> i64 {
    const MAX_BACKOFF_MS: i64 = 60 * crate::domain::time::MINUTE_MS;
    let doublings = u32::try_from(attempts.saturating_sub(1)).unwrap_or(0).min(30);
    base_ms.saturating_mul(1_i64 << doublings).min(MAX_BACKOFF_MS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(super::backoff(1000, 1), 1000);
        assert_eq!(super::backoff(1000, 2), 2000);
        assert_eq!(super::backoff(1000, 3), 4000);
        assert_eq!(super::backoff(30_000, 40), 60 * 60 * 1000);
    }
}

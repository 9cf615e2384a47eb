//! The "trending" score: recent votes and comments, with time decay.
//!
//! Every event adds a weight that decays exponentially with its age:
//!
//! ```text
//! trending(now) = Σ weightᵢ · e^(−(now − tᵢ) / τ)      τ = 3 days
//! ```
//!
//! with weight 1 for a vote, 2 for a comment (a discussion says more than a
//! click), and 1 for the idea's creation, so a brand-new idea starts level
//! with a day-old idea that has one fresh vote. A vote withdrawn takes its
//! weight back out.
//!
//! Every idea's score shrinks by the same factor e^(−Δt/τ) as time passes,
//! so the *order* never changes by waiting. That makes the score storable
//! and indexable: we keep `ln Σ weightᵢ · e^((tᵢ − T₀)/τ)` (T₀ = 2026-01-01),
//! in log space so that it never overflows, update it in the transaction of
//! each vote or comment, and sort by it like any other column.

use crate::domain::time::DAY_MS;

pub const TAU_MS: f64 = 3.0 * DAY_MS as f64;
pub const T0_MS: i64 = 1_767_225_600_000;
pub const VOTE: f64 = 1.0;
pub const COMMENT: f64 = 2.0;

fn exponent(at_ms: i64, weight: f64) -> f64 {
    (at_ms - T0_MS) as f64 / TAU_MS + weight.ln()
}

/// The score of an idea created at `created_ms` with no activity yet.
pub fn initial(created_ms: i64) -> f64 {
    exponent(created_ms, 1.0)
}

/// The score after an event of `weight` at `at_ms`.
pub fn add(score: f64, at_ms: i64, weight: f64) -> f64 {
    let x = exponent(at_ms, weight);
    let (hi, lo) = if score > x { (score, x) } else { (x, score) };
    hi + (lo - hi).exp().ln_1p()
}

/// The score after taking back an event of `weight` at `at_ms`; never below
/// the creation term, which no withdrawal removes.
pub fn remove(score: f64, at_ms: i64, weight: f64, created_ms: i64) -> f64 {
    let x = exponent(at_ms, weight);
    let floor = initial(created_ms);
    if x >= score {
        return floor;
    }
    let rest = score + (-(x - score).exp()).ln_1p();
    if rest.is_finite() {
        rest.max(floor)
    } else {
        floor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 3_600_000;
    const NOW: i64 = T0_MS + 300 * DAY_MS;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn recent_activity_beats_old_activity() {
        let old = (0..10).fold(initial(NOW - 30 * DAY_MS), |s, k| {
            add(s, NOW - 29 * DAY_MS + k * HOUR, VOTE)
        });
        let fresh = (0..3).fold(initial(NOW - 2 * DAY_MS), |s, k| add(s, NOW - DAY_MS + k * HOUR, VOTE));
        assert!(fresh > old, "3 votes today outrank 10 votes a month ago");
    }

    #[test]
    fn a_comment_weighs_two_votes() {
        let start = initial(NOW - DAY_MS);
        let two_votes = add(add(start, NOW, VOTE), NOW, VOTE);
        assert!(close(add(start, NOW, COMMENT), two_votes));
    }

    #[test]
    fn withdrawing_a_vote_restores_the_score() {
        let start = initial(NOW - DAY_MS);
        let voted = add(start, NOW, VOTE);
        assert!(voted > start);
        assert!(close(remove(voted, NOW, VOTE, NOW - DAY_MS), start));
        assert!(
            close(remove(start, NOW, VOTE, NOW - DAY_MS), start),
            "never below creation"
        );
    }

    #[test]
    fn scores_stay_finite_for_centuries() {
        let far = T0_MS + 200 * 365 * DAY_MS;
        let s = add(initial(far), far, VOTE);
        assert!(s.is_finite());
    }
}

//! The trends dashboard: daily activity, rising ideas, words and tags, and
//! who took part, for the last `days` days against the `days` before.

use crate::domain::time::{now_ms, rfc3339, DAY_MS};
use crate::error::{Error, Result};
use crate::state::AppState;
use schwarm_wire::trends::TREND_DAYS_MAX;
use schwarm_wire::{DayCount, IdeaLink, Participation, Problem, RisingIdea, RisingTerm, Trends};
use std::collections::BTreeMap;

/// Words too common to say anything (English and German).
const STOPWORDS: &[&str] = &[
    "the", "and", "for", "with", "that", "this", "from", "into", "are", "can", "all", "not", "you", "our", "your",
    "please", "would", "should", "could", "have", "has", "more", "make", "add", "allow", "support", "option", "der",
    "die", "das", "und", "für", "mit", "ein", "eine", "einen", "nicht", "von", "bei", "auf", "bitte", "zum", "zur",
    "den", "dem", "des", "wie", "mehr",
];

/// Lower-case words of at least three letters, each once per title.
fn words(title: &str) -> Vec<String> {
    let mut seen: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| {
            w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()) && !STOPWORDS.contains(&w.as_str())
        })
        .collect();
    seen.sort();
    seen.dedup();
    seen
}

/// Terms most gained first, then most used; only terms used at least
/// twice in the period; at most ten.
fn rising(counts: BTreeMap<String, (i64, i64)>) -> Vec<RisingTerm> {
    let mut terms: Vec<RisingTerm> = counts
        .into_iter()
        .filter(|(_, (now, _))| *now >= 2)
        .map(|(term, (count, count_before))| RisingTerm {
            term,
            count,
            count_before,
        })
        .collect();
    terms.sort_by(|a, b| {
        (b.count - b.count_before, b.count)
            .cmp(&(a.count - a.count_before, a.count))
            .then_with(|| a.term.cmp(&b.term))
    });
    terms.truncate(10);
    terms
}

pub async fn trends(state: &AppState, days: Option<&str>) -> Result<Trends> {
    let days = match days.map(str::trim) {
        None | Some("") => 30,
        Some(d) => d
            .parse::<i64>()
            .ok()
            .filter(|d| (1..=TREND_DAYS_MAX).contains(d))
            .ok_or_else(|| Error::invalid("days", Problem::OutOfRange(1, TREND_DAYS_MAX as u32)))?,
    };
    // Whole UTC days: the period ends with today.
    let today = now_ms().div_euclid(DAY_MS);
    let (to_day, from_day) = (today + 1, today + 1 - days);
    let (to, from, prev) = (to_day * DAY_MS, from_day * DAY_MS, (from_day - days) * DAY_MS);
    let counts = state.store.trend_counts(prev, from, to).await?;
    let lookup = |list: &[(i64, i64)], day: i64| list.iter().find(|(d, _)| *d == day).map_or(0, |(_, n)| *n);
    let daily = (from_day..to_day)
        .map(|day| DayCount {
            day: rfc3339(day * DAY_MS)[..10].to_owned(),
            ideas: lookup(&counts.ideas_by_day, day),
            votes: lookup(&counts.votes_by_day, day),
            comments: lookup(&counts.comments_by_day, day),
        })
        .collect();
    let rising_ideas = counts
        .rising_ideas
        .into_iter()
        .map(|(id, title, votes, votes_before)| RisingIdea {
            idea: IdeaLink { id, title },
            velocity: votes as f64 / votes_before.max(1) as f64,
            votes,
            votes_before,
        })
        .collect();
    let mut word_counts: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for (title, created_at) in &counts.titles {
        for word in words(title) {
            let slot = word_counts.entry(word).or_default();
            if *created_at >= from {
                slot.0 += 1;
            } else {
                slot.1 += 1;
            }
        }
    }
    let tag_counts = counts
        .tags
        .into_iter()
        .map(|(t, now, before)| (t, (now, before)))
        .collect();
    Ok(Trends {
        days,
        from: rfc3339(from),
        to: rfc3339(to),
        daily,
        rising_ideas,
        rising_words: rising(word_counts),
        rising_tags: rising(tag_counts),
        participation: Participation {
            contributors: counts.contributors,
            posted: counts.posted,
            commented: counts.commented,
            voted: counts.voted,
            only_signed_in: counts.only_signed_in,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_distinct_and_meaningful() {
        assert_eq!(
            words("Dark mode for the Dark theme, bitte! 2026"),
            ["dark", "mode", "theme"]
        );
    }

    #[test]
    fn rising_terms_rank_by_gain_and_need_two_uses() {
        let counts = BTreeMap::from([
            ("csv".to_owned(), (5, 1)),
            ("dark".to_owned(), (3, 0)),
            ("once".to_owned(), (1, 0)),
            ("steady".to_owned(), (4, 4)),
        ]);
        let terms: Vec<_> = rising(counts).into_iter().map(|t| t.term).collect();
        assert_eq!(terms, ["csv", "dark", "steady"]);
    }
}

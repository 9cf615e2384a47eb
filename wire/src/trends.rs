//! The trends dashboard (`GET /api/v1/triage/trends`): what the crowd did
//! in a period, and what is rising against the period before.

use crate::ideas::IdeaLink;
use serde::{Deserialize, Serialize};

/// The periods the dashboard offers, in days; the API takes 1 to 365.
pub const TREND_PERIODS: [i64; 3] = [7, 30, 90];
pub const TREND_DAYS_MAX: i64 = 365;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Trends {
    pub days: i64,
    /// RFC 3339, UTC: the period is [from, to).
    pub from: String,
    pub to: String,
    /// One entry per day of the period, oldest first (UTC days).
    pub daily: Vec<DayCount>,
    /// Most new votes against the period before, at most 10.
    pub rising_ideas: Vec<RisingIdea>,
    /// Words of new ideas' titles, most gained first, at most 10.
    pub rising_words: Vec<RisingTerm>,
    /// Tags of new ideas, most gained first, at most 10.
    pub rising_tags: Vec<RisingTerm>,
    pub participation: Participation,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DayCount {
    /// `YYYY-MM-DD`.
    pub day: String,
    pub ideas: i64,
    pub votes: i64,
    pub comments: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RisingIdea {
    pub idea: IdeaLink,
    /// Votes cast in this period and in the one before.
    pub votes: i64,
    pub votes_before: i64,
    /// Votes per day now divided by votes per day before (before counted as
    /// at least one vote): how many times faster it gains votes.
    pub velocity: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RisingTerm {
    pub term: String,
    /// New ideas using it in this period and in the one before.
    pub count: i64,
    pub count_before: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Participation {
    /// Members who posted, commented or voted in the period.
    pub contributors: i64,
    pub posted: i64,
    pub commented: i64,
    pub voted: i64,
    /// Members who were signed in during the period and did none of those.
    pub only_signed_in: i64,
}

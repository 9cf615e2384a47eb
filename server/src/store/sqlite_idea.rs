//! SQLite's read of one idea, run on the calling thread.
//!
//! Every idea page, every vote refused and every comment's visibility check
//! reads one idea. Through sqlx that was two trips to a reader's worker
//! thread (the idea, then its tags), and `make bench`'s `idea` scenario
//! (random ids, 64 connections) ran at about a seventh of the cached lists'
//! rate. Like the session lookup (`sqlite_reads`), it now runs on a
//! read-only rusqlite connection without a thread hand-off; the query is
//! the one PostgreSQL runs (`shared::idea_columns::IDEA_ONE`).

use super::shared::idea_columns::IDEA_ONE;
use super::sqlite::SqliteStore;
use super::{IdeaRow, StoreResult};
use rusqlite::{OptionalExtension, Row};

/// One idea's tags, (name, colour) in name order: the lists' `attach_tags`
/// for one id, as a fixed statement that stays prepared.
const IDEA_TAGS: &str = "SELECT t.name, t.colour FROM idea_tags it JOIN tags t ON t.id = it.tag_id
     WHERE it.idea_id = ?1 ORDER BY t.name";

impl SqliteStore {
    pub(super) async fn find_idea(&self, id: i64, viewer: Option<i64>) -> StoreResult<Option<IdeaRow>> {
        self.direct.run(|conn| {
            let Some(mut idea) = conn
                .prepare_cached(IDEA_ONE)?
                .query_row((viewer, id), idea_row)
                .optional()?
            else {
                return Ok(None);
            };
            idea.tags = conn
                .prepare_cached(IDEA_TAGS)?
                .query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(Some(idea))
        })
    }
}

/// An `IdeaRow` from `IDEA_ONE`'s columns, by name (as sqlx's `FromRow`).
fn idea_row(row: &Row<'_>) -> rusqlite::Result<IdeaRow> {
    Ok(IdeaRow {
        id: row.get("id")?,
        title: row.get("title")?,
        body_md: row.get("body_md")?,
        body_html: row.get("body_html")?,
        status: row.get("status")?,
        status_response_html: row.get("status_response_html")?,
        status_response_by: row.get("status_response_by")?,
        status_response_at: row.get("status_response_at")?,
        vote_count: row.get("vote_count")?,
        comment_count: row.get("comment_count")?,
        created_at: row.get("created_at")?,
        author_id: row.get("author_id")?,
        author_name: row.get("author_name")?,
        board_slug: row.get("board_slug")?,
        board_name: row.get("board_name")?,
        tags: Vec::new(),
        voted: row.get("voted")?,
        following: row.get("following")?,
        triaged: row.get("triaged")?,
        merged_into: row.get("merged_into")?,
        merged_into_title: row.get("merged_into_title")?,
        hidden: row.get("hidden")?,
        spam: row.get("spam")?,
        approved: row.get("approved")?,
        impact: row.get("impact")?,
        effort: row.get("effort")?,
        trend: row.get("trend")?,
        relevance: 0.0,
    })
}

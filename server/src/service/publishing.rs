//! The public roadmap and the changelog (with its Atom feed).

use crate::domain::cursor::Cursor;
use crate::domain::markdown;
use crate::domain::time::{now_ms, rfc3339};
use crate::error::{Error, Result};
use crate::service::ideas::to_wire as idea_to_wire;
use crate::state::AppState;
use crate::store::{ChangelogRow, ChangelogSave, IdeaQuery};
use schwarm_wire::publishing::ROADMAP_COLUMN_MAX;
use schwarm_wire::{ChangelogEntry, ChangelogInput, IdeaLink, Page, Problem, RoadmapColumn, Sort};

/// The roadmap: a column per status flagged for it, most votes first;
/// optionally of one board.
pub async fn roadmap(state: &AppState, board: Option<String>, viewer: Option<i64>) -> Result<Vec<RoadmapColumn>> {
    let statuses = crate::service::triage::statuses(state).await?;
    let mut columns = Vec::new();
    for status in statuses.into_iter().filter(|s| s.on_roadmap) {
        let query = IdeaQuery {
            sort: Sort::Top,
            after: None,
            status: Some(status.key.clone()),
            search: None,
            board: board.clone(),
            tag: None,
            author: None,
            voter: None,
            limit: ROADMAP_COLUMN_MAX,
            viewer,
            triage: None,
        };
        let ideas = state.store.ideas(&query).await?.into_iter().map(idea_to_wire).collect();
        columns.push(RoadmapColumn { status, ideas });
    }
    Ok(columns)
}

fn entry_to_wire(row: ChangelogRow) -> ChangelogEntry {
    ChangelogEntry {
        id: row.id,
        title: row.title,
        body: row.body_md,
        body_html: row.body_html,
        ideas: row
            .ideas
            .into_iter()
            .map(|(id, title)| IdeaLink { id, title })
            .collect(),
        published_at: row.published_at.map(rfc3339),
        created_at: rfc3339(row.created_at),
    }
}

/// Changelog entries per page.
pub const CHANGELOG_PAGE: u32 = 20;

/// Published entries, newest first, in pages.
pub async fn changelog(state: &AppState, cursor: Option<&str>) -> Result<Page<ChangelogEntry>> {
    let before = match cursor {
        None | Some("") => None,
        Some(c) => Some(Cursor::decode(c).ok_or_else(|| Error::invalid("cursor", Problem::Invalid))?),
    };
    let rows = state
        .store
        .changelog(false, before.map(|c| (c.key, c.id)), CHANGELOG_PAGE + 1)
        .await?;
    Ok(crate::domain::page::page_of(
        rows,
        CHANGELOG_PAGE,
        |last| {
            Cursor {
                key: last.published_at.unwrap_or_default(),
                id: last.id,
            }
            .encode()
        },
        entry_to_wire,
    ))
}

/// Every entry, drafts first: the team's view.
pub async fn all_entries(state: &AppState) -> Result<Vec<ChangelogEntry>> {
    Ok(state
        .store
        .changelog(true, None, 200)
        .await?
        .into_iter()
        .map(entry_to_wire)
        .collect())
}

pub async fn save(state: &AppState, id: Option<i64>, pm_id: i64, input: ChangelogInput) -> Result<ChangelogEntry> {
    let (title, body) = input.validate().map_err(Error::Validation)?;
    let rendered = markdown::rendered(body.as_str());
    let entry = ChangelogSave {
        title: title.as_str(),
        body: &rendered,
        idea_ids: &input.idea_ids,
        publish: input.publish,
    };
    let id = state
        .store
        .save_changelog(id, entry, pm_id, now_ms())
        .await?
        .ok_or(Error::NotFound)?;
    let row = state.store.changelog_entry(id).await?.ok_or(Error::NotFound)?;
    Ok(entry_to_wire(row))
}

pub async fn delete(state: &AppState, id: i64) -> Result<()> {
    match state.store.delete_changelog(id).await? {
        true => Ok(()),
        false => Err(Error::NotFound),
    }
}

/// The Atom feed (RFC 4287) of the newest published entries.
pub async fn atom(state: &AppState) -> Result<String> {
    let rows = state.store.changelog(false, None, 50).await?;
    Ok(crate::domain::atom::feed(&state.public_url, &rows))
}

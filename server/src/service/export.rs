//! Ideas as CSV and JSON, for the team's spreadsheets and tools: filtered
//! like the list, every visible idea that matches (not one page).

use crate::domain::time::rfc3339;
use crate::error::{Error, Result};
use crate::service::ideas::{self, ListParams};
use crate::state::AppState;
use crate::store::IdeaQuery;
use schwarm_wire::ExportedIdea;

/// The most ideas one export holds.
pub const EXPORT_MAX: u32 = 100_000;

pub async fn ideas(state: &AppState, params: &ListParams, viewer: i64) -> Result<Vec<ExportedIdea>> {
    let query = ideas::parse_list(params, Some(viewer))?;
    let rows = state
        .store
        .ideas(&IdeaQuery {
            limit: EXPORT_MAX,
            after: None,
            ..query
        })
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| ExportedIdea {
            url: format!("{}/ideas/{}", state.public_url, row.id),
            id: row.id,
            title: row.title,
            status: row.status,
            votes: row.vote_count,
            comments: row.comment_count,
            tags: row.tags.into_iter().map(|(name, _)| name).collect(),
            board: row.board_slug,
            author: row.author_name,
            created_at: rfc3339(row.created_at),
        })
        .collect())
}

/// The CSV text: a header row, then one row per idea, tags joined by `; `.
/// A cell that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`)
/// starts with `'`, so opening the file runs nothing (OWASP CSV injection).
pub fn to_csv(ideas: &[ExportedIdea]) -> Result<String> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let header = [
        "id",
        "title",
        "status",
        "votes",
        "comments",
        "tags",
        "board",
        "author",
        "created_at",
        "url",
    ];
    out.write_record(header).map_err(|e| Error::Internal(e.into()))?;
    for idea in ideas {
        let record = [
            idea.id.to_string(),
            defuse(&idea.title),
            defuse(&idea.status),
            idea.votes.to_string(),
            idea.comments.to_string(),
            defuse(&idea.tags.join("; ")),
            defuse(&idea.board),
            defuse(&idea.author),
            idea.created_at.clone(),
            idea.url.clone(),
        ];
        out.write_record(&record).map_err(|e| Error::Internal(e.into()))?;
    }
    let bytes = out.into_inner().map_err(|e| Error::Internal(anyhow::anyhow!("{e}")))?;
    String::from_utf8(bytes).map_err(|e| Error::Internal(e.into()))
}

fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_commas_and_quotes_survive() {
        let idea = ExportedIdea {
            id: 7,
            title: "=HYPERLINK(\"x\"), \"quoted\"".into(),
            status: "open".into(),
            votes: 3,
            comments: 1,
            tags: vec!["UX".into(), "Mobile".into()],
            board: "web".into(),
            author: "@ann".into(),
            created_at: "2026-01-01T00:00:00Z".into(),
            url: "http://x/ideas/7".into(),
        };
        let text = to_csv(&[idea]).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[1], "'=HYPERLINK(\"x\"), \"quoted\"");
        assert_eq!(&row[5], "UX; Mobile");
        assert_eq!(&row[7], "'@ann");
    }
}

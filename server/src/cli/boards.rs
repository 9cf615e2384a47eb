//! `schwarm board add`: a board with its tags.

use crate::config::BoardAddArgs;
use crate::domain::time::now_ms;
use crate::store;
use anyhow::{bail, ensure};

const NAME_MAX: usize = 60;
const TAG_MAX: usize = 40;
const TAGS_MAX: usize = 50;
/// The colour of tags made here (tags keep a colour for the roadmap).
const TAG_COLOUR: &str = "#2563eb";

pub async fn add(args: BoardAddArgs) -> anyhow::Result<()> {
    let slug = args.slug.trim();
    ensure!(
        !slug.is_empty() && slug.len() <= 40 && slug.bytes().all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-')),
        "--slug: 1 to 40 of a-z, 0-9 and -"
    );
    let name = text("--name", &args.name, NAME_MAX)?;
    let description = args.description.trim();
    ensure!(args.tags.len() <= TAGS_MAX, "at most {TAGS_MAX} tags");
    let mut tags = Vec::new();
    for tag in &args.tags {
        let tag = text("--tag", tag, TAG_MAX)?;
        if tags.contains(&tag) {
            bail!("--tag `{tag}` is given twice");
        }
        tags.push(tag);
    }
    let store = store::connect(&args.db.database_url).await?;
    let pairs: Vec<(&str, &str)> = tags.iter().map(|t| (t.as_str(), TAG_COLOUR)).collect();
    let id = store
        .insert_board(slug, &name, description, &pairs, now_ms())
        .await
        .map_err(|e| match e.as_database_error() {
            Some(db) if db.is_unique_violation() => anyhow::anyhow!("a board `{slug}` exists already"),
            _ => e.into(),
        })?;
    println!("board {slug} ({name}) with {} tags (id {id})", tags.len());
    Ok(())
}

/// Trimmed, 1 to `max` characters, no control characters.
fn text(flag: &str, raw: &str, max: usize) -> anyhow::Result<String> {
    let s = raw.trim();
    ensure!(
        !s.is_empty() && s.chars().count() <= max && !s.chars().any(char::is_control),
        "{flag}: 1 to {max} characters, no control characters"
    );
    Ok(s.to_owned())
}

//! An idea as both databases read it: the columns of `IdeaRow`, which the
//! lists build on (`ideas`), and the whole query for one idea, which
//! SQLite runs on the calling thread (`store::sqlite_idea`) and PostgreSQL
//! through its pool (below, with the lists' `attach_tags`).

use crate::store::postgres::PgStore;
use crate::store::{IdeaRow, StoreResult};

macro_rules! idea_select {
    () => {
        "SELECT i.id, i.title, i.body_md, COALESCE(i.body_html, '') AS body_html, i.status,
        i.status_response_html, sr.display_name AS status_response_by, i.status_response_at, i.vote_count,
        i.comment_count, i.created_at, i.author_id, u.display_name AS author_name,
        b.slug AS board_slug, b.name AS board_name,
        i.triaged_at IS NOT NULL AS triaged, i.trend, i.merged_into, mi.title AS merged_into_title,
        CAST(i.impact AS BIGINT) AS impact, CAST(i.effort AS BIGINT) AS effort,
        i.hidden_at IS NOT NULL AS hidden, i.spam, i.approved,
        EXISTS (SELECT 1 FROM votes v WHERE v.idea_id = i.id AND v.user_id = "
    };
}
macro_rules! following {
    () => {
        "EXISTS (SELECT 1 FROM follows f WHERE f.idea_id = i.id AND f.user_id = "
    };
}
macro_rules! idea_from {
    () => {
        " FROM ideas i JOIN users u ON u.id = i.author_id JOIN boards b ON b.id = i.board_id
    LEFT JOIN users sr ON sr.id = i.status_response_by LEFT JOIN ideas mi ON mi.id = i.merged_into"
    };
}

/// The columns of `IdeaRow`; `voted` needs the viewer bound first.
pub(in crate::store) const IDEA_SELECT: &str = idea_select!();
/// Then the viewer again, and `) AS following`.
pub(in crate::store) const FOLLOWING: &str = following!();
pub(in crate::store) const IDEA_FROM: &str = idea_from!();
/// One idea: `$1` the viewer (whose vote and follow it reads), `$2` the id.
pub(in crate::store) const IDEA_ONE: &str = concat!(
    idea_select!(),
    "$1) AS voted, ",
    following!(),
    "$1) AS following",
    idea_from!(),
    " WHERE i.id = $2"
);

impl PgStore {
    pub(in crate::store) async fn find_idea(&self, id: i64, viewer: Option<i64>) -> StoreResult<Option<IdeaRow>> {
        let Some(mut idea) = sqlx::query_as::<_, IdeaRow>(IDEA_ONE)
            .bind(viewer)
            .bind(id)
            .fetch_optional(&self.reader)
            .await?
        else {
            return Ok(None);
        };
        self.attach_tags(std::slice::from_mut(&mut idea)).await?;
        Ok(Some(idea))
    }
}

//! A member's marks on a list (`store::marks`): the shared query, written once.

use crate::store::postgres::PgStore;
use crate::store::{MarkStore, Marks, StoreResult};
use schwarm_wire::ideas::MAX_PAGE_SIZE;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The query for `n` ideas: `$1` is the viewer, `$2`… the ideas. Its first
/// row answers `waiting` (id 0 is no idea's); then one row per vote and one
/// per follow of the viewer among the ideas.
///
/// Votes and follows are looked up by the viewer (their `(user_id, …)`
/// indexes cover the idea id): an index search per idea and table, no read
/// of the ideas themselves. The earlier form, one row per idea with two
/// `EXISTS`, read each idea's row too: a third more index searches on every
/// list a member loads (`make bench`: `list_signed_in`).
///
/// Each length's text is built once: formatting it on every list was ~4%
/// of the marks' time (perf), and SQLite finds its prepared statement by it.
pub(in crate::store) fn query(n: usize) -> Cow<'static, str> {
    /// One per list length the API allows; any longer is built anew.
    const LENGTHS: usize = MAX_PAGE_SIZE as usize + 1;
    static BUILT: [OnceLock<String>; LENGTHS] = [const { OnceLock::new() }; LENGTHS];
    match BUILT.get(n) {
        Some(built) => Cow::Borrowed(built.get_or_init(|| build(n))),
        None => Cow::Owned(build(n)),
    }
}

fn build(n: usize) -> String {
    let ids: String = (2..n + 2).map(|i| format!(", ${i}")).collect();
    format!(
        "SELECT CAST(0 AS BIGINT), ({WAITING}), FALSE
         UNION ALL
         SELECT idea_id, TRUE, FALSE FROM votes WHERE user_id = $1 AND idea_id IN (0{ids})
         UNION ALL
         SELECT idea_id, FALSE, TRUE FROM follows WHERE user_id = $1 AND idea_id IN (0{ids})"
    )
}

/// Whether `$1` has an idea waiting for approval (neither hidden nor
/// merged): the first row of [`query`], and SQLite's range read asks it alone.
pub(in crate::store) const WAITING: &str = "SELECT EXISTS (SELECT 1 FROM ideas WHERE author_id = $1
    AND approved = FALSE AND hidden_at IS NULL AND merged_into IS NULL)";

/// The rows of [`query`], read.
pub(in crate::store) fn marks(rows: impl IntoIterator<Item = (i64, bool, bool)>) -> Marks {
    let mut marks = Marks::default();
    for (id, voted, following) in rows {
        if id == 0 {
            marks.waiting = voted;
            continue;
        }
        if voted {
            marks.voted.push(id);
        }
        if following {
            marks.following.push(id);
        }
    }
    marks
}

/// PostgreSQL runs [`query`] through sqlx; SQLite reads by range on the
/// calling thread, and runs [`query`] only where a range is long
/// (`sqlite_reads`).
#[async_trait::async_trait]
impl MarkStore for PgStore {
    async fn marks(&self, viewer: i64, ids: &[i64]) -> StoreResult<Marks> {
        let sql = query(ids.len());
        let mut q = sqlx::query_as::<_, (i64, bool, bool)>(&sql).bind(viewer);
        for id in ids {
            q = q.bind(*id);
        }
        Ok(marks(q.fetch_all(&self.reader).await?))
    }
}

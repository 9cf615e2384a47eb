//! What makes a list one member's own: their votes and follows among its
//! ideas, and their ideas waiting for approval (which only they see).

use super::StoreResult;
use async_trait::async_trait;

/// Of some ideas, those a member voted for and those they follow; and
/// whether an idea of theirs waits for approval (and is neither hidden nor
/// merged): lists show such an idea to them and nobody else.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    pub voted: Vec<i64>,
    pub following: Vec<i64>,
    pub waiting: bool,
}

#[async_trait]
pub trait MarkStore: Send + Sync {
    /// Among `ids`, what `viewer` voted for and follows; in one query, as
    /// it is asked for with every list a member loads.
    async fn marks(&self, viewer: i64, ids: &[i64]) -> StoreResult<Marks>;

    /// All of `viewer`'s votes and follows, each in ascending order, for
    /// `own_marks` to keep; `None` if either has more than `most`, and from
    /// a store whose writes may come from other servers (see `own_marks`:
    /// PostgreSQL's).
    async fn all_marks(&self, _viewer: i64, _most: usize) -> StoreResult<Option<Marks>> {
        Ok(None)
    }
}

//! Each member's own votes and follows, kept between the writes that
//! change them, so the lists a member pages through are marked from memory.
//!
//! A member's list is the visitors' cached list with their marks written in
//! (`service::member_lists`). Reading those marks was the largest part of a
//! member's list: perf under `list_signed_in` put the marks' index reads at
//! ~28% of the server, the session lookup at ~15%. A member who pages
//! through a board ("Load more"), switches sorts or searches asks for the
//! same marks list after list, and they change only when that member votes
//! or follows. So the whole set is read once (`MarkStore::all_marks`) and
//! each list takes its part of it.
//!
//! What voids an entry (`workers::live::after_writes`, before the response
//! leaves, so whoever wrote reads their write):
//! - a vote, an unvote, a follow or an unfollow changes only its author's
//!   marks ([`OwnMarksChanged`] on the response): their entry goes;
//! - any other write through the API may change anyone's (a merge moves
//!   votes, a new idea is followed by its author, an approval ends a
//!   waiting idea): every entry goes;
//! - an entry lives at most [`TTL`] in any case.
//!
//! A set read while anything was voided is not kept (`put` compares the
//! epoch read before the query), so a read that raced a write cannot bring
//! the old marks back.
//!
//! Only SQLite fills it: its writes all go through this process. Several
//! servers may share one PostgreSQL, and another one's vote would not void
//! the entry here, so PostgreSQL's store reads per list as before (its
//! `all_marks` is `None`).
//!
//! Hand-written rather than a caching crate for the same reason as
//! `list_cache`: the point is the rule above, and the rest is a map.

use crate::store::Marks;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The longest an entry is used without a write voiding it: a backstop for
/// what no response reports (another process writing the file).
pub const TTL: Duration = Duration::from_secs(30);
/// Members kept; past this the map starts over (a few KB each).
const MAX_MEMBERS: usize = 10_000;
/// Members with more votes or follows than this are read per list.
pub const MAX_IDS: usize = 1_000;

/// On a write's response: it changed the marks of this member only.
#[derive(Clone, Copy, Debug)]
pub struct OwnMarksChanged(pub i64);

/// A write's answer that changed only its author's marks.
pub type Own<T> = (axum::Extension<OwnMarksChanged>, axum::Json<T>);

/// `answer`, marked as having changed only `member`'s marks.
pub fn own<T>(member: i64, answer: T) -> Own<T> {
    (axum::Extension(OwnMarksChanged(member)), axum::Json(answer))
}

#[derive(Default)]
pub struct OwnMarks {
    epoch: AtomicU64,
    members: Mutex<HashMap<i64, (Instant, Arc<Marks>)>>,
}

impl OwnMarks {
    /// The member's whole set of marks, if kept and fresh.
    pub fn get(&self, member: i64) -> Option<Arc<Marks>> {
        let members = self.members();
        let (at, marks) = members.get(&member)?;
        (at.elapsed() < TTL).then(|| marks.clone())
    }

    /// Read before the store is asked, handed back to [`put`](Self::put).
    pub fn epoch(&self) -> u64 {
        self.epoch.load(Ordering::Acquire)
    }

    /// Keeps `marks`, read after `epoch` was, unless something was voided
    /// since (the read may predate that write).
    pub fn put(&self, member: i64, epoch: u64, marks: Arc<Marks>) {
        let mut members = self.members();
        // Under the lock: `forget` and `clear` bump the epoch under it too.
        if self.epoch() != epoch {
            return;
        }
        if members.len() >= MAX_MEMBERS {
            members.clear();
        }
        members.insert(member, (Instant::now(), marks));
    }

    /// The member's own marks changed.
    pub fn forget(&self, member: i64) {
        let mut members = self.members();
        self.epoch.fetch_add(1, Ordering::AcqRel);
        members.remove(&member);
    }

    /// Anyone's marks may have changed.
    pub fn clear(&self) {
        let mut members = self.members();
        self.epoch.fetch_add(1, Ordering::AcqRel);
        members.clear();
    }

    fn members(&self) -> std::sync::MutexGuard<'_, HashMap<i64, (Instant, Arc<Marks>)>> {
        self.members.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Marks {
    /// These marks among `ids` (a list's ideas), `waiting` as it is.
    pub fn among(&self, ids: &[i64]) -> Marks {
        let has = |set: &[i64], id: &i64| set.binary_search(id).is_ok();
        Marks {
            voted: ids.iter().copied().filter(|id| has(&self.voted, id)).collect(),
            following: ids.iter().copied().filter(|id| has(&self.following, id)).collect(),
            waiting: self.waiting,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(voted: &[i64]) -> Arc<Marks> {
        Arc::new(Marks {
            voted: voted.to_vec(),
            following: Vec::new(),
            waiting: false,
        })
    }

    #[test]
    fn a_read_that_raced_a_write_is_not_kept() {
        let cache = OwnMarks::default();
        let before = cache.epoch();

        cache.forget(7);
        cache.put(7, before, marks(&[1]));

        assert!(cache.get(7).is_none());
    }

    #[test]
    fn a_members_own_write_voids_only_their_entry() {
        let cache = OwnMarks::default();
        cache.put(7, cache.epoch(), marks(&[1]));
        cache.put(8, cache.epoch(), marks(&[2]));

        cache.forget(7);

        assert!(cache.get(7).is_none());
        assert_eq!(cache.get(8).unwrap().voted, vec![2]);
        cache.clear();
        assert!(cache.get(8).is_none());
    }

    #[test]
    fn a_lists_marks_are_its_part_of_the_set() {
        let all = Marks {
            voted: vec![2, 5, 9],
            following: vec![5],
            waiting: true,
        };

        let part = all.among(&[9, 4, 5]);

        assert_eq!(part.voted, vec![9, 5]);
        assert_eq!(part.following, vec![5]);
        assert!(part.waiting);
    }
}

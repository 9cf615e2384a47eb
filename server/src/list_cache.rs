//! Idea lists as visitors see them, kept serialised between writes.
//!
//! Most traffic on a public board is people who are not signed in opening
//! the same few lists (the front page in each sort, embedded widgets). Their
//! answer is the same for all of them until something is written, so it is
//! computed once and served from memory until then (`make bench`: the
//! difference between a few thousand and tens of thousands of lists a
//! second). Signed-in viewers get the same kept page with their own votes
//! and follows marked on a copy (`service::member_lists`).
//!
//! Staleness is bounded three ways:
//! - every successful write through this instance's API bumps the
//!   generation before its response leaves (`workers::live::after_writes`),
//!   so whoever wrote reads their write;
//! - every outbox event the live reader sees bumps it too, which covers
//!   other instances on the same PostgreSQL (within the reader's tick) and
//!   the workers;
//! - an entry lives at most [`TTL`], for what changes with time alone (the
//!   trending score) or without an event.
//!
//! A list computed while a write happened is not stored: its generation is
//! read before the query, and `put` keeps it only if nothing moved since.
//!
//! Hand-written rather than a caching crate: the whole thing is a map that
//! is emptied on a counter, and the counter's rule above is the point.

use crate::service::member_lists;
use bytes::Bytes;
use schwarm_wire::{Idea, Page};
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The longest an answer is reused as it is without any write. Writes void
/// answers at once, so this bounds only what time alone changes (the
/// trending score drifts over hours). Each recomputation is a burst of a
/// reading thread's CPU beside the workers; at one second, the ten searches
/// of `list_search_signed_in` (`make bench`) recomputed ten times a second,
/// ~6-11 ms each, and the requests that met those bursts made its p99
/// (5.8-9.7 ms). At five seconds: 3.6-3.9 ms, alternating binaries.
pub const TTL: Duration = Duration::from_secs(5);
/// Past [`TTL`], while one request computes the answer anew, the others
/// get the old one, up to this age.
const AGED_MAX: Duration = Duration::from_secs(15);
/// Distinct query strings kept, and their bytes; past either the map starts
/// over, so odd queries (searches, deep cursors, pages of 100) cannot grow
/// it without bound.
const MAX_ENTRIES: usize = 512;
/// Counted in JSON (the ids and places beside it are a few hundred bytes).
const MAX_BYTES: usize = 16 * 1024 * 1024;

/// A visitors' idea list as kept: the JSON they get, and what a member's
/// copy of it needs (`member_lists`): the ideas' ids, and where each idea's
/// viewer marks stand in that JSON, so it is neither parsed nor serialised
/// again for them (perf under `list_signed_in`).
#[derive(Clone, Debug, PartialEq)]
pub struct IdeaList {
    pub body: Bytes,
    pub ids: Arc<[i64]>,
    pub marks_at: Option<Arc<[usize]>>,
}

impl IdeaList {
    pub fn new(page: &Page<Idea>) -> serde_json::Result<IdeaList> {
        let body = serde_json::to_vec(page)?;
        Ok(IdeaList {
            marks_at: member_lists::marks_at(&body, page.items.len()).map(Arc::from),
            ids: page.items.iter().map(|idea| idea.id).collect(),
            body: Bytes::from(body),
        })
    }
}

#[derive(Default)]
pub struct IdeaLists {
    generation: AtomicU64,
    entries: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    generation: u64,
    map: HashMap<Box<str>, (Instant, IdeaList)>,
    /// The bodies' bytes in `map`.
    bytes: usize,
    /// One computation per key at a time: when an answer is void, a crowd
    /// of visitors would otherwise all run the same query at once.
    computing: HashMap<Box<str>, Arc<tokio::sync::Mutex<()>>>,
}

/// What the cache holds for a key.
#[derive(Debug, PartialEq)]
enum Cached {
    Fresh(IdeaList),
    /// Past its TTL, but nothing was written since.
    Aged(IdeaList),
    Missing,
}

impl IdeaLists {
    /// Something may have changed: every stored list is void.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// The answer for `key`: from memory if nothing was written since it was
    /// computed, else from `compute` (one at a time per key; the others
    /// wait for it, or take the aged answer meanwhile).
    pub async fn serve<E>(&self, key: &str, compute: impl Future<Output = Result<IdeaList, E>>) -> Result<IdeaList, E> {
        let _turn = match self.lookup(key) {
            Cached::Fresh(list) => return Ok(list),
            Cached::Aged(list) => match self.turn(key).try_lock_owned() {
                Ok(turn) => turn,
                Err(_) => return Ok(list),
            },
            Cached::Missing => {
                let turn = self.turn(key).lock_owned().await;
                if let Cached::Fresh(list) = self.lookup(key) {
                    return Ok(list);
                }
                turn
            }
        };
        let seen = self.generation();
        let list = compute.await?;
        self.put(key, seen, list.clone());
        Ok(list)
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, Entries> {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let now = self.generation();
        if entries.generation != now {
            entries.generation = now;
            entries.clear();
        }
        entries
    }

    fn lookup(&self, key: &str) -> Cached {
        match self.entries().map.get(key) {
            Some((at, list)) if at.elapsed() < TTL => Cached::Fresh(list.clone()),
            Some((at, list)) if at.elapsed() < AGED_MAX => Cached::Aged(list.clone()),
            _ => Cached::Missing,
        }
    }

    fn turn(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut entries = self.entries();
        if entries.computing.len() >= MAX_ENTRIES {
            entries.computing.retain(|_, turn| Arc::strong_count(turn) > 1);
        }
        entries.computing.entry(key.into()).or_default().clone()
    }

    /// Keeps `list` for `key` if the generation is still `seen`, the one
    /// read before the answer was computed: an answer computed across a
    /// write is not kept.
    fn put(&self, key: &str, seen: u64, list: IdeaList) {
        let mut entries = self.entries();
        if entries.generation != seen {
            return;
        }
        if entries.map.len() >= MAX_ENTRIES || entries.bytes + list.body.len() > MAX_BYTES {
            entries.clear();
        }
        entries.bytes += list.body.len();
        if let Some((_, old)) = entries.map.insert(key.into(), (Instant::now(), list)) {
            entries.bytes -= old.body.len();
        }
    }
}

impl Entries {
    fn clear(&mut self) {
        self.map.clear();
        self.bytes = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A kept list whose JSON is `text` (its ideas play no part in
    /// keeping it).
    fn list(text: &'static str) -> IdeaList {
        IdeaList {
            body: Bytes::from_static(text.as_bytes()),
            ids: Arc::new([]),
            marks_at: None,
        }
    }

    #[test]
    fn an_answer_is_kept_until_a_write() {
        let cache = IdeaLists::default();
        let seen = cache.generation();
        cache.put("sort=top", seen, list("[1]"));
        assert_eq!(cache.lookup("sort=top"), Cached::Fresh(list("[1]")));
        assert_eq!(cache.lookup("sort=new"), Cached::Missing);

        cache.invalidate();

        assert_eq!(cache.lookup("sort=top"), Cached::Missing);
    }

    #[test]
    fn an_answer_computed_across_a_write_is_not_kept() {
        let cache = IdeaLists::default();
        let seen = cache.generation();
        cache.invalidate();

        cache.put("sort=top", seen, list("[old]"));

        assert_eq!(cache.lookup("sort=top"), Cached::Missing);
    }

    #[test]
    fn the_map_is_bounded() {
        let cache = IdeaLists::default();
        let seen = cache.generation();
        for i in 0..=MAX_ENTRIES {
            cache.put(&format!("q={i}"), seen, list("[]"));
        }
        let kept = (0..=MAX_ENTRIES)
            .filter(|i| cache.lookup(&format!("q={i}")) != Cached::Missing)
            .count();
        assert!((1..=MAX_ENTRIES).contains(&kept), "{kept}");
    }

    #[test]
    fn the_bytes_are_bounded_too() {
        let cache = IdeaLists::default();
        let seen = cache.generation();
        let page = IdeaList {
            body: Bytes::from(vec![b' '; MAX_BYTES / 3]),
            ..list("")
        };
        for i in 0..4 {
            cache.put(&format!("limit=100&q={i}"), seen, page.clone());
        }
        let entries = cache.entries();
        assert!(entries.bytes <= MAX_BYTES, "{}", entries.bytes);
        assert_eq!(
            entries.bytes,
            entries.map.values().map(|(_, list)| list.body.len()).sum::<usize>()
        );
    }

    #[tokio::test]
    async fn a_crowd_asking_at_once_computes_the_answer_once() {
        let cache = Arc::new(IdeaLists::default());
        let runs = Arc::new(AtomicU64::new(0));
        let crowd = (0..20).map(|_| {
            let (cache, runs) = (cache.clone(), runs.clone());
            tokio::spawn(async move {
                cache
                    .serve("sort=top", async {
                        runs.fetch_add(1, Ordering::SeqCst);
                        tokio::task::yield_now().await;
                        Ok::<_, ()>(list("[1]"))
                    })
                    .await
            })
        });

        let answers = futures::future::join_all(crowd).await;

        assert!(answers.into_iter().all(|a| a.unwrap() == Ok(list("[1]"))));
        assert_eq!(runs.load(Ordering::SeqCst), 1);
    }
}

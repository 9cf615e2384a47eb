//! WAL checkpoints beside SQLite's single writer.
//!
//! Under a vote load each vote changes about eight pages all over the file
//! (the idea, its sort indexes, the vote, the follow), so the WAL grows by
//! tens of thousands of pages a second. A `PASSIVE` checkpoint every few
//! milliseconds, on a connection of its own, copies them into the database
//! file beside the commits, blocking neither the writer nor the readers.
//!
//! But the WAL only starts afresh once it is copied in full with no commit
//! in between and the database file synced; until then it grows. Left to
//! the writer (SQLite's auto-checkpoint), that moment came inside a commit,
//! and a batch of votes waited for the fsync of every page copied since the
//! last one: ~20 ms every 4,000 pages. Holding the writer for it instead
//! still left the held checkpoint syncing ~1,000 pages (9–15 ms, probed with
//! votes offered at 5,000/s), since SQLite syncs the database file only
//! after a checkpoint that no commit overtook.
//!
//! So before the writer is held, rounds of "copy what came since, sync the
//! database file and the WAL" run beside it. Each round has only what
//! arrived during the one before to copy and sync, so they shorten; once one
//! is short, the writer's connection is held while the last few pages are
//! copied and synced, and its next transaction restarts the WAL. Probed with
//! votes offered at 3,000/s on a 2-core machine, the writer was held (p50 /
//! p90 / max) 6.3 / 15.6 / 31.9 ms before and 2.9 / 4.5 / 7.1 ms after, and
//! the votes' p99 went from 24–27 ms to 9–11 ms. (At 5,000/s that machine
//! had no CPU to spare, and the rounds shortened less.)
//!
//! The WAL is synced in each round too, and the database file after the
//! round's copy rather than before it: the held checkpoint syncs the WAL
//! before it copies and the database file after, and those syncs then have
//! only the last round's pages left. `vote_paced` (`make bench`'s 5,000
//! votes/s after its closed loop), alternating binaries, 5 runs each: p99
//! 7.0–12.6 ms (two runs over 10) and max 13.5–43 ms before, p99 7.1–7.9 ms
//! and max 14.6–22.6 ms after.
//!
//! Written here, not taken from a crate: it is a loop around SQLite's own
//! `wal_checkpoint` pragma and fsyncs.

use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqlitePool};
use sqlx::ConnectOptions;
use std::fs::File;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::time::MissedTickBehavior;

/// How often the WAL is copied into the database file beside the writer.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(10);
/// The WAL length (pages) at which it is brought to a restart (about 16 MB).
const RESTART_PAGES: i64 = 4000;
/// At most this many catching-up rounds before the writer is held anyway.
const CATCH_UP_ROUNDS: usize = 8;
/// A round this short leaves the held checkpoint about as little to do.
const SHORT_ROUND: Duration = Duration::from_millis(2);
/// The writer's own checkpoint: only a backstop, should restarts keep failing.
pub(super) const WRITER_CHECKPOINT_PAGES: &str = "40000";

/// Runs the checkpoints until the store closes.
pub(super) fn spawn(options: SqliteConnectOptions, writer: SqlitePool) {
    tokio::spawn(async move {
        let mut connection = match options.connect().await {
            Ok(connection) => connection,
            Err(error) => return tracing::error!(%error, "no connection for WAL checkpoints"),
        };
        // The database file, opened once for the syncs (an in-memory
        // database has no file to sync: nothing to do), and its WAL's path.
        let file = File::open(options.get_filename()).ok().map(Arc::new);
        let wal = file.as_ref().map(|_| {
            let mut path = options.get_filename().as_os_str().to_owned();
            path.push("-wal");
            PathBuf::from(path)
        });
        let mut every = tokio::time::interval(CHECKPOINT_EVERY);
        // A long restart must not be followed by a burst of make-up ticks.
        every.set_missed_tick_behavior(MissedTickBehavior::Delay);
        // The WAL's length when the writer was last held for a restart.
        let mut held_at = 0;
        loop {
            every.tick().await;
            match checkpoint(&mut connection).await {
                // Unchanged since: the writer's next transaction restarts it.
                Some(pages) if pages >= RESTART_PAGES && pages != held_at => {}
                _ => continue,
            }
            catch_up(&mut connection, file.as_ref(), wal.as_ref()).await;
            let Ok(quiet) = writer.acquire().await else {
                return; // the store has closed
            };
            held_at = checkpoint(&mut connection).await.unwrap_or(0);
            drop(quiet);
        }
    });
}

/// Rounds of "copy what came since, sync the database file and the WAL",
/// beside the writer, until one is short. Each round leaves both files
/// synced up to where it began, so the held checkpoint that follows syncs
/// only what came during the last round.
async fn catch_up(connection: &mut SqliteConnection, file: Option<&Arc<File>>, wal: Option<&PathBuf>) {
    for _ in 0..CATCH_UP_ROUNDS {
        let started = Instant::now();
        checkpoint(connection).await;
        if let (Some(file), Some(wal)) = (file, wal) {
            sync(file.clone(), wal.clone()).await;
        }
        if started.elapsed() < SHORT_ROUND {
            return;
        }
    }
}

/// Syncs the database file, then the WAL (a file of its own, opened for the
/// sync: SQLite makes it anew when it restarts from nothing). Only
/// durability changes, so nobody waits.
async fn sync(file: Arc<File>, wal: PathBuf) {
    let _ = tokio::task::spawn_blocking(move || {
        let _ = file.sync_data();
        if let Ok(wal) = File::open(wal) {
            let _ = wal.sync_data();
        }
    })
    .await;
}

/// A `PASSIVE` checkpoint; the WAL's length in pages, unless it failed.
async fn checkpoint(connection: &mut SqliteConnection) -> Option<i64> {
    match sqlx::query_as::<_, (i64, i64, i64)>("PRAGMA wal_checkpoint(PASSIVE)")
        .fetch_one(connection)
        .await
    {
        Ok((_busy, pages, _copied)) => Some(pages),
        Err(error) => {
            tracing::warn!(%error, "WAL checkpoint failed");
            None
        }
    }
}

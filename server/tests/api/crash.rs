//! Crash safety: the real `schwarm` binary is killed with SIGKILL, again and
//! again, in the middle of a write load. Every write the client got a 2xx
//! for must be there after the restart, counters must equal their rows, and
//! SQLite's integrity check must pass.

use crate::helpers::{fresh_database, on_postgres, PASSWORD};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

const KILLS: usize = 20;
const WRITERS: usize = 4;
/// Each round lets this many writes be acknowledged before the kill.
const WRITES_PER_ROUND: usize = 25;

/// What the server acknowledged.
#[derive(Default)]
struct Acked {
    ideas: BTreeSet<i64>,
    comments: BTreeSet<i64>,
    votes: BTreeSet<(String, i64)>,
    count: usize,
}

async fn start(database_url: &str, dist: &std::path::Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_schwarm"))
        .args(["serve", "--addr", "127.0.0.1:0", "--database-url", database_url])
        .arg("--dist")
        .arg(dist)
        // Writers post far faster than people do.
        .args(["--post-burst", "100000", "--vote-burst", "100000"])
        .env("RUST_LOG", "error")
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the server binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    while let Some(line) = lines.next_line().await.unwrap() {
        if let Some(url) = line.split("running at ").nth(1) {
            return (child, url.trim_end_matches('/').to_owned());
        }
    }
    panic!("the server exited before it listened");
}

async fn register(client: &Client, base: &str, n: usize) -> String {
    let res = client
        .post(format!("{base}/api/v1/auth/register"))
        .json(&json!({ "email": format!("writer{n}@example.org"), "password": PASSWORD, "display_name": format!("W{n}") }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let cookie = res.headers()["set-cookie"].to_str().unwrap();
    cookie.split(';').next().unwrap().split_once('=').unwrap().1.to_owned()
}

/// One writer: ideas, comments on them, votes for them, until the server
/// dies under it. Only 2xx answers are recorded.
async fn write_until_killed(base: String, token: String, acked: Arc<Mutex<Acked>>, round: usize) {
    let client = Client::new();
    let auth = format!("Bearer {token}");
    for n in 0.. {
        let title = format!("Round {round} idea {n} by {}", &token[..6]);
        let Ok(res) = client
            .post(format!("{base}/api/v1/ideas"))
            .header("authorization", &auth)
            .json(&json!({ "title": title, "body": "Written under fire." }))
            .send()
            .await
        else {
            return;
        };
        if res.status() != StatusCode::CREATED {
            return;
        }
        let Ok(idea) = res.json::<Value>().await else { return };
        let id = idea["id"].as_i64().unwrap();
        acked.lock().unwrap().ideas.insert(id);
        acked.lock().unwrap().count += 1;
        let Ok(res) = client
            .put(format!("{base}/api/v1/ideas/{id}/vote"))
            .header("authorization", &auth)
            .send()
            .await
        else {
            return;
        };
        if res.status() == StatusCode::OK {
            let mut acked = acked.lock().unwrap();
            acked.votes.insert((token.clone(), id));
            acked.count += 1;
        }
        let Ok(res) = client
            .post(format!("{base}/api/v1/ideas/{id}/comments"))
            .header("authorization", &auth)
            .json(&json!({ "body": "Still here?" }))
            .send()
            .await
        else {
            return;
        };
        if res.status() == StatusCode::CREATED {
            let Ok(comment) = res.json::<Value>().await else { return };
            let mut acked = acked.lock().unwrap();
            acked.comments.insert(comment["id"].as_i64().unwrap());
            acked.count += 1;
        }
    }
}

async fn check(database_url: &str, acked: &Acked, tokens: &[String]) {
    sqlx::any::install_default_drivers();
    let db = sqlx::AnyPool::connect(database_url).await.unwrap();
    if !on_postgres() {
        let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&db)
            .await
            .unwrap();
        assert_eq!(verdict, "ok");
    }
    let ideas: Vec<i64> = sqlx::query_scalar("SELECT id FROM ideas").fetch_all(&db).await.unwrap();
    let comments: Vec<i64> = sqlx::query_scalar("SELECT id FROM comments")
        .fetch_all(&db)
        .await
        .unwrap();
    let ideas: BTreeSet<i64> = ideas.into_iter().collect();
    let comments: BTreeSet<i64> = comments.into_iter().collect();
    assert!(acked.ideas.is_subset(&ideas), "acknowledged ideas are kept");
    assert!(acked.comments.is_subset(&comments), "acknowledged comments are kept");
    for (token, idea) in &acked.votes {
        let user = tokens.iter().position(|t| t == token).unwrap();
        let kept: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM votes v JOIN users u ON u.id = v.user_id WHERE u.email = $1 AND v.idea_id = $2",
        )
        .bind(format!("writer{user}@example.org"))
        .bind(*idea)
        .fetch_one(&db)
        .await
        .unwrap();
        assert_eq!(kept, 1, "an acknowledged vote is kept");
    }
    let off: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ideas i WHERE i.vote_count <> (SELECT COUNT(*) FROM votes v WHERE v.idea_id = i.id)
            OR i.comment_count <> (SELECT COUNT(*) FROM comments c WHERE c.idea_id = i.id)",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(off, 0, "every counter equals its rows");
    db.close().await;
}

#[tokio::test]
async fn writes_acknowledged_before_a_sigkill_survive_it() {
    // Arrange: a database and writers with sessions.
    let dir = tempfile::tempdir().unwrap();
    let database_url = fresh_database(dir.path()).await;
    let (mut server, base) = start(&database_url, dir.path()).await;
    let mut tokens = Vec::new();
    for n in 0..WRITERS {
        tokens.push(register(&Client::new(), &base, n).await);
    }
    server.start_kill().unwrap();
    server.wait().await.unwrap();
    let acked = Arc::new(Mutex::new(Acked::default()));

    for round in 0..KILLS {
        // Act: write, and kill the server mid-stream.
        let (mut server, base) = start(&database_url, dir.path()).await;
        let goal = acked.lock().unwrap().count + WRITES_PER_ROUND;
        let writers: Vec<_> = tokens
            .iter()
            .map(|t| tokio::spawn(write_until_killed(base.clone(), t.clone(), acked.clone(), round)))
            .collect();
        while acked.lock().unwrap().count < goal {
            assert!(
                !writers.iter().all(|w| w.is_finished()),
                "the writers stopped before the kill"
            );
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        server.start_kill().unwrap();
        server.wait().await.unwrap();
        for writer in writers {
            writer.await.unwrap();
        }

        // Assert: what was acknowledged is there, and consistent.
        let snapshot = {
            let acked = acked.lock().unwrap();
            Acked {
                ideas: acked.ideas.clone(),
                comments: acked.comments.clone(),
                votes: acked.votes.clone(),
                count: acked.count,
            }
        };
        check(&database_url, &snapshot, &tokens).await;
    }
    assert!(acked.lock().unwrap().ideas.len() >= KILLS * WRITES_PER_ROUND / 3);
}

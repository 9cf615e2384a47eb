//! The `schwarm` binary itself: `migrate`, `user add`, `board add`,
//! `serve --demo`, and a graceful stop on SIGTERM.

use crate::helpers::{spawn_app, TestApp};
use reqwest::StatusCode;
use schwarm_server::config::{DbArgs, EmailArgs, RateLimitArgs, ServeArgs, SessionArgs, WebhookArgs};
use schwarm_server::Application;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

fn schwarm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_schwarm"))
}

fn db_url(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("test.db").display())
}

fn user_add(app: &TestApp, email: &str, role: &str, password: &str) -> std::process::Output {
    schwarm()
        .args(["user", "add", "--email", email, "--name", "Paula PM", "--role", role])
        .args(["--database-url", &app.database_url])
        .env("SCHWARM_PASSWORD", password)
        .output()
        .unwrap()
}

async fn login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.post("/api/v1/auth/login", json!({ "email": email, "password": password }))
        .await
}

fn board_add(app: &TestApp, args: &[&str]) -> std::process::Output {
    schwarm()
        .args(["board", "add", "--database-url", &app.database_url])
        .args(args)
        .output()
        .unwrap()
}

#[tokio::test]
async fn board_add_creates_a_board_with_tags_and_refuses_bad_ones() {
    let app = spawn_app().await;

    let made = board_add(
        &app,
        &[
            "--slug",
            "mobile",
            "--name",
            " Mobile app ",
            "--tag",
            "iOS",
            "--tag",
            "Android",
        ],
    );

    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let board: Value = app.get("/api/v1/boards/mobile").await.json().await.unwrap();
    assert_eq!(board["name"], "Mobile app");
    let tags: Vec<&str> = board["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(tags, ["Android", "iOS"]);
    for bad in [
        &["--slug", "mobile", "--name", "Again"][..],
        &["--slug", "Not A Slug", "--name", "Bad"],
        &["--slug", "empty", "--name", "  "],
        &["--slug", "twice", "--name", "Twice", "--tag", "x", "--tag", "x"],
    ] {
        let out = board_add(&app, bad);
        assert!(!out.status.success(), "{bad:?} is refused");
        assert!(!out.stderr.is_empty(), "{bad:?} says why");
    }
}

#[tokio::test]
async fn user_add_creates_a_user_and_updates_role_and_password_on_rerun() {
    let app = spawn_app().await;

    let first = user_add(&app, "pm@example.org", "pm", "first-password-1");
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let res = login(&app, "pm@example.org", "first-password-1").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.unwrap()["role"], "pm");

    let again = user_add(&app, "PM@example.org", "admin", "second-password-2");
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    assert_eq!(
        login(&app, "pm@example.org", "first-password-1").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let res = login(&app, "pm@example.org", "second-password-2").await;
    assert_eq!(res.json::<Value>().await.unwrap()["role"], "admin");
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(users, 1, "updated, not duplicated");
}

#[tokio::test]
async fn user_add_refuses_bad_input_without_touching_the_database() {
    let app = spawn_app().await;
    let short = user_add(&app, "pm@example.org", "pm", "short");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("password"));
    let bad_role = user_add(&app, "pm@example.org", "boss", "long-enough-password");
    assert!(!bad_role.status.success());
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(users, 0);
}

#[tokio::test]
async fn migrate_creates_the_schema_and_is_repeatable() {
    let dir = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        let out = schwarm()
            .args(["migrate", "--database-url", &db_url(dir.path())])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let pool = sqlx::SqlitePool::connect(&db_url(dir.path())).await.unwrap();
    let tables: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('users', 'ideas', 'votes', 'events')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(tables, 4);
}

#[tokio::test]
async fn demo_data_loads_into_an_empty_database_only() {
    let dir = tempfile::tempdir().unwrap();
    let args = ServeArgs {
        db: DbArgs {
            database_url: db_url(dir.path()),
        },
        addr: "127.0.0.1:0".parse().unwrap(),
        dist: dir.path().to_path_buf(),
        demo: true,
        sessions: SessionArgs::default(),
        limits: RateLimitArgs::default(),
        email: EmailArgs::default(),
        webhooks: WebhookArgs::default(),
    };
    for _ in 0..2 {
        Application::build(&args).await.unwrap();
    }
    let pool = sqlx::SqlitePool::connect(&db_url(dir.path())).await.unwrap();
    let count = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.unwrap() }
    };
    assert_eq!(count("SELECT COUNT(*) FROM ideas").await, 12);
    assert!(count("SELECT COUNT(*) FROM votes").await > 20);
    assert!(count("SELECT COUNT(*) FROM comments").await > 5);
    assert_eq!(count("SELECT COUNT(*) FROM users WHERE role = 'pm'").await, 1);
    let consistent = count(
        "SELECT COUNT(*) FROM ideas i WHERE vote_count != (SELECT COUNT(*) FROM votes v WHERE v.idea_id = i.id)
            OR comment_count != (SELECT COUNT(*) FROM comments c WHERE c.idea_id = i.id)",
    )
    .await;
    assert_eq!(consistent, 0, "demo counters match their rows");
}

#[tokio::test]
async fn serve_prints_its_address_and_stops_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = schwarm()
        .args(["serve", "--addr", "127.0.0.1:0", "--demo"])
        .args(["--database-url", &db_url(dir.path())])
        .args(["--dist", dir.path().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed = Vec::new();
    let url = loop {
        let line = lines.next().expect("the server printed its address").unwrap();
        printed.push(line.clone());
        if let Some(url) = line.strip_prefix("Schwarm is running at ") {
            break url.trim_end_matches('/').to_owned();
        }
    };
    assert!(
        printed.iter().any(|l| l.contains("demo@schwarm.example")),
        "demo logins are printed: {printed:?}"
    );
    let health = reqwest::get(format!("{url}/healthz")).await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "a graceful stop exits 0, got {status:?}");
}

#[tokio::test]
async fn a_backup_taken_under_write_load_is_consistent() {
    if crate::helpers::on_postgres() {
        return; // SQLite's own backup; PostgreSQL uses pg_dump.
    }
    let app = spawn_app().await;
    app.register("writer@example.org").await;
    let idea = app.create_idea("Busy idea").await;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (client, base, stop) = (app.client.clone(), app.base.clone(), stop.clone());
        let id = idea["id"].clone();
        tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) && n < 2_000 {
                n += 1;
                let _ = client
                    .post(format!("{base}/api/v1/ideas"))
                    .json(&json!({ "title": format!("Idea under load {n}"), "body": "" }))
                    .send()
                    .await;
                let url = format!("{base}/api/v1/ideas/{id}/vote");
                let _ = if n % 2 == 0 {
                    client.put(&url)
                } else {
                    client.delete(&url)
                }
                .send()
                .await;
            }
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    let target = app.dir.path().join("backup.db");
    let out = tokio::task::spawn_blocking({
        let (url, target) = (app.database_url.clone(), target.clone());
        move || {
            schwarm()
                .args(["backup", "--database-url", &url, "--to", target.to_str().unwrap()])
                .output()
                .unwrap()
        }
    })
    .await
    .unwrap();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.await.unwrap();

    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", target.display()))
        .await
        .unwrap();
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(check, "ok");
    let ideas: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ideas")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(ideas > 1, "the backup holds what was written before it");
    let off: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ideas i WHERE vote_count != (SELECT COUNT(*) FROM votes v WHERE v.idea_id = i.id)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(off, 0, "counters match their rows in the copy");
    // Restoring is starting the server on the copy (see docs/deploy.md).
    let restored = Application::build(&ServeArgs {
        db: DbArgs {
            database_url: format!("sqlite://{}", target.display()),
        },
        addr: "127.0.0.1:0".parse().unwrap(),
        dist: app.dir.path().to_path_buf(),
        demo: false,
        sessions: SessionArgs::default(),
        limits: RateLimitArgs::default(),
        email: EmailArgs::default(),
        webhooks: WebhookArgs::default(),
    })
    .await
    .unwrap();
    let base = format!("http://{}", restored.local_addr());
    tokio::spawn(restored.run_until(std::future::pending()));
    let page: Value = reqwest::get(format!("{base}/api/v1/ideas?limit=100"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(!page["items"].as_array().unwrap().is_empty());
    // A second backup to the same file is refused rather than overwriting it.
    let again = schwarm()
        .args([
            "backup",
            "--database-url",
            &app.database_url,
            "--to",
            target.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!again.status.success());
}

#[tokio::test]
async fn seed_fills_a_database_whose_counters_match_and_whose_sessions_work() {
    let app = spawn_app().await;
    let tokens = app.dir.path().join("tokens.txt");

    let out = schwarm()
        .args([
            "seed",
            "--ideas",
            "200",
            "--votes",
            "3000",
            "--comments",
            "400",
            "--users",
            "60",
        ])
        .args([
            "--database-url",
            &app.database_url,
            "--sessions",
            "5",
            "--sessions-file",
        ])
        .arg(&tokens)
        .output()
        .unwrap();

    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let db = app.db().await;
    let count = |sql: &'static str| {
        let db = db.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&db).await.unwrap() }
    };
    assert_eq!(count("SELECT COUNT(*) FROM ideas").await, 200);
    assert_eq!(count("SELECT COUNT(*) FROM votes").await, 3000);
    assert_eq!(count("SELECT COUNT(*) FROM comments").await, 400);
    let off = count(
        "SELECT COUNT(*) FROM ideas i WHERE i.vote_count <> (SELECT COUNT(*) FROM votes v WHERE v.idea_id = i.id)
            OR i.comment_count <> (SELECT COUNT(*) FROM comments c WHERE c.idea_id = i.id)",
    )
    .await;
    assert_eq!(off, 0);
    // Skewed: the favourite has many times the average.
    assert!(
        count("SELECT MAX(vote_count) FROM ideas").await > 3 * 3000 / 200,
        "skewed: a favourite far above the average"
    );
    let page: Value = app.get("/api/v1/ideas?sort=top&limit=5").await.json().await.unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 5);
    let found: Value = app.get("/api/v1/ideas?q=dark%20mode").await.json().await.unwrap();
    assert!(
        !found["items"].as_array().unwrap().is_empty(),
        "seeded ideas are searchable"
    );
    let token = std::fs::read_to_string(&tokens)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_owned();
    let me = crate::helpers::new_client()
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    // New ideas still get fresh ids after seeded ones (PostgreSQL's sequence).
    app.register("after@example.org").await;
    app.create_idea("Written after seeding").await;
}

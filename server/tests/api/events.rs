use crate::helpers::{new_client, spawn_app, spawn_app_with, TestApp};
use reqwest::{Response, StatusCode};
use std::time::Duration;

/// Reads the stream until `needle` shows up (or fails after a few seconds).
async fn read_until(res: &mut Response, needle: &str) -> String {
    let mut seen = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !seen.contains(needle) {
        let chunk = tokio::time::timeout_at(deadline, res.chunk())
            .await
            .unwrap_or_else(|_| panic!("no {needle} within 5 s; saw {seen}"))
            .unwrap()
            .expect("the stream stays open");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    seen
}

async fn open(app: &TestApp, query: &str, last_event_id: Option<&str>) -> Response {
    let mut req = new_client().get(app.url(&format!("/api/v1/events{query}")));
    if let Some(id) = last_event_id {
        req = req.header("last-event-id", id);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    res
}

#[tokio::test]
async fn a_vote_reaches_an_open_stream_with_its_count() {
    let app = spawn_app().await;
    app.register("live@example.org").await;
    let idea = app.create_idea("Watched idea").await;
    let mut stream = open(&app, &format!("?idea={}", idea["id"]), None).await;

    app.client
        .put(app.url(&format!("/api/v1/ideas/{}/vote", idea["id"])))
        .send()
        .await
        .unwrap();

    let seen = read_until(&mut stream, "vote.cast").await;
    assert!(seen.contains(r#""vote_count":1"#), "{seen}");
    assert!(seen.contains("id: "), "every event has an id to resume from: {seen}");
}

#[tokio::test]
async fn a_board_stream_carries_only_that_boards_ideas() {
    let app = spawn_app().await;
    app.web_board().await;
    app.register("boards@example.org").await;
    let elsewhere = app.create_idea("On the general board").await;
    let here = app
        .post(
            "/api/v1/ideas",
            serde_json::json!({ "title": "On the web board", "body": "", "board": "web" }),
        )
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap();
    let mut stream = open(&app, "?board=web", None).await;

    for idea in [&elsewhere, &here] {
        app.client
            .put(app.url(&format!("/api/v1/ideas/{}/vote", idea["id"])))
            .send()
            .await
            .unwrap();
    }

    // Events arrive in order: the other board's vote would have come first.
    let seen = read_until(&mut stream, &format!(r#""idea_id":{},"kind":"vote.cast""#, here["id"])).await;
    assert!(!seen.contains(&format!(r#""idea_id":{}"#, elsewhere["id"])), "{seen}");
}

#[tokio::test]
async fn a_reconnect_with_last_event_id_gets_what_it_missed() {
    let app = spawn_app().await;
    app.register("resume@example.org").await;
    let idea = app.create_idea("Resumed idea").await;
    let last: i64 = sqlx::query_scalar("SELECT MAX(id) FROM events")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    // Events while the client was away.
    app.post(
        &format!("/api/v1/ideas/{}/comments", idea["id"]),
        serde_json::json!({ "body": "missed" }),
    )
    .await;
    app.client
        .put(app.url(&format!("/api/v1/ideas/{}/vote", idea["id"])))
        .send()
        .await
        .unwrap();

    let mut stream = open(&app, "", Some(&last.to_string())).await;

    let seen = read_until(&mut stream, "vote.cast").await;
    assert!(seen.contains("comment.created"), "{seen}");
    assert!(
        !seen.contains("idea.created"),
        "nothing before the last seen event: {seen}"
    );
}

#[tokio::test]
async fn a_client_too_far_behind_is_told_to_reload() {
    let app = spawn_app().await;
    let db = app.db().await;
    let mut tx = db.begin().await.unwrap();
    for n in 0..1_001 {
        sqlx::query("INSERT INTO events (kind, idea_id, actor_id, visibility, payload, created_at) VALUES ('test.filler', NULL, NULL, 'public', '{}', $1)")
            .bind(n as i64)
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();

    let mut stale = open(&app, "", Some("0")).await;

    let text = read_until(&mut stale, r#""kind":"reset""#).await;
    assert!(!text.contains("test.filler"), "no partial replay: {text}");
}

#[tokio::test]
async fn two_instances_on_one_database_behave_as_one_board() {
    // Arrange: instance B shares instance A's database.
    let a = spawn_app().await;
    let url = a.database_url.clone();
    let b = spawn_app_with(move |args| args.db.database_url = url).await;
    a.register("one@example.org").await;
    let idea = a.create_idea("Seen everywhere").await;
    let mut on_b = open(&b, &format!("?idea={}", idea["id"]), None).await;

    // Act: a vote on A; the session made on A works on B too.
    a.client
        .put(a.url(&format!("/api/v1/ideas/{}/vote", idea["id"])))
        .send()
        .await
        .unwrap();

    // Assert: B's stream carries it.
    let seen = read_until(&mut on_b, "vote.cast").await;
    assert!(seen.contains(r#""vote_count":1"#), "{seen}");
    // (Cookies are not kept apart by port, so A's client sends its cookie to B.)
    let me_on_b = a.client.get(b.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(me_on_b.status(), StatusCode::OK, "a session made on A works on B");
}

#[tokio::test]
async fn a_stream_is_the_same_whichever_way_the_server_takes_it() {
    // Arrange: a plain request is served off the router (`live_conn`); one
    // with a body length goes through the router.
    let app = spawn_app().await;
    app.register("paths@example.org").await;
    let idea = app.create_idea("Streamed both ways").await;
    let query = format!("?idea={}", idea["id"]);
    let mut plain = open(&app, &query, None).await;
    let routed = new_client()
        .get(app.url(&format!("/api/v1/events{query}")))
        .header("content-length", "0")
        .send()
        .await
        .unwrap();
    assert_eq!(routed.status(), StatusCode::OK);
    let mut routed = routed;

    // Act
    app.client
        .put(app.url(&format!("/api/v1/ideas/{}/vote", idea["id"])))
        .send()
        .await
        .unwrap();

    // Assert: the same headers and the same event on both.
    for name in [
        "content-type",
        "cache-control",
        "x-content-type-options",
        "content-security-policy",
    ] {
        assert_eq!(plain.headers().get(name), routed.headers().get(name), "{name}");
    }
    assert_eq!(plain.headers()["content-type"], "text/event-stream");
    // How the two ways differ: framing by closing, or by chunks.
    assert_eq!(plain.headers()["connection"], "close");
    assert_eq!(routed.headers()["transfer-encoding"], "chunked");
    for stream in [&mut plain, &mut routed] {
        let seen = read_until(stream, "vote.cast").await;
        assert!(seen.contains(r#""vote_count":1"#), "{seen}");
    }
}

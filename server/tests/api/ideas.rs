use crate::helpers::{assert_error, new_client, spawn_app};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::HashSet;

#[tokio::test]
async fn a_signed_in_member_creates_an_idea() {
    let app = spawn_app().await;
    let user = app.register("author@example.org").await;

    let res = app
        .post(
            "/api/v1/ideas",
            json!({ "title": "  Dark mode  ", "body": "Please *add* it." }),
        )
        .await;

    assert_eq!(res.status(), StatusCode::CREATED);
    let idea: Value = res.json().await.unwrap();
    assert_eq!(idea["title"], "Dark mode", "trimmed");
    assert_eq!(idea["body"], "Please *add* it.");
    assert_eq!(idea["author"]["id"], user["id"]);
    assert_eq!(idea["author"]["display_name"], "author");
    assert_eq!(idea["status"], "open");
    assert_eq!(idea["vote_count"], 0);
    assert_eq!(idea["comment_count"], 0);
    assert_eq!(idea["voted"], false);
    assert!(idea["created_at"].as_str().unwrap().ends_with('Z'), "RFC 3339 UTC");
    let fetched: Value = app
        .get(&format!("/api/v1/ideas/{}", idea["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(fetched, idea);
    let events: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE kind = 'idea.created'")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(events, 1, "the outbox row is written with the idea");
}

#[tokio::test]
async fn creating_needs_a_session() {
    let app = spawn_app().await;
    let res = app
        .post("/api/v1/ideas", json!({ "title": "Anonymous", "body": "" }))
        .await;
    assert_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
}

#[tokio::test]
async fn bad_ideas_are_refused_with_their_fields_and_nothing_is_stored() {
    let app = spawn_app().await;
    app.register("bad@example.org").await;
    let cases = [
        (json!({ "title": "ab", "body": "" }), vec!["title"]),
        (json!({ "title": "   ", "body": "" }), vec!["title"]),
        (json!({ "title": "x".repeat(121), "body": "" }), vec!["title"]),
        (
            json!({ "title": "Fine title", "body": "y".repeat(10_001) }),
            vec!["body"],
        ),
        (
            json!({ "title": "a", "body": "y".repeat(10_001) }),
            vec!["title", "body"],
        ),
        (json!({}), vec!["title"]),
    ];
    for (body, fields) in cases {
        let res = app.post("/api/v1/ideas", body.clone()).await;
        let err = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
        let got: Vec<String> = err["error"]["fields"].as_object().unwrap().keys().cloned().collect();
        let mut want: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "{body}");
    }
    // Limits are in characters, not bytes.
    let res = app
        .post(
            "/api/v1/ideas",
            json!({ "title": "ü".repeat(120), "body": "ß".repeat(10_000) }),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ideas")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(count, 1, "only the valid idea is stored");
}

#[tokio::test]
async fn an_unknown_idea_is_404() {
    let app = spawn_app().await;
    assert_error(app.get("/api/v1/ideas/4711").await, StatusCode::NOT_FOUND, "not_found").await;
    assert_error(
        app.get("/api/v1/ideas/not-a-number").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn lists_sort_by_new_and_by_top() {
    let app = spawn_app().await;
    app.register("sorter@example.org").await;
    let a = app.create_idea("First idea").await;
    let b = app.create_idea("Second idea").await;
    let c = app.create_idea("Third idea").await;
    for voter in ["v1@example.org", "v2@example.org"] {
        let client = new_client();
        app.register_with(&client, voter).await;
        client
            .put(app.url(&format!("/api/v1/ideas/{}/vote", a["id"])))
            .send()
            .await
            .unwrap();
    }
    app.client
        .put(app.url(&format!("/api/v1/ideas/{}/vote", b["id"])))
        .send()
        .await
        .unwrap();

    let new: Value = app.get("/api/v1/ideas?sort=new").await.json().await.unwrap();
    let top: Value = app.get("/api/v1/ideas?sort=top").await.json().await.unwrap();
    let default: Value = app.get("/api/v1/ideas").await.json().await.unwrap();

    let ids = |page: &Value| {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&new), vec![c["id"].clone(), b["id"].clone(), a["id"].clone()]);
    assert_eq!(ids(&top), vec![a["id"].clone(), b["id"].clone(), c["id"].clone()]);
    assert_eq!(ids(&default), ids(&new), "new is the default");
    assert_eq!(top["items"][0]["vote_count"], 2);
    assert_eq!(top["items"][1]["voted"], true, "voted is the viewer's own");
    assert_eq!(top["items"][0]["voted"], false);
    assert_eq!(new["next_cursor"], Value::Null);
}

#[tokio::test]
async fn cursor_pages_never_repeat_or_skip_while_new_ideas_arrive() {
    let app = spawn_app().await;
    app.register("pager@example.org").await;
    for n in 0..12 {
        app.create_idea(&format!("Idea {n:02}")).await;
    }
    // Some votes and comments, so that every sort has ties and differences.
    for n in [3, 5, 7] {
        app.client
            .put(app.url(&format!("/api/v1/ideas/{n}/vote")))
            .send()
            .await
            .unwrap();
        app.post(&format!("/api/v1/ideas/{n}/comments"), json!({ "body": "busy" }))
            .await;
    }
    for sort in ["new", "top", "trending", "discussed"] {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        let mut pages = 0;
        loop {
            let mut path = format!("/api/v1/ideas?sort={sort}&limit=5");
            if let Some(c) = &cursor {
                path.push_str(&format!("&cursor={c}"));
            }
            let page: Value = app.get(&path).await.json().await.unwrap();
            seen.extend(
                page["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i["id"].as_i64().unwrap()),
            );
            pages += 1;
            if pages == 1 {
                // New ideas arrive after the first page was read.
                app.create_idea(&format!("Late arrival for {sort}")).await;
            }
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => break,
            }
        }
        let unique: HashSet<_> = seen.iter().collect();
        assert_eq!(unique.len(), seen.len(), "{sort}: nothing repeats: {seen:?}");
        let originals = (1..=12).filter(|id| seen.contains(id)).count();
        assert_eq!(originals, 12, "{sort}: nothing skipped: {seen:?}");
    }
}

#[tokio::test]
async fn bad_list_parameters_are_422_with_their_fields() {
    let app = spawn_app().await;
    let cases = [
        ("sort=hot", "sort"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("limit=", "limit"),
        ("limit=+5", "limit"),
        ("sort=", "sort"),
        ("cursor=garbage", "cursor"),
        ("cursor=1.2.3", "cursor"),
    ];
    for (query, field) in cases {
        let res = app.get(&format!("/api/v1/ideas?{query}")).await;
        let err = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
        assert!(err["error"]["fields"][field].is_string(), "{query}: {err}");
    }
}

#[tokio::test]
async fn trending_and_discussed_follow_recent_activity_and_comments() {
    let app = spawn_app().await;
    app.register("trend@example.org").await;
    let older = app.create_idea("Older but active").await;
    let newer = app.create_idea("Newer but quiet").await;
    let talked = app.create_idea("Newest and talked about").await;

    let ids = |page: Value| {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    let trending = ids(app.get("/api/v1/ideas?sort=trending").await.json().await.unwrap());
    assert_eq!(
        trending[0],
        talked["id"].as_i64().unwrap(),
        "without activity the newest leads"
    );

    app.client
        .put(app.url(&format!("/api/v1/ideas/{}/vote", older["id"])))
        .send()
        .await
        .unwrap();
    app.post(
        &format!("/api/v1/ideas/{}/comments", older["id"]),
        json!({ "body": "+1" }),
    )
    .await;
    for n in 0..2 {
        app.post(
            &format!("/api/v1/ideas/{}/comments", talked["id"]),
            json!({ "body": format!("reply {n}") }),
        )
        .await;
    }

    let trending = ids(app.get("/api/v1/ideas?sort=trending").await.json().await.unwrap());
    assert_eq!(
        trending[2],
        newer["id"].as_i64().unwrap(),
        "the quiet idea falls behind"
    );
    let discussed = ids(app.get("/api/v1/ideas?sort=discussed").await.json().await.unwrap());
    assert_eq!(
        discussed,
        [
            talked["id"].as_i64().unwrap(),
            older["id"].as_i64().unwrap(),
            newer["id"].as_i64().unwrap()
        ]
    );

    // A vote and its withdrawal leave the trend where it was.
    let before: f64 = sqlx::query_scalar("SELECT trend FROM ideas WHERE id = $1")
        .bind(newer["id"].as_i64().unwrap())
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    let url = app.url(&format!("/api/v1/ideas/{}/vote", newer["id"]));
    app.client.put(&url).send().await.unwrap();
    app.client.delete(&url).send().await.unwrap();
    let after: f64 = sqlx::query_scalar("SELECT trend FROM ideas WHERE id = $1")
        .bind(newer["id"].as_i64().unwrap())
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert!((before - after).abs() < 1e-9, "{before} vs {after}");
}

#[tokio::test]
async fn the_list_filters_by_status() {
    let app = spawn_app().await;
    app.register("filter@example.org").await;
    let planned = app.create_idea("Planned one").await;
    app.create_idea("Open one").await;
    sqlx::query("UPDATE ideas SET status = 'planned' WHERE id = $1")
        .bind(planned["id"].as_i64().unwrap())
        .execute(&app.db().await)
        .await
        .unwrap();

    let page: Value = app
        .get("/api/v1/ideas?status=planned&sort=top")
        .await
        .json()
        .await
        .unwrap();
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], planned["id"]);
    let none: Value = app.get("/api/v1/ideas?status=declined").await.json().await.unwrap();
    assert_eq!(none["items"].as_array().unwrap().len(), 0);
    let res = app.get(&format!("/api/v1/ideas?status={}", "x".repeat(41))).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
}

use crate::helpers::{assert_error, new_client, spawn_app, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

async fn unread(app: &TestApp, client: &Client) -> i64 {
    let res = app.get_json_as(client, "/api/v1/notifications/unread").await;
    res["unread"].as_i64().unwrap()
}

/// The worker runs in the background: wait (bounded) for it to catch up.
async fn wait_for_unread(app: &TestApp, client: &Client, expected: i64) {
    for _ in 0..100 {
        if unread(app, client).await == expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("unread never became {expected}, is {}", unread(app, client).await);
}

#[tokio::test]
async fn followers_hear_of_comments_and_status_changes_but_not_of_their_own() {
    let app = spawn_app().await;
    let author = app.register("author@example.org").await;
    let idea = app.create_idea("Follow me").await;
    assert_eq!(idea["following"], true, "authors follow their ideas");
    let voter = new_client();
    app.register_with(&voter, "voter@example.org").await;
    voter
        .put(app.url(&format!("/api/v1/ideas/{}/vote", idea["id"])))
        .send()
        .await
        .unwrap();
    let seen: Value = voter
        .get(app.url(&format!("/api/v1/ideas/{}", idea["id"])))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(seen["following"], true, "voters follow what they back");

    // The voter comments: the author hears of it, the voter does not.
    let res = voter
        .post(app.url(&format!("/api/v1/ideas/{}/comments", idea["id"])))
        .json(&json!({ "body": "Great idea" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    wait_for_unread(&app, &app.client, 1).await;
    assert_eq!(unread(&app, &voter).await, 0);
    let list: Value = app.get("/api/v1/notifications").await.json().await.unwrap();
    let n = &list["items"][0];
    assert_eq!(n["kind"], "comment.created");
    assert_eq!(n["idea_title"], "Follow me");
    assert_eq!(n["actor_name"], "voter");
    assert_eq!(n["read"], false);

    // A status change, as the product manager's endpoint writes it to the outbox.
    sqlx::query(
        "INSERT INTO events (kind, idea_id, actor_id, visibility, payload, created_at)
         VALUES ('idea.status_changed', $1, NULL, 'public', '{\"status\":\"planned\"}', 1)",
    )
    .bind(idea["id"].as_i64().unwrap())
    .execute(&app.db().await)
    .await
    .unwrap();
    wait_for_unread(&app, &voter, 1).await;
    wait_for_unread(&app, &app.client, 2).await;
    let list: Value = voter
        .get(app.url("/api/v1/notifications"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"][0]["kind"], "idea.status_changed");
    assert_eq!(list["items"][0]["detail"], "planned");
    assert_eq!(author["id"], idea["author"]["id"]);

    // Reading them.
    let first_id = list["items"][0]["id"].as_i64().unwrap();
    let marked: Value = voter
        .post(app.url("/api/v1/notifications/read"))
        .json(&json!({ "ids": [first_id] }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(marked["unread"], 0);
    let all: Value = app
        .post("/api/v1/notifications/read", json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(all["unread"], 0);
}

#[tokio::test]
async fn unfollowing_stops_notifications() {
    let app = spawn_app().await;
    app.register("quiet@example.org").await;
    let idea = app.create_idea("Leave me be").await;
    let url = app.url(&format!("/api/v1/ideas/{}/follow", idea["id"]));

    let off: Value = app.client.delete(&url).send().await.unwrap().json().await.unwrap();
    assert_eq!(off["following"], false);
    let other = new_client();
    app.register_with(&other, "talker@example.org").await;
    other
        .post(app.url(&format!("/api/v1/ideas/{}/comments", idea["id"])))
        .json(&json!({ "body": "Anyone?" }))
        .send()
        .await
        .unwrap();
    // The commenter follows now; give the worker time for a round.
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(unread(&app, &app.client).await, 0);

    let on: Value = app.client.put(&url).send().await.unwrap().json().await.unwrap();
    assert_eq!(on["following"], true);
    let missing = app
        .client
        .put(app.url("/api/v1/ideas/999/follow"))
        .send()
        .await
        .unwrap();
    assert_error(missing, StatusCode::NOT_FOUND, "not_found").await;
    let anonymous = new_client().get(app.url("/api/v1/notifications")).send().await.unwrap();
    assert_error(anonymous, StatusCode::UNAUTHORIZED, "unauthorized").await;
}

#[tokio::test]
async fn mark_read_needs_no_body() {
    let app = spawn_app().await;
    app.register("bodyless@example.org").await;
    let res = app
        .client
        .post(app.url("/api/v1/notifications/read"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .client
        .post(app.url("/api/v1/notifications/read"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_error(res, StatusCode::BAD_REQUEST, "malformed").await;
}

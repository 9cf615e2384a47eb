use crate::helpers::{assert_error, new_client, spawn_app, PASSWORD};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn titles(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn members_see_their_ideas_votes_and_comments() {
    let app = spawn_app().await;
    app.register("me@example.org").await;
    let mine = app.create_idea("My own idea").await;
    let other = new_client();
    app.register_with(&other, "other@example.org").await;
    let theirs = app.create_idea_as(&other, "Their idea").await;
    app.client
        .put(app.url(&format!("/api/v1/ideas/{}/vote", theirs["id"])))
        .send()
        .await
        .unwrap();
    app.post(
        &format!("/api/v1/ideas/{}/comments", theirs["id"]),
        json!({ "body": "Nice one" }),
    )
    .await;

    let ideas: Value = app.get("/api/v1/me/ideas").await.json().await.unwrap();
    assert_eq!(titles(&ideas), ["My own idea"]);
    assert_eq!(ideas["items"][0]["id"], mine["id"]);
    let votes: Value = app.get("/api/v1/me/votes").await.json().await.unwrap();
    assert_eq!(titles(&votes), ["Their idea"]);
    let comments: Value = app.get("/api/v1/me/comments").await.json().await.unwrap();
    assert_eq!(comments["items"][0]["body"], "Nice one");
    assert_eq!(comments["items"][0]["idea_id"], theirs["id"]);
    for path in [
        "/api/v1/me/ideas",
        "/api/v1/me/votes",
        "/api/v1/me/comments",
        "/api/v1/me/export",
    ] {
        let res = new_client().get(app.url(path)).send().await.unwrap();
        assert_error(res, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
}

#[tokio::test]
async fn the_export_holds_everything_about_the_member() {
    let app = spawn_app().await;
    app.register("export@example.org").await;
    let idea = app.create_idea("Exported idea").await;
    app.client
        .put(app.url(&format!("/api/v1/ideas/{}/vote", idea["id"])))
        .send()
        .await
        .unwrap();
    app.post(
        &format!("/api/v1/ideas/{}/comments", idea["id"]),
        json!({ "body": "My comment" }),
    )
    .await;

    let res = app.get("/api/v1/me/export").await;

    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let data: Value = res.json().await.unwrap();
    assert_eq!(data["user"]["email"], "export@example.org");
    assert_eq!(data["ideas"][0]["title"], "Exported idea");
    assert_eq!(data["comments"][0]["body"], "My comment");
    assert_eq!(data["votes"][0]["idea_id"], idea["id"]);
    assert!(!data.to_string().contains("argon2"), "no password hash in the export");
}

#[tokio::test]
async fn deleting_an_account_removes_votes_and_keeps_content_anonymously() {
    let app = spawn_app().await;
    app.register("leaving@example.org").await;
    let idea = app.create_idea("Idea that stays").await;
    let other = new_client();
    app.register_with(&other, "staying@example.org").await;
    let theirs = app.create_idea_as(&other, "Voted idea").await;
    app.client
        .put(app.url(&format!("/api/v1/ideas/{}/vote", theirs["id"])))
        .send()
        .await
        .unwrap();
    app.post(
        &format!("/api/v1/ideas/{}/comments", theirs["id"]),
        json!({ "body": "Stays too" }),
    )
    .await;

    let res = app.client.delete(app.url("/api/v1/me")).send().await.unwrap();

    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_error(app.get("/api/v1/me").await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let voted: Value = app
        .get(&format!("/api/v1/ideas/{}", theirs["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(voted["vote_count"], 0, "the vote is gone, and counted out");
    assert_eq!(voted["comment_count"], 1);
    let kept: Value = app
        .get(&format!("/api/v1/ideas/{}", idea["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(kept["title"], "Idea that stays");
    assert_eq!(kept["author"]["display_name"], "", "shown as a deleted user");
    let comments: Value = app
        .get(&format!("/api/v1/ideas/{}/comments", theirs["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(comments["items"][0]["author"]["display_name"], "");
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = 'leaving@example.org'")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(rows, 0, "the email is erased");
    let login = new_client()
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": "leaving@example.org", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_error(login, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    // The address is free again.
    app.register_with(&new_client(), "leaving@example.org").await;
}

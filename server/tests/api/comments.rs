use crate::helpers::{assert_error, new_client, spawn_app, TestApp};
use futures::future::join_all;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn comment(app: &TestApp, client: &Client, idea: &Value, body: Value) -> reqwest::Response {
    client
        .post(app.url(&format!("/api/v1/ideas/{}/comments", idea["id"])))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn idea_counts(app: &TestApp, idea: &Value) -> (i64, i64) {
    sqlx::query_as(
        "SELECT comment_count, (SELECT COUNT(*) FROM comments c WHERE c.idea_id = i.id) FROM ideas i WHERE i.id = $1",
    )
    .bind(idea["id"].as_i64().unwrap())
    .fetch_one(&app.db().await)
    .await
    .unwrap()
}

#[tokio::test]
async fn comments_and_one_level_of_replies_are_listed_in_order() {
    let app = spawn_app().await;
    app.register("author@example.org").await;
    let idea = app.create_idea("Discuss me").await;

    let top: Value = comment(&app, &app.client, &idea, json!({ "body": "I **like** it" }))
        .await
        .json()
        .await
        .unwrap();
    let reply = comment(
        &app,
        &app.client,
        &idea,
        json!({ "body": "Me too", "parent_id": top["id"] }),
    )
    .await;
    assert_eq!(reply.status(), StatusCode::CREATED);
    let reply: Value = reply.json().await.unwrap();
    let nested = comment(
        &app,
        &app.client,
        &idea,
        json!({ "body": "Too deep", "parent_id": reply["id"] }),
    )
    .await;
    let err = assert_error(nested, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert!(err["error"]["fields"]["parent_id"].is_string());

    let list: Value = app
        .get(&format!("/api/v1/ideas/{}/comments", idea["id"]))
        .await
        .json()
        .await
        .unwrap();
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["body_html"], "<p>I <strong>like</strong> it</p>\n");
    assert_eq!(items[0]["body"], "I **like** it");
    assert_eq!(items[0]["parent_id"], Value::Null);
    assert_eq!(items[1]["parent_id"], top["id"]);
    assert_eq!(items[0]["author"]["display_name"], "author");
    assert_eq!(list["next_cursor"], Value::Null);
    assert_eq!(idea_counts(&app, &idea).await, (2, 2));
    let shown: Value = app
        .get(&format!("/api/v1/ideas/{}", idea["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(shown["comment_count"], 2);
}

#[tokio::test]
async fn commenting_needs_a_session_a_body_and_an_idea() {
    let app = spawn_app().await;
    app.register("a@example.org").await;
    let idea = app.create_idea("Quiet idea").await;

    let anonymous = comment(&app, &new_client(), &idea, json!({ "body": "hi" })).await;
    assert_error(anonymous, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let empty = comment(&app, &app.client, &idea, json!({ "body": "   " })).await;
    assert_error(empty, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    let long = comment(&app, &app.client, &idea, json!({ "body": "x".repeat(5_001) })).await;
    assert_error(long, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    let missing = comment(&app, &app.client, &json!({ "id": 999 }), json!({ "body": "hi" })).await;
    assert_error(missing, StatusCode::NOT_FOUND, "not_found").await;
    assert_error(
        app.get("/api/v1/ideas/999/comments").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_eq!(idea_counts(&app, &idea).await, (0, 0));
}

#[tokio::test]
async fn only_the_author_edits_or_deletes_and_replies_go_with_their_parent() {
    let app = spawn_app().await;
    app.register("owner@example.org").await;
    let idea = app.create_idea("Editable").await;
    let mine: Value = comment(&app, &app.client, &idea, json!({ "body": "First thought" }))
        .await
        .json()
        .await
        .unwrap();
    let other = new_client();
    app.register_with(&other, "other@example.org").await;
    let reply: Value = comment(
        &app,
        &other,
        &idea,
        json!({ "body": "A reply", "parent_id": mine["id"] }),
    )
    .await
    .json()
    .await
    .unwrap();
    let url = app.url(&format!("/api/v1/comments/{}", mine["id"]));

    let foreign = other
        .patch(&url)
        .json(&json!({ "body": "hijacked" }))
        .send()
        .await
        .unwrap();
    assert_error(foreign, StatusCode::FORBIDDEN, "forbidden").await;
    let foreign = other.delete(&url).send().await.unwrap();
    assert_error(foreign, StatusCode::FORBIDDEN, "forbidden").await;
    let anonymous = new_client().delete(&url).send().await.unwrap();
    assert_error(anonymous, StatusCode::UNAUTHORIZED, "unauthorized").await;

    let edited = app
        .client
        .patch(&url)
        .json(&json!({ "body": "Second *thought*" }))
        .send()
        .await
        .unwrap();
    assert_eq!(edited.status(), StatusCode::OK);
    let edited: Value = edited.json().await.unwrap();
    assert_eq!(edited["body_html"], "<p>Second <em>thought</em></p>\n");
    assert_eq!(edited["edited"], true);

    let deleted = app.client.delete(&url).send().await.unwrap();
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    assert_eq!(idea_counts(&app, &idea).await, (0, 0), "the reply went with its parent");
    let gone = app
        .client
        .delete(app.url(&format!("/api/v1/comments/{}", reply["id"])))
        .send()
        .await
        .unwrap();
    assert_error(gone, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn comment_pages_follow_the_cursor() {
    let app = spawn_app().await;
    app.register("chatty@example.org").await;
    let idea = app.create_idea("Busy thread").await;
    for n in 0..5 {
        comment(&app, &app.client, &idea, json!({ "body": format!("Comment {n}") })).await;
    }
    let first: Value = app
        .get(&format!("/api/v1/ideas/{}/comments?limit=3", idea["id"]))
        .await
        .json()
        .await
        .unwrap();
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest: Value = app
        .get(&format!(
            "/api/v1/ideas/{}/comments?limit=3&cursor={cursor}",
            idea["id"]
        ))
        .await
        .json()
        .await
        .unwrap();
    let bodies: Vec<_> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .chain(rest["items"].as_array().unwrap())
        .map(|c| c["body"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(bodies, (0..5).map(|n| format!("Comment {n}")).collect::<Vec<_>>());
    assert_eq!(rest["next_cursor"], Value::Null);
}

#[tokio::test]
async fn idea_descriptions_are_rendered_safely() {
    let app = spawn_app().await;
    app.register("md@example.org").await;
    let res = app
        .post(
            "/api/v1/ideas",
            json!({ "title": "Markdown idea", "body": "**bold** <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.org)" }),
        )
        .await;
    let idea: Value = res.json().await.unwrap();
    let html = idea["body_html"].as_str().unwrap();
    assert!(html.contains("<strong>bold</strong>"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("javascript:"), "{html}");
    assert!(html.contains(r#"rel="nofollow ugc noopener""#), "{html}");
}

#[tokio::test]
async fn parallel_comments_and_deletions_leave_every_counter_equal_to_its_rows() {
    // Arrange: 20 members, two ideas, and one comment each to delete later.
    let app = spawn_app().await;
    app.register("owner@example.org").await;
    let ideas = [app.create_idea("Idea A").await, app.create_idea("Idea B").await];
    let mut members = Vec::new();
    let mut doomed = Vec::new();
    for n in 0..20 {
        let client = new_client();
        app.register_with(&client, &format!("talker{n}@example.org")).await;
        let res = comment(&app, &client, &ideas[n % 2], json!({ "body": "to be deleted" })).await;
        doomed.push(res.json::<Value>().await.unwrap()["id"].as_i64().unwrap());
        members.push(client);
    }

    // Act: 200 new comments and 20 deletions (each with its replies), at once.
    let app = &app;
    let posts = (0..200).map(|n| {
        let (client, idea) = (&members[n % members.len()], &ideas[n % 3 % 2]);
        async move {
            comment(app, client, idea, json!({ "body": format!("comment {n}") }))
                .await
                .status()
        }
    });
    let deletions = doomed.iter().enumerate().map(|(n, id)| {
        let client = &members[n];
        async move {
            client
                .delete(app.url(&format!("/api/v1/comments/{id}")))
                .send()
                .await
                .unwrap()
                .status()
        }
    });
    let (posted, deleted) = futures::join!(join_all(posts), join_all(deletions));

    // Assert
    assert!(posted.iter().all(|s| *s == StatusCode::CREATED), "{posted:?}");
    assert!(deleted.iter().all(|s| s.is_success()), "{deleted:?}");
    let mut total = 0;
    for idea in &ideas {
        let (counter, rows) = idea_counts(app, idea).await;
        assert_eq!(counter, rows, "idea {}: stored counter equals comment rows", idea["id"]);
        total += rows;
    }
    assert_eq!(total, 200);
}

//! Authors changing their minds: editing and deleting their ideas.

use crate::helpers::{assert_error, new_client, spawn_app};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn the_author_edits_and_deletes_an_idea_until_it_is_triaged() {
    let app = spawn_app().await;
    app.register("author@example.org").await;
    let idea = app.create_idea("First wording").await;
    let url = app.url(&format!("/api/v1/ideas/{}", idea["id"]));
    let other = new_client();
    app.register_with(&other, "other@example.org").await;

    let foreign = other
        .patch(&url)
        .json(&json!({ "title": "Hijacked" }))
        .send()
        .await
        .unwrap();
    assert_error(foreign, StatusCode::FORBIDDEN, "forbidden").await;
    let foreign = other.delete(&url).send().await.unwrap();
    assert_error(foreign, StatusCode::FORBIDDEN, "forbidden").await;
    let anonymous = new_client().delete(&url).send().await.unwrap();
    assert_error(anonymous, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let bad = app
        .client
        .patch(&url)
        .json(&json!({ "title": "x" }))
        .send()
        .await
        .unwrap();
    assert_error(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;

    let edited = app
        .client
        .patch(&url)
        .json(&json!({ "body": "Now with **detail**" }))
        .send()
        .await
        .unwrap();
    assert_eq!(edited.status(), StatusCode::OK);
    let edited: Value = edited.json().await.unwrap();
    assert_eq!(edited["title"], "First wording", "an absent field stays");
    assert_eq!(edited["body_html"], "<p>Now with <strong>detail</strong></p>\n");
    assert_eq!(edited["triaged"], false);

    // Once a product manager changed the status, the idea is the crowd's.
    sqlx::query("UPDATE ideas SET status = 'planned', triaged_at = 1 WHERE id = $1")
        .bind(idea["id"].as_i64().unwrap())
        .execute(&app.db().await)
        .await
        .unwrap();
    let locked = app
        .client
        .patch(&url)
        .json(&json!({ "title": "Too late" }))
        .send()
        .await
        .unwrap();
    assert_error(locked, StatusCode::CONFLICT, "idea_locked").await;
    let locked = app.client.delete(&url).send().await.unwrap();
    assert_error(locked, StatusCode::CONFLICT, "idea_locked").await;
}

#[tokio::test]
async fn deleting_an_idea_takes_its_votes_and_comments_along() {
    let app = spawn_app().await;
    app.register("gone@example.org").await;
    let idea = app.create_idea("Short-lived").await;
    let id = idea["id"].as_i64().unwrap();
    app.client
        .put(app.url(&format!("/api/v1/ideas/{id}/vote")))
        .send()
        .await
        .unwrap();
    let top: Value = app
        .post(&format!("/api/v1/ideas/{id}/comments"), json!({ "body": "top" }))
        .await
        .json()
        .await
        .unwrap();
    app.post(
        &format!("/api/v1/ideas/{id}/comments"),
        json!({ "body": "reply", "parent_id": top["id"] }),
    )
    .await;

    let res = app
        .client
        .delete(app.url(&format!("/api/v1/ideas/{id}")))
        .send()
        .await
        .unwrap();

    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_error(
        app.get(&format!("/api/v1/ideas/{id}")).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let db = app.db().await;
    for table in ["votes", "comments", "ideas"] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&db)
            .await
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
}

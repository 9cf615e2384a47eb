//! Moderation: hidden ideas and comments, spam, blocked members, the
//! approval queue.

use crate::helpers::{assert_error, new_client, spawn_app, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn put(app: &TestApp, client: &Client, path: &str, body: Value) -> StatusCode {
    client.put(app.url(path)).json(&body).send().await.unwrap().status()
}

fn ids(list: &Value) -> Vec<i64> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn hidden_ideas_and_comments_vanish_for_members_and_come_back_when_restored() {
    // Arrange
    let app = spawn_app().await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let member = new_client();
    app.register_with(&member, "member@example.org").await;
    let idea = app.create_idea_as(&member, "Buy cheap watches").await["id"]
        .as_i64()
        .unwrap();
    let keep = app.create_idea_as(&member, "Dark mode").await["id"].as_i64().unwrap();
    let comment: Value = member
        .post(app.url(&format!("/api/v1/ideas/{keep}/comments")))
        .json(&json!({ "body": "Visit my shop" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let comment_id = comment["id"].as_i64().unwrap();

    // Act: the idea is spam, the comment hidden.
    let marked = pm
        .put(app.url(&format!("/api/v1/ideas/{idea}/moderation")))
        .json(&json!({ "spam": true }))
        .send()
        .await
        .unwrap();
    let hidden = put(
        &app,
        &pm,
        &format!("/api/v1/comments/{comment_id}/moderation"),
        json!({ "hidden": true }),
    )
    .await;

    // Assert: gone for members and visitors, still there for the team.
    assert_eq!(marked.status(), StatusCode::OK);
    let marked: Value = marked.json().await.unwrap();
    assert_eq!(
        (marked["hidden"].clone(), marked["spam"].clone()),
        (json!(true), json!(true))
    );
    assert_eq!(hidden, StatusCode::NO_CONTENT);
    for client in [&member, &new_client()] {
        let list = app.get_json_as(client, "/api/v1/ideas?sort=new").await;
        assert_eq!(ids(&list), [keep]);
        let res = client
            .get(app.url(&format!("/api/v1/ideas/{idea}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let comments = app.get_json_as(client, &format!("/api/v1/ideas/{keep}/comments")).await;
        assert!(comments["items"].as_array().unwrap().is_empty(), "{comments}");
    }
    let shown = app.get_json_as(&member, &format!("/api/v1/ideas/{keep}")).await;
    assert_eq!(shown["comment_count"], 0);
    // Nobody else may vote on the spam or comment on it either.
    let other = new_client();
    app.register_with(&other, "other@example.org").await;
    let vote = other
        .put(app.url(&format!("/api/v1/ideas/{idea}/vote")))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_error(vote, StatusCode::NOT_FOUND, "not_found").await;
    let comment = other
        .post(app.url(&format!("/api/v1/ideas/{idea}/comments")))
        .json(&json!({ "body": "still here" }))
        .send()
        .await
        .unwrap();
    assert_error(comment, StatusCode::NOT_FOUND, "not_found").await;
    let team_view = app.get_json_as(&pm, &format!("/api/v1/ideas/{keep}/comments")).await;
    assert_eq!(
        team_view["items"][0]["hidden"], true,
        "the team still sees it, marked: {team_view}"
    );
    assert_eq!(
        pm.get(app.url(&format!("/api/v1/ideas/{idea}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let queue = app.get_json_as(&pm, "/api/v1/triage/ideas?view=hidden").await;
    assert_eq!(queue["items"][0]["idea"]["id"], idea);

    // Act: restore both.
    put(
        &app,
        &pm,
        &format!("/api/v1/ideas/{idea}/moderation"),
        json!({ "spam": false, "hidden": false }),
    )
    .await;
    put(
        &app,
        &pm,
        &format!("/api/v1/comments/{comment_id}/moderation"),
        json!({ "hidden": false }),
    )
    .await;

    // Assert
    let list = app.get_json_as(&member, "/api/v1/ideas?sort=new").await;
    assert_eq!(ids(&list), [keep, idea]);
    let shown = app.get_json_as(&member, &format!("/api/v1/ideas/{keep}")).await;
    assert_eq!(shown["comment_count"], 1);
}

#[tokio::test]
async fn a_blocked_member_reads_but_cannot_post_vote_or_comment() {
    let app = spawn_app().await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let member = new_client();
    let user = app.register_with(&member, "troll@example.org").await;
    let idea = app.create_idea_as(&pm, "Something good").await["id"].as_i64().unwrap();
    let own = app.create_idea_as(&member, "My own idea").await["id"].as_i64().unwrap();
    let user_id = user["id"].as_i64().unwrap();

    let status = put(
        &app,
        &pm,
        &format!("/api/v1/users/{user_id}/block"),
        json!({ "blocked": true }),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    let post = member
        .post(app.url("/api/v1/ideas"))
        .json(&json!({ "title": "Spam spam" }))
        .send()
        .await
        .unwrap();
    assert_error(post, StatusCode::FORBIDDEN, "account_blocked").await;
    let vote = member
        .put(app.url(&format!("/api/v1/ideas/{idea}/vote")))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_error(vote, StatusCode::FORBIDDEN, "account_blocked").await;
    let comment = member
        .post(app.url(&format!("/api/v1/ideas/{idea}/comments")))
        .json(&json!({ "body": "hello" }))
        .send()
        .await
        .unwrap();
    assert_error(comment, StatusCode::FORBIDDEN, "account_blocked").await;
    assert_eq!(
        member.get(app.url("/api/v1/ideas")).send().await.unwrap().status(),
        StatusCode::OK
    );
    let edit = member
        .patch(app.url(&format!("/api/v1/ideas/{own}")))
        .json(&json!({ "title": "Changed while blocked" }))
        .send()
        .await
        .unwrap();
    assert_error(edit, StatusCode::FORBIDDEN, "account_blocked").await;
    // The team is not blocked but given another role.
    let pm_id = app.get_json_as(&pm, "/api/v1/me").await["id"].as_i64().unwrap();
    let admin = app.with_role("admin@example.org", "admin").await;
    let refused = admin
        .put(app.url(&format!("/api/v1/users/{pm_id}/block")))
        .json(&json!({ "blocked": true }))
        .send()
        .await
        .unwrap();
    assert_error(refused, StatusCode::CONFLICT, "not_a_member").await;

    put(
        &app,
        &pm,
        &format!("/api/v1/users/{user_id}/block"),
        json!({ "blocked": false }),
    )
    .await;
    let vote = member
        .put(app.url(&format!("/api/v1/ideas/{idea}/vote")))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(vote.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_new_members_ideas_wait_for_approval_on_a_board_that_asks_for_it() {
    // Arrange: the board asks for approval.
    let app = spawn_app().await;
    let admin = app.with_role("admin@example.org", "admin").await;
    let set = put(
        &app,
        &admin,
        "/api/v1/admin/boards/general",
        json!({ "approval_required": true }),
    )
    .await;
    assert_eq!(set, StatusCode::OK);
    let newcomer = new_client();
    app.register_with(&newcomer, "new@example.org").await;
    let other = new_client();
    app.register_with(&other, "other@example.org").await;

    // Act
    let first = app.create_idea_as(&newcomer, "My first idea").await;
    let id = first["id"].as_i64().unwrap();

    // Assert: the author sees it (marked), nobody else does.
    assert_eq!(first["pending"], true);
    assert_eq!(ids(&app.get_json_as(&newcomer, "/api/v1/ideas?sort=new").await), [id]);
    assert!(ids(&app.get_json_as(&other, "/api/v1/ideas?sort=new").await).is_empty());
    let hidden = other.get(app.url(&format!("/api/v1/ideas/{id}"))).send().await.unwrap();
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
    let queue = app.get_json_as(&admin, "/api/v1/triage/ideas?view=pending").await;
    assert_eq!(queue["items"][0]["idea"]["id"], id);

    // Only the team heard of it so far.
    let db = app.db().await;
    let created = "SELECT visibility FROM events WHERE kind = 'idea.created' AND idea_id = $1 ORDER BY id";
    let visibility = || sqlx::query_scalar::<_, String>(created).bind(id).fetch_all(&db);
    assert_eq!(visibility().await.unwrap(), ["pm"]);

    // Act: approve; the newcomer's next idea needs no approval.
    put(
        &app,
        &admin,
        &format!("/api/v1/ideas/{id}/moderation"),
        json!({ "approved": true }),
    )
    .await;
    let second = app.create_idea_as(&newcomer, "My second idea").await;

    // Assert: now the crowd hears of it.
    assert_eq!(visibility().await.unwrap(), ["pm", "public"]);
    assert_eq!(second["pending"], false);
    assert_eq!(ids(&app.get_json_as(&other, "/api/v1/ideas?sort=new").await).len(), 2);
    let boards: Value = app.get("/api/v1/boards").await.json().await.unwrap();
    assert_eq!(boards[0]["approval_required"], true);
}

//! A member's own votes and follows are kept between the writes that change
//! them (`own_marks`): each list shows the member's latest write, whether
//! the member made it or a product manager's merge moved it.

use crate::helpers::{new_client, spawn_app, TestApp};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};

const TOP: &str = "/api/v1/ideas?sort=top";

/// The member's marks on idea `id` in their top list: (voted, following).
async fn marks_on(app: &TestApp, member: &Client, id: i64) -> (Value, Value) {
    let list = app.get_json_as(member, TOP).await;
    let item = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("idea {id} is on the list: {list}"));
    (item["voted"].clone(), item["following"].clone())
}

async fn send(app: &TestApp, member: &Client, method: Method, path: &str) {
    let res = member.request(method, app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
}

#[tokio::test]
async fn each_list_shows_the_members_latest_vote_and_follow() {
    // Arrange: the member's marks read once (and kept) before each write.
    let app = spawn_app().await;
    app.register("author@example.org").await;
    let id = app.create_idea("Dark mode").await["id"].as_i64().unwrap();
    let member = new_client();
    app.register_with(&member, "member@example.org").await;
    let vote = format!("/api/v1/ideas/{id}/vote");
    let follow = format!("/api/v1/ideas/{id}/follow");
    let none = (json!(false), json!(false));
    assert_eq!(marks_on(&app, &member, id).await, none);
    assert_eq!(marks_on(&app, &member, id).await, none);

    // Act and Assert: a vote (which follows too), then each undone.
    send(&app, &member, Method::PUT, &vote).await;
    assert_eq!(marks_on(&app, &member, id).await, (json!(true), json!(true)));
    send(&app, &member, Method::DELETE, &follow).await;
    assert_eq!(marks_on(&app, &member, id).await, (json!(true), json!(false)));
    send(&app, &member, Method::DELETE, &vote).await;
    assert_eq!(marks_on(&app, &member, id).await, none);
    send(&app, &member, Method::PUT, &follow).await;
    assert_eq!(marks_on(&app, &member, id).await, (json!(false), json!(true)));
}

#[tokio::test]
async fn a_merge_moves_the_members_marks_on_their_next_list() {
    // Arrange: the member voted for the duplicate only, and their marks
    // were read since.
    let app = spawn_app().await;
    let pm = app.with_role("pm@example.org", "pm").await;
    app.register("author@example.org").await;
    let target = app.create_idea("Export to CSV").await["id"].as_i64().unwrap();
    let source = app.create_idea("CSV export please").await["id"].as_i64().unwrap();
    let member = new_client();
    app.register_with(&member, "member@example.org").await;
    send(&app, &member, Method::PUT, &format!("/api/v1/ideas/{source}/vote")).await;
    assert_eq!(marks_on(&app, &member, target).await, (json!(false), json!(false)));

    // Act: another person's write, a product manager's merge.
    let res = pm
        .post(app.url(&format!("/api/v1/ideas/{source}/merge")))
        .json(&json!({ "into": target }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    // Assert: the member's vote and follow moved to the target.
    assert_eq!(marks_on(&app, &member, target).await, (json!(true), json!(true)));
}

//! Visitors' lists come from memory between writes (`list_cache`): a write
//! shows at once on the instance that answered it, and soon on the others.

use crate::helpers::{new_client, spawn_app, spawn_app_with, TestApp};
use serde_json::Value;
use std::time::Duration;

const TOP: &str = "/api/v1/ideas?sort=top";

async fn as_visitor(app: &TestApp, path: &str) -> Value {
    app.get_json_as(&new_client(), path).await
}

#[tokio::test]
async fn a_visitors_list_shows_a_vote_once_the_vote_is_answered() {
    // Arrange: a visitor's list, now in the cache.
    let app = spawn_app().await;
    app.register("author@example.org").await;
    let idea = app.create_idea("Counted at once").await;
    assert_eq!(as_visitor(&app, TOP).await["items"][0]["vote_count"], 0);
    assert_eq!(as_visitor(&app, TOP).await["items"][0]["vote_count"], 0);

    // Act
    let res = app
        .client
        .put(app.url(&format!("/api/v1/ideas/{}/vote", idea["id"])))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());

    // Assert: visitors see the vote; the voter's own list marks it.
    let seen = as_visitor(&app, TOP).await;
    assert_eq!(seen["items"][0]["vote_count"], 1);
    assert_eq!(seen["items"][0]["voted"], false);
    let own = app.get_json_as(&app.client, TOP).await;
    assert_eq!(own["items"][0]["voted"], true);
}

#[tokio::test]
async fn another_instances_write_reaches_this_instances_visitors() {
    // Arrange: B shares A's database; A's visitors have a cached list.
    let a = spawn_app().await;
    let url = a.database_url.clone();
    let b = spawn_app_with(move |args| args.db.database_url = url).await;
    a.register("author@example.org").await;
    a.create_idea("Known to both").await;
    assert_eq!(as_visitor(&a, TOP).await["items"].as_array().unwrap().len(), 1);

    // Act: an idea posted through B.
    let poster = new_client();
    b.register_with(&poster, "elsewhere@example.org").await;
    b.create_idea_as(&poster, "Posted on the other instance").await;

    // Assert: A's visitors get it once A's live reader has seen the event
    // (it reads the outbox every 100 ms); waiting is bounded, not timed.
    let mut seen = 0;
    for _ in 0..100 {
        seen = as_visitor(&a, TOP).await["items"].as_array().unwrap().len();
        if seen == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(seen, 2, "B's idea reached A's visitors");
}

#[tokio::test]
async fn a_members_list_is_the_visitors_list_with_their_own_marks() {
    // Arrange: two ideas; another member votes for one of them.
    let app = spawn_app().await;
    app.register("author@example.org").await;
    app.create_idea("Voted by the other member").await;
    let other_idea = app.create_idea("Voted by nobody").await;
    let voted = as_visitor(&app, TOP).await["items"][1]["id"].clone();
    let other = new_client();
    app.register_with(&other, "other@example.org").await;
    let res = other
        .put(app.url(&format!("/api/v1/ideas/{voted}/vote")))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());

    // Act
    let visitors = as_visitor(&app, TOP).await;
    let theirs = app.get_json_as(&other, TOP).await;

    // Assert: the same ideas in the same order with the same counts; the
    // voter's own vote and follow marked on theirs only.
    let summary = |page: &Value| -> Vec<(Value, Value)> {
        let items = page["items"].as_array().unwrap();
        items
            .iter()
            .map(|i| (i["id"].clone(), i["vote_count"].clone()))
            .collect()
    };
    assert_eq!(summary(&theirs), summary(&visitors));
    let item = |page: &Value, id: &Value| {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| &i["id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(item(&theirs, &voted)["voted"], true);
    assert_eq!(item(&theirs, &voted)["following"], true);
    assert_eq!(item(&theirs, &voted)["vote_count"], 1);
    assert_eq!(item(&theirs, &other_idea["id"])["voted"], false);
    assert_eq!(item(&visitors, &voted)["voted"], false);
    assert_eq!(item(&visitors, &voted)["following"], false);
}

//! Merging duplicates, and undoing a merge exactly.

use crate::helpers::{assert_error, new_client, spawn_app, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// Everything a merge touches, as stored: counters, votes, follows and
/// comments of both ideas.
async fn snapshot(app: &TestApp, ids: [i64; 2]) -> Vec<String> {
    let db = app.db().await;
    let mut out = Vec::new();
    for id in ids {
        let counters: (i64, i64) =
            sqlx::query_as("SELECT CAST(vote_count AS BIGINT), CAST(comment_count AS BIGINT) FROM ideas WHERE id = $1")
                .bind(id)
                .fetch_one(&db)
                .await
                .unwrap();
        out.push(format!("idea {id}: {counters:?}"));
        for (table, column) in [("votes", "user_id"), ("follows", "user_id"), ("comments", "id")] {
            let rows: Vec<i64> = sqlx::query_scalar(&format!(
                "SELECT CAST({column} AS BIGINT) FROM {table} WHERE idea_id = $1 ORDER BY {column}"
            ))
            .bind(id)
            .fetch_all(&db)
            .await
            .unwrap();
            out.push(format!("{table} of {id}: {rows:?}"));
        }
    }
    out
}

async fn vote(app: &TestApp, client: &Client, id: i64) -> StatusCode {
    let url = app.url(&format!("/api/v1/ideas/{id}/vote"));
    client.put(url).json(&json!({})).send().await.unwrap().status()
}

async fn comment(app: &TestApp, client: &Client, id: i64, text: &str) -> StatusCode {
    let url = app.url(&format!("/api/v1/ideas/{id}/comments"));
    client
        .post(url)
        .json(&json!({ "body": text }))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn a_merge_moves_voters_once_and_comments_and_its_undo_restores_everything() {
    // Arrange: two duplicates; Ann and Bob voted for both, Cid only for the
    // duplicate; each has comments.
    let app = spawn_app().await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let mut people = Vec::new();
    for name in ["ann", "bob", "cid"] {
        let client = new_client();
        app.register_with(&client, &format!("{name}@example.org")).await;
        people.push(client);
    }
    let target = app.create_idea_as(&people[0], "Export to CSV").await["id"]
        .as_i64()
        .unwrap();
    let source = app.create_idea_as(&people[1], "CSV export please").await["id"]
        .as_i64()
        .unwrap();
    for voter in &people[..2] {
        assert_eq!(vote(&app, voter, target).await, StatusCode::OK);
    }
    for voter in &people {
        assert_eq!(vote(&app, voter, source).await, StatusCode::OK);
    }
    assert_eq!(comment(&app, &people[2], source, "Me too").await, StatusCode::CREATED);
    assert_eq!(
        comment(&app, &people[0], target, "Excel too").await,
        StatusCode::CREATED
    );
    // A hidden comment on the duplicate moves too and counts nowhere.
    let spam: Value = people[1]
        .post(app.url(&format!("/api/v1/ideas/{source}/comments")))
        .json(&json!({ "body": "Buy watches" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let hidden = pm
        .put(app.url(&format!("/api/v1/comments/{}/moderation", spam["id"])))
        .json(&json!({ "hidden": true, "spam": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(hidden.status(), StatusCode::NO_CONTENT);
    let before = snapshot(&app, [source, target]).await;

    // Act: merge.
    let res = pm
        .post(app.url(&format!("/api/v1/ideas/{source}/merge")))
        .json(&json!({ "into": target }))
        .send()
        .await
        .unwrap();

    // Assert: three distinct voters, both comments on the target (the moved
    // one marked), the duplicate points at the target and leaves the list.
    assert_eq!(res.status(), StatusCode::OK);
    let merged: Value = res.json().await.unwrap();
    assert_eq!(merged["merged_into"]["id"], target);
    assert_eq!(merged["merged_into"]["title"], "Export to CSV");
    let t: Value = app.get(&format!("/api/v1/ideas/{target}")).await.json().await.unwrap();
    assert_eq!(t["vote_count"], 3);
    assert_eq!(t["comment_count"], 2);
    let comments: Value = app
        .get(&format!("/api/v1/ideas/{target}/comments"))
        .await
        .json()
        .await
        .unwrap();
    let moved: Vec<_> = comments["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["moved_from"] == source)
        .collect();
    assert_eq!(moved.len(), 1);
    let list: Value = app.get("/api/v1/ideas?sort=new").await.json().await.unwrap();
    let ids: Vec<_> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].clone())
        .collect();
    assert_eq!(ids, vec![json!(target)]);
    assert_error(
        people[2]
            .put(app.url(&format!("/api/v1/ideas/{source}/vote")))
            .json(&json!({}))
            .send()
            .await
            .unwrap(),
        StatusCode::CONFLICT,
        "idea_merged",
    )
    .await;
    assert_eq!(comment(&app, &people[2], source, "Hello?").await, StatusCode::CONFLICT);
    let again = pm
        .post(app.url(&format!("/api/v1/ideas/{source}/merge")))
        .json(&json!({ "into": target }))
        .send()
        .await
        .unwrap();
    assert_error(again, StatusCode::CONFLICT, "merge_state").await;

    // Act: undo.
    let res = pm
        .delete(app.url(&format!("/api/v1/ideas/{source}/merge")))
        .send()
        .await
        .unwrap();

    // Assert: rows and counters exactly as before.
    assert_eq!(res.status(), StatusCode::OK);
    let restored: Value = res.json().await.unwrap();
    assert!(restored["merged_into"].is_null());
    assert_eq!(snapshot(&app, [source, target]).await, before);
    let undo_again = pm
        .delete(app.url(&format!("/api/v1/ideas/{source}/merge")))
        .send()
        .await
        .unwrap();
    assert_error(undo_again, StatusCode::CONFLICT, "merge_state").await;
}

#[tokio::test]
async fn followers_of_both_ideas_are_notified_of_a_merge_once() {
    // Arrange: Ann follows both (she voted for both), Bob only the duplicate,
    // Cid only the target.
    let app = spawn_app().await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let mut people = Vec::new();
    for name in ["ann", "bob", "cid"] {
        let client = new_client();
        app.register_with(&client, &format!("{name}@example.org")).await;
        people.push(client);
    }
    let target = app.create_idea_as(&people[2], "Dark mode").await["id"]
        .as_i64()
        .unwrap();
    let source = app.create_idea_as(&people[1], "Night theme").await["id"]
        .as_i64()
        .unwrap();
    vote(&app, &people[0], target).await;
    vote(&app, &people[0], source).await;

    // Act
    let res = pm
        .post(app.url(&format!("/api/v1/ideas/{source}/merge")))
        .json(&json!({ "into": target }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    // Assert: each of the three gets exactly one merge notification.
    for (k, person) in people.iter().enumerate() {
        let mut merged = 0;
        for _ in 0..100 {
            let list = app.get_json_as(person, "/api/v1/notifications").await;
            merged = list["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|n| n["kind"] == "idea.merged")
                .count();
            if merged > 0 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(merged, 1, "person {k}");
    }
}

#[tokio::test]
async fn a_merge_needs_another_unmerged_idea() {
    let app = spawn_app().await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let a = app.create_idea_as(&pm, "First idea").await["id"].as_i64().unwrap();
    let b = app.create_idea_as(&pm, "Second idea").await["id"].as_i64().unwrap();
    let c = app.create_idea_as(&pm, "Third idea").await["id"].as_i64().unwrap();
    let merge = |id: i64, into: Value| {
        pm.post(app.url(&format!("/api/v1/ideas/{id}/merge")))
            .json(&json!({ "into": into }))
            .send()
    };
    assert_error(
        merge(a, json!(a)).await.unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_error(
        merge(a, json!(999)).await.unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_error(merge(999, json!(a)).await.unwrap(), StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(merge(b, json!(a)).await.unwrap().status(), StatusCode::OK);
    // Into an idea that is itself merged, or an idea others were merged
    // into: refused, so chains never form and every undo is exact.
    assert_error(
        merge(c, json!(b)).await.unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_error(merge(a, json!(c)).await.unwrap(), StatusCode::CONFLICT, "merge_state").await;
    // Neither side of a merge can be changed or deleted by its author.
    for id in [a, b] {
        let res = pm.delete(app.url(&format!("/api/v1/ideas/{id}"))).send().await.unwrap();
        assert_error(res, StatusCode::CONFLICT, "idea_locked").await;
    }
}

#[tokio::test]
async fn an_undo_takes_replies_to_the_moved_comments_along() {
    let app = spawn_app().await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let target = app.create_idea_as(&pm, "Offline mode").await["id"].as_i64().unwrap();
    let source = app.create_idea_as(&pm, "Work without internet").await["id"]
        .as_i64()
        .unwrap();
    let first: Value = pm
        .post(app.url(&format!("/api/v1/ideas/{source}/comments")))
        .json(&json!({ "body": "On the train" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let merge_url = app.url(&format!("/api/v1/ideas/{source}/merge"));
    pm.post(&merge_url)
        .json(&json!({ "into": target }))
        .send()
        .await
        .unwrap();
    // A reply, written on the target, to the comment that moved there.
    let reply = pm
        .post(app.url(&format!("/api/v1/ideas/{target}/comments")))
        .json(&json!({ "body": "Me too", "parent_id": first["id"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::CREATED);

    pm.delete(&merge_url).send().await.unwrap();

    let back = app.get_json_as(&pm, &format!("/api/v1/ideas/{source}/comments")).await;
    assert_eq!(back["items"].as_array().unwrap().len(), 2, "{back}");
    let count = |idea: Value| idea["comment_count"].as_i64().unwrap();
    assert_eq!(count(app.get_json_as(&pm, &format!("/api/v1/ideas/{source}")).await), 2);
    assert_eq!(count(app.get_json_as(&pm, &format!("/api/v1/ideas/{target}")).await), 0);
}

//! The public roadmap, the changelog, its Atom feed and its notifications.

use crate::helpers::{assert_error, new_client, spawn_app};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn the_roadmap_has_a_column_per_roadmap_status_with_votes_and_tags() {
    // Arrange
    let app = spawn_app().await;
    app.web_board().await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let mut ids = Vec::new();
    for (title, status) in [
        ("Planned one", "planned"),
        ("Building it", "in progress"),
        ("Nope", "declined"),
        ("Fresh", "open"),
    ] {
        let idea: Value = pm
            .post(app.url("/api/v1/ideas"))
            .json(&json!({ "title": title, "board": "web", "tags": ["UX"] }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = idea["id"].as_i64().unwrap();
        if status != "open" {
            pm.put(app.url(&format!("/api/v1/ideas/{id}/status")))
                .json(&json!({ "status": status }))
                .send()
                .await
                .unwrap();
        }
        ids.push(id);
    }
    let hidden = app.create_idea_as(&pm, "Hidden planned").await["id"].as_i64().unwrap();
    pm.put(app.url(&format!("/api/v1/ideas/{hidden}/status")))
        .json(&json!({ "status": "planned" }))
        .send()
        .await
        .unwrap();
    pm.put(app.url(&format!("/api/v1/ideas/{hidden}/moderation")))
        .json(&json!({ "hidden": true }))
        .send()
        .await
        .unwrap();

    // Act
    let roadmap: Value = app.get("/api/v1/roadmap").await.json().await.unwrap();

    // Assert: under review, planned, in progress, done (the defaults flagged for it).
    let columns: Vec<&str> = roadmap
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"]["key"].as_str().unwrap())
        .collect();
    assert_eq!(columns, ["under review", "planned", "in progress", "done"]);
    assert_eq!(
        roadmap[1]["ideas"].as_array().unwrap().len(),
        1,
        "hidden ideas stay off"
    );
    assert_eq!(roadmap[1]["ideas"][0]["id"], ids[0]);
    assert_eq!(roadmap[1]["ideas"][0]["tags"][0]["name"], "UX");
    assert!(roadmap[1]["ideas"][0]["vote_count"].is_number());
    assert_eq!(roadmap[2]["ideas"][0]["id"], ids[1]);
    let other_board: Value = app.get("/api/v1/roadmap?board=general").await.json().await.unwrap();
    assert!(other_board[1]["ideas"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_published_release_note_is_public_in_the_feed_and_tells_the_followers() {
    // Arrange: a member's idea, a draft that links it.
    let app = spawn_app().await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let member = new_client();
    app.register_with(&member, "member@example.org").await;
    let idea = app.create_idea_as(&member, "Dark mode").await["id"].as_i64().unwrap();
    // The member follows a second linked idea: still one notification.
    let second = app.create_idea_as(&member, "Night theme").await["id"].as_i64().unwrap();
    // A hidden idea never shows in a release note.
    let hidden = app.create_idea_as(&pm, "Zebra secret").await["id"].as_i64().unwrap();
    pm.put(app.url(&format!("/api/v1/ideas/{hidden}/moderation")))
        .json(&json!({ "hidden": true }))
        .send()
        .await
        .unwrap();
    let draft = pm
        .post(app.url("/api/v1/changelog"))
        .json(&json!({ "title": "Release 2.0 <b>", "body": "**Dark mode** is here.", "idea_ids": [idea, second, hidden, 999] }))
        .send()
        .await
        .unwrap();
    assert_eq!(draft.status(), StatusCode::CREATED);
    let draft: Value = draft.json().await.unwrap();
    let id = draft["id"].as_i64().unwrap();
    assert!(draft["published_at"].is_null());
    assert_eq!(
        draft["ideas"],
        json!([{ "id": idea, "title": "Dark mode" }, { "id": second, "title": "Night theme" }])
    );
    let public: Value = app.get("/api/v1/changelog").await.json().await.unwrap();
    assert!(public["items"].as_array().unwrap().is_empty(), "drafts are the team's");

    // Act: publish.
    let published = pm
        .put(app.url(&format!("/api/v1/changelog/{id}")))
        .json(&json!({ "title": "Release 2.0 <b>", "body": "**Dark mode** is here.", "idea_ids": [idea, second, hidden], "publish": true }))
        .send()
        .await
        .unwrap();

    // Assert
    assert_eq!(published.status(), StatusCode::OK);
    let public: Value = app.get("/api/v1/changelog").await.json().await.unwrap();
    assert_eq!(public["items"][0]["id"], id);
    assert!(public["items"][0]["body_html"]
        .as_str()
        .unwrap()
        .contains("<strong>Dark mode</strong>"));
    let feed = app.get("/changelog.atom").await;
    assert!(feed.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/atom+xml"));
    let xml = feed.text().await.unwrap();
    assert!(xml.contains("<title>Release 2.0 &lt;b&gt;</title>"), "{xml}");
    assert!(xml.contains(&format!("/ideas/{idea}")), "{xml}");
    assert!(!xml.contains("Zebra secret"), "{xml}");
    assert!(!public.to_string().contains("Zebra secret"), "{public}");
    let mut notified = 0;
    for _ in 0..100 {
        let list = app.get_json_as(&member, "/api/v1/notifications").await;
        notified = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["kind"] == "changelog.published")
            .count();
        if notified > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(notified, 1);
    // Publishing again (an edit) tells nobody twice.
    pm.put(app.url(&format!("/api/v1/changelog/{id}")))
        .json(&json!({ "title": "Release 2.0", "body": "Edited.", "idea_ids": [idea], "publish": true }))
        .send()
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let list = app.get_json_as(&member, "/api/v1/notifications").await;
    assert_eq!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["kind"] == "changelog.published")
            .count(),
        1
    );
    let bad = pm
        .post(app.url("/api/v1/changelog"))
        .json(&json!({ "title": "" }))
        .send()
        .await
        .unwrap();
    assert_error(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    let gone = pm
        .delete(app.url(&format!("/api/v1/changelog/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status(), StatusCode::NO_CONTENT);
}

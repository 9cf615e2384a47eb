//! Internal notes: product managers see them; nothing ever delivers them
//! to anybody else.

use crate::helpers::{assert_error, new_client, spawn_app};
use reqwest::StatusCode;
use serde_json::{json, Value};

const SECRET: &str = "Zebra-Secret-4711 (internal)";

#[tokio::test]
async fn internal_notes_reach_product_managers_and_nothing_a_member_can_see() {
    // Arrange: a member's idea that they follow, a product manager's note
    // on it, and a public comment after it.
    let app = spawn_app().await;
    let member = new_client();
    app.register_with(&member, "member@example.org").await;
    let idea = app.create_idea_as(&member, "Single sign-on").await["id"]
        .as_i64()
        .unwrap();
    let pm = app.with_role("pm@example.org", "pm").await;
    let admin = app.with_role("admin@example.org", "admin").await;
    let comments_url = app.url(&format!("/api/v1/ideas/{idea}/comments"));

    // Act
    let note = pm
        .post(&comments_url)
        .json(&json!({ "body": SECRET, "internal": true }))
        .send()
        .await
        .unwrap();
    let public = pm
        .post(&comments_url)
        .json(&json!({ "body": "We are looking into it." }))
        .send()
        .await
        .unwrap();

    // Assert: the note exists for product managers and admins...
    assert_eq!(note.status(), StatusCode::CREATED);
    let note: Value = note.json().await.unwrap();
    assert_eq!(note["internal"], true);
    assert_eq!(public.status(), StatusCode::CREATED);
    for client in [&pm, &admin] {
        let list = app.get_json_as(client, &format!("/api/v1/ideas/{idea}/comments")).await;
        assert!(list.to_string().contains("Zebra-Secret-4711"), "{list}");
    }
    let triage = app.get_json_as(&pm, "/api/v1/triage/ideas").await;
    assert_eq!(triage["items"][0]["internal_notes"], 1, "{triage}");
    // ...and only for them: a member may not write one...
    let forged = member
        .post(&comments_url)
        .json(&json!({ "body": "I am a PM now", "internal": true }))
        .send()
        .await
        .unwrap();
    assert_error(forged, StatusCode::FORBIDDEN, "forbidden").await;
    // ...and the public counter does not know of it.
    let shown = app.get_json_as(&member, &format!("/api/v1/ideas/{idea}")).await;
    assert_eq!(shown["comment_count"], 1);
    // Let the notification worker run past both events.
    for _ in 0..100 {
        let list = app.get_json_as(&member, "/api/v1/notifications").await;
        if list["items"].as_array().is_some_and(|items| !items.is_empty()) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let note_id = note["id"].as_i64().unwrap();
    let member_views = [
        "/api/v1/ideas".to_owned(),
        format!("/api/v1/ideas/{idea}"),
        format!("/api/v1/ideas/{idea}/comments"),
        "/api/v1/notifications".to_owned(),
        "/api/v1/me/export".to_owned(),
        "/api/v1/me/comments".to_owned(),
    ];
    for client in [&member, &new_client()] {
        for path in &member_views {
            let text = client.get(app.url(path)).send().await.unwrap().text().await.unwrap();
            assert!(!text.contains("Zebra-Secret-4711"), "{path}: {text}");
            assert!(!text.contains(&format!("\"comment_id\":{note_id}")), "{path}: {text}");
        }
    }
    let edit = member
        .patch(app.url(&format!("/api/v1/comments/{note_id}")))
        .json(&json!({ "body": "changed" }))
        .send()
        .await
        .unwrap();
    assert_error(edit, StatusCode::NOT_FOUND, "not_found").await;
    // The live stream, replayed from the start, carries the public comment
    // and not the note.
    let mut stream = new_client()
        .get(app.url("/api/v1/events"))
        .header("Last-Event-ID", "0")
        .send()
        .await
        .unwrap();
    let mut seen = String::new();
    while !seen.contains("We are looking") && !seen.contains(&format!("\"comment_id\":{}", note_id + 1)) {
        let chunk = tokio::time::timeout(std::time::Duration::from_secs(10), stream.chunk())
            .await
            .expect("the stream answers")
            .unwrap()
            .expect("the stream stays open");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(!seen.contains(&format!("\"comment_id\":{note_id},")), "{seen}");
    assert!(!seen.contains("Zebra-Secret-4711"), "{seen}");
}

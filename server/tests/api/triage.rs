//! Statuses admins define, roles admins give, and the product managers'
//! prioritised lists.

use crate::helpers::{assert_error, new_client, spawn_app};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn keys(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|s| s["key"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn admins_add_rename_recolour_and_reorder_statuses_that_ideas_can_then_have() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.with_role("admin@example.org", "admin").await;
    let idea = app.create_idea_as(&admin, "Offline mode").await["id"].as_i64().unwrap();
    let defaults: Value = app.get("/api/v1/statuses").await.json().await.unwrap();
    assert_eq!(
        keys(&defaults),
        ["open", "under review", "planned", "in progress", "done", "declined"]
    );

    // Act: add one, rename and recolour another, put the new one second.
    let added = admin
        .post(app.url("/api/v1/admin/statuses"))
        .json(
            &json!({ "key": "needs info", "label_en": "Needs info", "label_de": "Rückfrage",
                       "colour": "#AA5500", "on_roadmap": false }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), StatusCode::CREATED);
    let renamed = admin
        .put(app.url("/api/v1/admin/statuses/planned"))
        .json(&json!({ "label_en": "Next up", "label_de": "Als Nächstes", "colour": "#000080", "on_roadmap": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(renamed.status(), StatusCode::OK);
    let order = [
        "open",
        "needs info",
        "under review",
        "planned",
        "in progress",
        "done",
        "declined",
    ];
    let reordered = admin
        .put(app.url("/api/v1/admin/status-order"))
        .json(&json!({ "keys": order }))
        .send()
        .await
        .unwrap();
    assert_eq!(reordered.status(), StatusCode::OK);
    let set = admin
        .put(app.url(&format!("/api/v1/ideas/{idea}/status")))
        .json(&json!({ "status": "needs info" }))
        .send()
        .await
        .unwrap();

    // Assert
    assert_eq!(set.status(), StatusCode::OK);
    let statuses: Value = app.get("/api/v1/statuses").await.json().await.unwrap();
    assert_eq!(keys(&statuses), order);
    let planned = &statuses[3];
    assert_eq!(planned["label_en"], "Next up");
    assert_eq!(planned["label_de"], "Als Nächstes");
    assert_eq!(planned["colour"], "#000080");
    assert_eq!(statuses[1]["colour"], "#aa5500");
    let filtered: Value = app.get("/api/v1/ideas?status=needs%20info").await.json().await.unwrap();
    assert_eq!(filtered["items"][0]["id"], idea);
}

#[tokio::test]
async fn bad_statuses_are_refused_with_the_fields_named() {
    let app = spawn_app().await;
    let admin = app.with_role("admin@example.org", "admin").await;
    let bad = admin
        .post(app.url("/api/v1/admin/statuses"))
        .json(&json!({ "key": "Bad/Key", "label_en": "", "label_de": "x", "colour": "blue" }))
        .send()
        .await
        .unwrap();
    let body = assert_error(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    for field in ["key", "label_en", "colour"] {
        assert!(body["error"]["fields"][field].is_string(), "{field}: {body}");
    }
    let taken = admin
        .post(app.url("/api/v1/admin/statuses"))
        .json(&json!({ "key": "done", "label_en": "Done", "label_de": "Fertig", "colour": "#00aa00" }))
        .send()
        .await
        .unwrap();
    assert_error(taken, StatusCode::CONFLICT, "status_taken").await;
    let missing = admin
        .put(app.url("/api/v1/admin/statuses/nope"))
        .json(&json!({ "label_en": "A", "label_de": "B", "colour": "#000000" }))
        .send()
        .await
        .unwrap();
    assert_error(missing, StatusCode::NOT_FOUND, "not_found").await;
    let partial = admin
        .put(app.url("/api/v1/admin/status-order"))
        .json(&json!({ "keys": ["done", "open"] }))
        .send()
        .await
        .unwrap();
    assert_error(partial, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
}

#[tokio::test]
async fn admins_change_roles_and_the_change_applies_at_once_but_never_removes_the_last_admin() {
    // Arrange
    let app = spawn_app().await;
    let admin = app.with_role("admin@example.org", "admin").await;
    let member = new_client();
    let user = app.register_with(&member, "member@example.org").await;
    let member_id = user["id"].as_i64().unwrap();
    let triage_url = app.url("/api/v1/triage/ideas");
    assert_eq!(
        member.get(&triage_url).send().await.unwrap().status(),
        StatusCode::FORBIDDEN
    );

    // Act
    let res = admin
        .put(app.url(&format!("/api/v1/admin/users/{member_id}/role")))
        .json(&json!({ "role": "pm" }))
        .send()
        .await
        .unwrap();

    // Assert
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(member.get(&triage_url).send().await.unwrap().status(), StatusCode::OK);
    let listed = app.get_json_as(&admin, "/api/v1/admin/users?q=MEMBER@").await;
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert_eq!(listed[0]["role"], "pm");
    let me = app.get_json_as(&admin, "/api/v1/me").await;
    let admin_id = me["id"].as_i64().unwrap();
    let demote_self = admin
        .put(app.url(&format!("/api/v1/admin/users/{admin_id}/role")))
        .json(&json!({ "role": "member" }))
        .send()
        .await
        .unwrap();
    assert_error(demote_self, StatusCode::CONFLICT, "last_admin").await;
    let bad = admin
        .put(app.url(&format!("/api/v1/admin/users/{member_id}/role")))
        .json(&json!({ "role": "king" }))
        .send()
        .await
        .unwrap();
    assert!(bad.status().is_client_error());
    let missing = admin
        .put(app.url("/api/v1/admin/users/99999/role"))
        .json(&json!({ "role": "pm" }))
        .send()
        .await
        .unwrap();
    assert_error(missing, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn the_inbox_lists_untriaged_ideas_oldest_first_and_priority_sorts_by_the_score() {
    // Arrange: three ideas; the second gets votes, the third is triaged.
    let app = spawn_app().await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let ids: Vec<i64> = {
        let mut ids = Vec::new();
        for title in ["Oldest idea", "Middle idea", "Newest idea"] {
            ids.push(app.create_idea_as(&pm, title).await["id"].as_i64().unwrap());
        }
        ids
    };
    for k in 0..3 {
        let voter = new_client();
        app.register_with(&voter, &format!("voter{k}@example.org")).await;
        let url = app.url(&format!("/api/v1/ideas/{}/vote", ids[1]));
        voter.put(url).json(&json!({})).send().await.unwrap();
    }
    pm.put(app.url(&format!("/api/v1/ideas/{}/status", ids[2])))
        .json(&json!({ "status": "planned" }))
        .send()
        .await
        .unwrap();

    // Act
    let set = pm
        .put(app.url(&format!("/api/v1/ideas/{}/priority", ids[0])))
        .json(&json!({ "impact": 5, "effort": 1 }))
        .send()
        .await
        .unwrap();
    let bad = pm
        .put(app.url(&format!("/api/v1/ideas/{}/priority", ids[0])))
        .json(&json!({ "impact": 9, "effort": 0 }))
        .send()
        .await
        .unwrap();

    // Assert: (0+1)·5/1 = 5 beats (3+1)·3/3 = 4 beats (0+1)·3/3 = 1.
    assert_eq!(set.status(), StatusCode::OK);
    let set: Value = set.json().await.unwrap();
    assert_eq!(set["priority"], 5.0);
    let body = assert_error(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert!(body["error"]["fields"]["impact"].is_string() && body["error"]["fields"]["effort"].is_string());
    let order = |list: &Value| -> Vec<i64> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["idea"]["id"].as_i64().unwrap())
            .collect()
    };
    let inbox = app.get_json_as(&pm, "/api/v1/triage/ideas").await;
    assert_eq!(order(&inbox), [ids[0], ids[1]]);
    let by_priority = app
        .get_json_as(&pm, "/api/v1/triage/ideas?view=all&sort=priority")
        .await;
    assert_eq!(order(&by_priority), [ids[0], ids[1], ids[2]]);
    assert_eq!(by_priority["items"][0]["impact"], 5);
    // Paging by priority neither repeats nor skips.
    let first = app
        .get_json_as(&pm, "/api/v1/triage/ideas?view=all&sort=priority&limit=2")
        .await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = app
        .get_json_as(
            &pm,
            &format!("/api/v1/triage/ideas?view=all&sort=priority&limit=2&cursor={cursor}"),
        )
        .await;
    assert_eq!([order(&first), order(&second)].concat(), [ids[0], ids[1], ids[2]]);
    // Members never see impact or effort, and cannot sort by them.
    let public = app
        .get(&format!("/api/v1/ideas/{}", ids[0]))
        .await
        .text()
        .await
        .unwrap();
    assert!(!public.contains("impact") && !public.contains("effort"), "{public}");
    let bad_view = app.get_json_as(&pm, "/api/v1/triage/ideas?view=everything").await;
    assert_eq!(bad_view["error"]["code"], "validation");
}

//! CSV and JSON exports of ideas, filtered like the list.

use crate::helpers::{new_client, spawn_app};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn exports_hold_every_matching_idea_with_its_numbers_in_csv_and_json() {
    // Arrange: three ideas, one planned with a vote and a comment, one hidden.
    let app = spawn_app().await;
    app.web_board().await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let planned = pm
        .post(app.url("/api/v1/ideas"))
        .json(&json!({ "title": "=Formula, with \"quotes\"", "board": "web", "tags": ["UX", "Mobile"] }))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let open = app.create_idea_as(&pm, "Plain idea").await["id"].as_i64().unwrap();
    let hidden = app.create_idea_as(&pm, "Hidden idea").await["id"].as_i64().unwrap();
    pm.put(app.url(&format!("/api/v1/ideas/{planned}/status")))
        .json(&json!({ "status": "planned" }))
        .send()
        .await
        .unwrap();
    let voter = new_client();
    app.register_with(&voter, "voter@example.org").await;
    voter
        .put(app.url(&format!("/api/v1/ideas/{planned}/vote")))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    voter
        .post(app.url(&format!("/api/v1/ideas/{planned}/comments")))
        .json(&json!({ "body": "Yes" }))
        .send()
        .await
        .unwrap();
    pm.put(app.url(&format!("/api/v1/ideas/{hidden}/moderation")))
        .json(&json!({ "hidden": true }))
        .send()
        .await
        .unwrap();

    // Act
    let all: Value = pm
        .get(app.url("/api/v1/export.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let filtered: Value = pm
        .get(app.url("/api/v1/export.json?status=planned&board=web"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let csv = pm
        .get(app.url("/api/v1/export.csv?status=planned"))
        .send()
        .await
        .unwrap();

    // Assert
    let ids: Vec<i64> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [open, planned]);
    assert_eq!(filtered.as_array().unwrap().len(), 1);
    let row = &filtered[0];
    assert_eq!(row["status"], "planned");
    assert_eq!((row["votes"].clone(), row["comments"].clone()), (json!(1), json!(1)));
    assert_eq!(row["tags"], json!(["Mobile", "UX"]));
    assert_eq!(row["board"], "web");
    assert!(row["url"].as_str().unwrap().ends_with(&format!("/ideas/{planned}")));
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = csv.text().await.unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,title,status,votes,comments,tags,board,author,created_at,url"
    );
    let line = lines.next().unwrap();
    assert!(
        line.starts_with(&format!(
            "{planned},\"'=Formula, with \"\"quotes\"\"\",planned,1,1,Mobile; UX,web,pm,"
        )),
        "{line}"
    );
    assert_eq!(lines.next(), None);
}

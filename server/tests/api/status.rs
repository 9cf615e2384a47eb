use crate::helpers::{assert_error, new_client, spawn_app};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn only_product_managers_and_admins_change_statuses() {
    let app = spawn_app().await;
    app.register("author@example.org").await;
    let idea = app.create_idea("Needs a decision").await;
    let url = app.url(&format!("/api/v1/ideas/{}/status", idea["id"]));
    let body = json!({ "status": "planned" });

    let anonymous = new_client().put(&url).json(&body).send().await.unwrap();
    assert_error(anonymous, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let member = app.client.put(&url).json(&body).send().await.unwrap();
    assert_error(member, StatusCode::FORBIDDEN, "forbidden").await;
    for (email, role) in [("pm@example.org", "pm"), ("admin@example.org", "admin")] {
        let client = app.with_role(email, role).await;
        let res = client.put(&url).json(&body).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{role}");
    }
}

#[tokio::test]
async fn a_status_change_carries_a_public_response_and_locks_the_idea() {
    let app = spawn_app().await;
    app.register("author@example.org").await;
    let idea = app.create_idea("Dark mode").await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let url = app.url(&format!("/api/v1/ideas/{}/status", idea["id"]));

    let bad = pm.put(&url).json(&json!({ "status": "someday" })).send().await.unwrap();
    let err = assert_error(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert!(err["error"]["fields"]["status"].is_string());
    let missing = pm
        .put(app.url("/api/v1/ideas/999/status"))
        .json(&json!({ "status": "done" }))
        .send()
        .await
        .unwrap();
    assert_error(missing, StatusCode::NOT_FOUND, "not_found").await;

    let res = pm
        .put(&url)
        .json(&json!({ "status": "planned", "response": "Coming **next quarter**. <script>x</script>" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let idea: Value = app
        .get(&format!("/api/v1/ideas/{}", idea["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(idea["status"], "planned");
    assert_eq!(idea["triaged"], true);
    let response = &idea["status_response"];
    assert!(response["body_html"]
        .as_str()
        .unwrap()
        .contains("<strong>next quarter</strong>"));
    assert!(!response["body_html"].as_str().unwrap().contains("<script"));
    assert_eq!(response["author"], "pm");

    // A later change without a response keeps the last one.
    pm.put(&url)
        .json(&json!({ "status": "in progress" }))
        .send()
        .await
        .unwrap();
    let idea: Value = app
        .get(&format!("/api/v1/ideas/{}", idea["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(idea["status"], "in progress");
    assert!(idea["status_response"]["body_html"]
        .as_str()
        .unwrap()
        .contains("next quarter"));
}

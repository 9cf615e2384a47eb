//! Who may call the product managers' and admins' endpoints: every one of
//! them against anonymous visitors, members, product managers and admins.

use crate::helpers::{new_client, spawn_app, TestApp};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Pm,
    Admin,
}

/// (method, path, body, the lowest role allowed). `{idea}` and `{other}`
/// are fresh ideas, `{comment}` a comment on the first, `{user}` their
/// author, a fresh member, for each call.
fn endpoints() -> Vec<(Method, &'static str, Value, Who)> {
    vec![
        (
            Method::PUT,
            "/api/v1/ideas/{idea}/status",
            json!({ "status": "planned" }),
            Who::Pm,
        ),
        (Method::GET, "/api/v1/triage/ideas", Value::Null, Who::Pm),
        (Method::GET, "/api/v1/ideas/{idea}/triage", Value::Null, Who::Pm),
        (
            Method::POST,
            "/api/v1/ideas/{idea}/merge",
            json!({ "into": "{other}" }),
            Who::Pm,
        ),
        (Method::DELETE, "/api/v1/ideas/{idea}/merge", Value::Null, Who::Pm),
        (
            Method::PUT,
            "/api/v1/ideas/{idea}/priority",
            json!({ "impact": 4, "effort": 2 }),
            Who::Pm,
        ),
        (Method::PUT, "/api/v1/ideas/{idea}/tags", json!({ "tags": [] }), Who::Pm),
        (
            Method::POST,
            "/api/v1/ideas/{idea}/comments",
            json!({ "body": "Internal only", "internal": true }),
            Who::Pm,
        ),
        (
            Method::POST,
            "/api/v1/admin/statuses",
            json!({ "key": "k{n}", "label_en": "New", "label_de": "Neu", "colour": "#123456" }),
            Who::Admin,
        ),
        (
            Method::PUT,
            "/api/v1/admin/statuses/planned",
            json!({ "label_en": "Planned", "label_de": "Geplant", "colour": "#1d4ed8", "on_roadmap": true }),
            Who::Admin,
        ),
        (
            Method::PUT,
            "/api/v1/admin/status-order",
            json!({ "keys": [] }),
            Who::Admin,
        ),
        (Method::GET, "/api/v1/admin/users", Value::Null, Who::Admin),
        (
            Method::PUT,
            "/api/v1/admin/users/{user}/role",
            json!({ "role": "pm" }),
            Who::Admin,
        ),
        (Method::GET, "/api/v1/admin/sites", Value::Null, Who::Admin),
        (Method::GET, "/api/v1/export.csv", Value::Null, Who::Pm),
        (Method::GET, "/api/v1/export.json", Value::Null, Who::Pm),
        (Method::GET, "/api/v1/admin/webhooks", Value::Null, Who::Admin),
        (Method::GET, "/api/v1/triage/changelog", Value::Null, Who::Pm),
        (Method::GET, "/api/v1/triage/trends?days=7", Value::Null, Who::Pm),
        (
            Method::POST,
            "/api/v1/changelog",
            json!({ "title": "Release {n}", "idea_ids": ["{idea}"] }),
            Who::Pm,
        ),
        (
            Method::PUT,
            "/api/v1/changelog/999999",
            json!({ "title": "Release" }),
            Who::Pm,
        ),
        (Method::DELETE, "/api/v1/changelog/999999", Value::Null, Who::Pm),
        (
            Method::POST,
            "/api/v1/admin/webhooks",
            json!({ "url": "https://hooks.example.org/{n}", "events": ["idea.created"] }),
            Who::Admin,
        ),
        (Method::DELETE, "/api/v1/admin/webhooks/999999", Value::Null, Who::Admin),
        (
            Method::GET,
            "/api/v1/admin/webhooks/999999/deliveries",
            Value::Null,
            Who::Admin,
        ),
        (
            Method::PUT,
            "/api/v1/ideas/{idea}/moderation",
            json!({ "hidden": true }),
            Who::Pm,
        ),
        (
            Method::PUT,
            "/api/v1/comments/{comment}/moderation",
            json!({ "hidden": true }),
            Who::Pm,
        ),
        (
            Method::PUT,
            "/api/v1/users/{user}/block",
            json!({ "blocked": false }),
            Who::Pm,
        ),
        (
            Method::PUT,
            "/api/v1/admin/boards/general",
            json!({ "approval_required": false }),
            Who::Admin,
        ),
    ]
}

async fn call(app: &TestApp, client: &Client, n: usize, endpoint: &(Method, &str, Value, Who)) -> StatusCode {
    let (method, path, body, _) = endpoint;
    let author = new_client();
    let user = app.register_with(&author, &format!("author{n}@example.org")).await["id"].to_string();
    let idea = app.create_idea_as(&author, &format!("Idea number {n}")).await["id"].to_string();
    let other = app.create_idea_as(&author, &format!("Other idea {n}")).await["id"].to_string();
    let comment = author
        .post(app.url(&format!("/api/v1/ideas/{idea}/comments")))
        .json(&json!({ "body": "A comment" }))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()["id"]
        .to_string();
    let fill = |s: &str| {
        s.replace("{idea}", &idea)
            .replace("{other}", &other)
            .replace("{user}", &user)
            .replace("{comment}", &comment)
            .replace("{n}", &n.to_string())
    };
    let mut req = client.request(method.clone(), app.url(&fill(path)));
    if !body.is_null() {
        let text = fill(&body.to_string())
            .replace(&format!("\"{other}\""), &other)
            .replace(&format!("\"{idea}\""), &idea);
        req = req.header("content-type", "application/json").body(text);
    }
    req.send().await.unwrap().status()
}

#[tokio::test]
async fn every_pm_and_admin_endpoint_refuses_visitors_and_members_and_admits_its_roles() {
    // Arrange: one client per role.
    let app = spawn_app().await;
    let member = new_client();
    app.register_with(&member, "member@example.org").await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let admin = app.with_role("admin@example.org", "admin").await;
    app.with_role("second-admin@example.org", "admin").await;
    let mut n = 0;
    for endpoint in endpoints() {
        let expectations = [
            (new_client(), "anonymous", Some(StatusCode::UNAUTHORIZED)),
            (member.clone(), "member", Some(StatusCode::FORBIDDEN)),
            (
                pm.clone(),
                "pm",
                (endpoint.3 == Who::Admin).then_some(StatusCode::FORBIDDEN),
            ),
            (admin.clone(), "admin", None),
        ];
        for (client, who, refused) in expectations {
            // Act
            let status = call(&app, &client, n, &endpoint).await;
            n += 1;
            // Assert
            match refused {
                Some(expected) => assert_eq!(status, expected, "{who}: {} {}", endpoint.0, endpoint.1),
                None => assert!(
                    ![StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN].contains(&status),
                    "{who} was refused ({status}): {} {}",
                    endpoint.0,
                    endpoint.1
                ),
            }
        }
    }
}

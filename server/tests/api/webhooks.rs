//! Webhooks: a receiver in the test checks each delivery's signature; a
//! failing receiver gets retries; every delivery is logged for the admins.

use crate::helpers::{assert_error, new_client, spawn_app_with, TestApp};
use axum::http::{HeaderMap, StatusCode as AxumStatus};
use hmac::{Hmac, Mac};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use sha2::Sha256;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the receiver got: (event header, signature header, body).
type Received = Arc<Mutex<Vec<(String, String, String)>>>;

/// A webhook receiver on a random port that answers 500 to its first
/// `fail_first` requests, then 204.
async fn receiver(fail_first: usize) -> (String, Received) {
    let received: Received = Arc::default();
    let seen = received.clone();
    let handler = move |headers: HeaderMap, body: String| {
        let seen = seen.clone();
        async move {
            let header = |name: &str| {
                headers
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_owned()
            };
            let mut all = seen.lock().unwrap();
            all.push((header("x-schwarm-event"), header("x-schwarm-signature"), body));
            if all.len() <= fail_first {
                AxumStatus::INTERNAL_SERVER_ERROR
            } else {
                AxumStatus::NO_CONTENT
            }
        }
    };
    let app = axum::Router::new().route("/hook", axum::routing::post(handler));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, received)
}

fn expected_signature(secret: &str, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body.as_bytes());
    let hex: String = mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256={hex}")
}

async fn wait_for(received: &Received, n: usize) -> Vec<(String, String, String)> {
    for _ in 0..200 {
        if received.lock().unwrap().len() >= n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    received.lock().unwrap().clone()
}

async fn register(app: &TestApp, admin: &Client, url: &str, events: Value) -> Value {
    let res = admin
        .post(app.url("/api/v1/admin/webhooks"))
        .json(&json!({ "url": url, "events": events }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

#[tokio::test]
async fn subscribed_events_arrive_signed_and_others_do_not() {
    // Arrange
    let app = spawn_app_with(|args| args.webhooks.webhook_retry_ms = 50).await;
    let admin = app.with_role("admin@example.org", "admin").await;
    let (url, received) = receiver(0).await;
    let made = register(
        &app,
        &admin,
        &url,
        json!(["idea.created", "idea.status_changed", "comment.created", "idea.merged"]),
    )
    .await;
    let secret = made["secret"].as_str().unwrap().to_owned();

    // Act: an idea, an internal note (never sent), a comment, a status
    // change, a merge.
    let idea = app.create_idea_as(&admin, "Webhooks for everything").await["id"]
        .as_i64()
        .unwrap();
    let other = app.create_idea_as(&admin, "Webhooks please").await["id"]
        .as_i64()
        .unwrap();
    let comments = app.url(&format!("/api/v1/ideas/{idea}/comments"));
    admin
        .post(&comments)
        .json(&json!({ "body": "Secret plan", "internal": true }))
        .send()
        .await
        .unwrap();
    admin
        .post(&comments)
        .json(&json!({ "body": "Public word" }))
        .send()
        .await
        .unwrap();
    admin
        .put(app.url(&format!("/api/v1/ideas/{idea}/status")))
        .json(&json!({ "status": "planned" }))
        .send()
        .await
        .unwrap();
    admin
        .post(app.url(&format!("/api/v1/ideas/{other}/merge")))
        .json(&json!({ "into": idea }))
        .send()
        .await
        .unwrap();

    // Assert: five deliveries in order, each signed over its exact body.
    let got = wait_for(&received, 5).await;
    let events: Vec<&str> = got.iter().map(|(e, _, _)| e.as_str()).collect();
    assert_eq!(
        events,
        [
            "idea.created",
            "idea.created",
            "comment.created",
            "idea.status_changed",
            "idea.merged"
        ]
    );
    for (event, signature, body) in &got {
        assert_eq!(*signature, expected_signature(&secret, body), "{event}");
        let body: Value = serde_json::from_str(body).unwrap();
        assert_eq!(body["event"], event.as_str());
        assert!(!body.to_string().contains("Secret plan"));
    }
    let status: Value = serde_json::from_str(&got[3].2).unwrap();
    assert_eq!(status["idea"]["id"], idea);
    assert_eq!(status["idea"]["status"], "planned");
    assert!(status["idea"]["url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/ideas/{idea}")));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(received.lock().unwrap().len(), 5, "nothing more is sent");
    let log = app
        .get_json_as(
            &admin,
            &format!("/api/v1/admin/webhooks/{}/deliveries", made["webhook"]["id"]),
        )
        .await;
    assert_eq!(log.as_array().unwrap().len(), 5);
}

#[tokio::test]
async fn a_failing_receiver_gets_retries_and_the_log_shows_status_and_attempts() {
    // Arrange: a receiver that fails twice; another URL where nothing listens.
    let app = spawn_app_with(|args| {
        args.webhooks.webhook_retry_ms = 50;
        args.webhooks.webhook_max_attempts = 3;
    })
    .await;
    let admin = app.with_role("admin@example.org", "admin").await;
    let (url, received) = receiver(2).await;
    let flaky = register(&app, &admin, &url, json!(["idea.created"])).await;
    let dead_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dead = register(
        &app,
        &admin,
        &format!("http://127.0.0.1:{dead_port}/hook"),
        json!(["idea.created"]),
    )
    .await;

    // Act
    app.create_idea_as(&admin, "Retry me").await;

    // Assert: the same body arrived three times; the third was accepted.
    let got = wait_for(&received, 3).await;
    assert_eq!(got.len(), 3);
    assert!(got.iter().all(|g| g.2 == got[0].2));
    let mut flaky_log = Value::Null;
    let mut dead_log = Value::Null;
    for _ in 0..100 {
        flaky_log = app
            .get_json_as(
                &admin,
                &format!("/api/v1/admin/webhooks/{}/deliveries", flaky["webhook"]["id"]),
            )
            .await;
        dead_log = app
            .get_json_as(
                &admin,
                &format!("/api/v1/admin/webhooks/{}/deliveries", dead["webhook"]["id"]),
            )
            .await;
        if flaky_log[0]["delivered_at"].is_string() && dead_log[0]["failed_at"].is_string() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(flaky_log[0]["attempts"], 3, "{flaky_log}");
    assert_eq!(flaky_log[0]["last_status"], 204);
    assert_eq!(dead_log[0]["attempts"], 3, "{dead_log}");
    assert!(dead_log[0]["failed_at"].is_string(), "{dead_log}");
    assert!(dead_log[0]["last_error"].is_string());
    let hooks = app.get_json_as(&admin, "/api/v1/admin/webhooks").await;
    let counts: Vec<(i64, i64)> = hooks
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["delivered"].as_i64().unwrap(), h["failed"].as_i64().unwrap()))
        .collect();
    assert_eq!(counts, [(1, 0), (0, 1)]);
}

#[tokio::test]
async fn webhooks_need_a_valid_url_and_known_events_and_can_be_removed() {
    let app = spawn_app_with(|_| {}).await;
    let admin = app.with_role("admin@example.org", "admin").await;
    let bad = admin
        .post(app.url("/api/v1/admin/webhooks"))
        .json(&json!({ "url": "ftp://example.org", "events": ["vote.cast"] }))
        .send()
        .await
        .unwrap();
    let body = assert_error(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert!(body["error"]["fields"]["url"].is_string() && body["error"]["fields"]["events"].is_string());
    let made = register(&app, &admin, "https://hooks.example.org/x", json!(["idea.created"])).await;
    let id = made["webhook"]["id"].as_i64().unwrap();
    let listed = app.get_json_as(&admin, "/api/v1/admin/webhooks").await;
    assert!(listed.to_string().contains("hooks.example.org"));
    assert!(
        !listed.to_string().contains(made["secret"].as_str().unwrap()),
        "the secret is shown once"
    );
    let gone = admin
        .delete(app.url(&format!("/api/v1/admin/webhooks/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status(), StatusCode::NO_CONTENT);
    let again = admin
        .delete(app.url(&format!("/api/v1/admin/webhooks/{id}")))
        .send()
        .await
        .unwrap();
    assert_error(again, StatusCode::NOT_FOUND, "not_found").await;
    let member = new_client();
    app.register_with(&member, "member@example.org").await;
    let refused = member.get(app.url("/api/v1/admin/webhooks")).send().await.unwrap();
    assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
}

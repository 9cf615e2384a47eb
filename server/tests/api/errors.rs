use crate::helpers::{assert_error, spawn_app};
use reqwest::header::{CONTENT_TYPE, ORIGIN, REFERER};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn unknown_api_paths_and_methods_answer_in_json() {
    let app = spawn_app().await;
    assert_error(
        app.get("/api/v1/nothing-here").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_error(app.get("/api/whatever").await, StatusCode::NOT_FOUND, "not_found").await;
    let patch = app.client.patch(app.url("/api/v1/ideas")).send().await.unwrap();
    assert_error(patch, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
}

#[tokio::test]
async fn malformed_bodies_are_4xx_never_5xx() {
    let app = spawn_app().await;
    app.register("m@example.org").await;
    let post = |body: &'static str, content_type: &'static str| {
        app.client
            .post(app.url("/api/v1/ideas"))
            .header(CONTENT_TYPE, content_type)
            .body(body)
            .send()
    };

    assert_error(
        post("{not json", "application/json").await.unwrap(),
        StatusCode::BAD_REQUEST,
        "malformed",
    )
    .await;
    assert_error(
        post("\"just a string\"", "application/json").await.unwrap(),
        StatusCode::BAD_REQUEST,
        "malformed",
    )
    .await;
    assert_error(
        post("", "application/json").await.unwrap(),
        StatusCode::BAD_REQUEST,
        "malformed",
    )
    .await;
    assert_error(
        post("title=x", "application/x-www-form-urlencoded").await.unwrap(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;
    let wrong_type = post(r#"{"title": 42, "body": ""}"#, "application/json").await.unwrap();
    let body = assert_error(wrong_type, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert!(body["error"]["fields"]["title"].is_string(), "{body}");
}

#[tokio::test]
async fn oversized_bodies_are_413() {
    let app = spawn_app().await;
    app.register("big@example.org").await;
    let huge = json!({ "title": "Big", "body": "x".repeat(200_000) });
    let res = app.post("/api/v1/ideas", huge).await;
    assert_error(res, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
}

#[tokio::test]
async fn cross_site_state_changes_are_refused() {
    let app = spawn_app().await;
    app.register("csrf@example.org").await;
    let idea = app.create_idea("Guarded").await;
    let vote_url = app.url(&format!("/api/v1/ideas/{}/vote", idea["id"]));

    let forged = app
        .client
        .put(&vote_url)
        .header(ORIGIN, "http://evil.example")
        .send()
        .await
        .unwrap();
    assert_error(forged, StatusCode::FORBIDDEN, "csrf_origin_mismatch").await;
    let forged = app
        .client
        .put(&vote_url)
        .header(REFERER, "http://evil.example/page")
        .send()
        .await
        .unwrap();
    assert_error(forged, StatusCode::FORBIDDEN, "csrf_origin_mismatch").await;
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM votes")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(stored, 0, "nothing changed");

    let own = app
        .client
        .put(&vote_url)
        .header(ORIGIN, app.base.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), StatusCode::OK);
    // Reading is never blocked.
    let read = app
        .client
        .get(app.url("/api/v1/ideas"))
        .header(ORIGIN, "http://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), StatusCode::OK);
}

#[tokio::test]
async fn nul_and_other_control_characters_are_refused_not_stored() {
    // PostgreSQL cannot store NUL at all: it must never reach the database.
    let app = spawn_app().await;
    app.register("nul@example.org").await;
    let idea = app.create_idea("A fine idea").await;

    let writes = [
        (
            "/api/v1/ideas".to_owned(),
            serde_json::json!({ "title": "Nul \u{0} here", "body": "" }),
            "title",
        ),
        (
            "/api/v1/ideas".to_owned(),
            serde_json::json!({ "title": "Nul in body", "body": "a\u{0}b" }),
            "body",
        ),
        (
            format!("/api/v1/ideas/{}/comments", idea["id"]),
            serde_json::json!({ "body": "bell\u{7}" }),
            "body",
        ),
        (
            "/api/v1/auth/login".to_owned(),
            serde_json::json!({ "email": "a\u{0}@example.org", "password": "whatever-it-is" }),
            "email",
        ),
        (
            "/api/v1/email/unsubscribe".to_owned(),
            serde_json::json!({ "token": "t\u{0}", "kind": "replies" }),
            "token",
        ),
    ];
    for (path, body, field) in writes {
        let res = app.post(&path, body).await;
        let err = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
        assert!(err["error"]["fields"][field].is_string(), "{path}: {err}");
    }
    for query in ["q=%00", "status=%00", "board=%00", "tag=%00", "q=a%00b"] {
        let res = app.get(&format!("/api/v1/ideas?{query}")).await;
        assert!(
            res.status().is_client_error() || res.status().is_success(),
            "{query}: {}",
            res.status()
        );
        assert!(res.status() != StatusCode::INTERNAL_SERVER_ERROR);
    }
    for path in ["/api/v1/boards/%00", "/api/v1/ideas/similar?q=%00"] {
        let status = app.get(path).await.status();
        assert!(!status.is_server_error(), "{path}: {status}");
    }
}

#[tokio::test]
async fn a_body_must_be_an_object_not_an_array_of_its_fields() {
    // serde reads a struct from `[field, field]`; the API refuses it.
    let app = spawn_app().await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let idea = app.create_idea_as(&pm, "Arrays are not objects").await["id"]
        .as_i64()
        .unwrap();
    let res = pm
        .put(app.url(&format!("/api/v1/ideas/{idea}/priority")))
        .header(CONTENT_TYPE, "application/json")
        .body("[null, null]")
        .send()
        .await
        .unwrap();
    assert_error(res, StatusCode::BAD_REQUEST, "malformed").await;
    let missing = pm
        .put(app.url(&format!("/api/v1/ideas/{idea}/tags")))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    let body = assert_error(missing, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert!(body["error"]["fields"]["tags"].is_string(), "{body}");
}

use crate::helpers::{assert_error, new_client, spawn_app, spawn_app_with, PASSWORD};
use reqwest::header::{AUTHORIZATION, COOKIE, SET_COOKIE};
use reqwest::{Client, StatusCode};
use schwarm_server::config::SessionArgs;
use schwarm_server::domain::time::now_ms;
use serde_json::{json, Value};

/// The raw session token from a `Set-Cookie` answer.
fn token_of(res: &reqwest::Response) -> String {
    let cookie = res
        .headers()
        .get(SET_COOKIE)
        .expect("a session cookie")
        .to_str()
        .unwrap();
    cookie
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("schwarm_session=")
        .to_owned()
}

async fn me_with(app: &crate::helpers::TestApp, token: &str) -> StatusCode {
    Client::new()
        .get(app.url("/api/v1/me"))
        .header(COOKIE, format!("schwarm_session={token}"))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn register_signs_in_with_an_httponly_lax_cookie() {
    let app = spawn_app().await;

    let res = app
        .post(
            "/api/v1/auth/register",
            json!({ "email": " Ada@Example.org ", "password": PASSWORD, "display_name": " Ada " }),
        )
        .await;

    assert_eq!(res.status(), StatusCode::CREATED);
    let cookie = res.headers().get(SET_COOKIE).unwrap().to_str().unwrap().to_owned();
    assert!(cookie.starts_with("schwarm_session="));
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Lax"));
    assert!(!cookie.contains("Secure"), "not over plain HTTP by default");
    let user: Value = res.json().await.unwrap();
    assert_eq!(user["email"], "ada@example.org");
    assert_eq!(user["display_name"], "Ada");
    assert_eq!(user["role"], "member");
    let me: Value = app.get("/api/v1/me").await.json().await.unwrap();
    assert_eq!(me, user);

    let hash: String = sqlx::query_scalar("SELECT password_hash FROM users")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert!(hash.starts_with("$argon2id$"), "stored as argon2id, not plain");
}

#[tokio::test]
async fn the_cookie_is_secure_when_configured() {
    let app = spawn_app_with(|args| {
        args.sessions = SessionArgs {
            secure_cookies: true,
            ..SessionArgs::default()
        }
    })
    .await;
    let res = app
        .post(
            "/api/v1/auth/register",
            json!({ "email": "s@example.org", "password": PASSWORD, "display_name": "S" }),
        )
        .await;
    assert!(res
        .headers()
        .get(SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .contains("Secure"));
}

#[tokio::test]
async fn a_taken_email_is_a_conflict_whatever_its_case() {
    let app = spawn_app().await;
    app.register("taken@example.org").await;

    let res = new_client()
        .post(app.url("/api/v1/auth/register"))
        .json(&json!({ "email": "TAKEN@example.org", "password": PASSWORD, "display_name": "Other" }))
        .send()
        .await
        .unwrap();

    assert_error(res, StatusCode::CONFLICT, "email_taken").await;
}

#[tokio::test]
async fn registration_names_every_bad_field() {
    let app = spawn_app().await;

    let res = app
        .post(
            "/api/v1/auth/register",
            json!({ "email": "nope", "password": "short", "display_name": "  " }),
        )
        .await;

    let body = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    let fields = body["error"]["fields"].as_object().unwrap();
    assert_eq!(fields.len(), 3, "{body}");
    for field in ["email", "password", "display_name"] {
        assert!(fields.contains_key(field), "{field} missing in {body}");
    }
    let res = app.post("/api/v1/auth/register", json!({})).await;
    assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    let res = app
        .post(
            "/api/v1/auth/register",
            json!({ "email": "c@example.org", "password": "password123", "display_name": "C" }),
        )
        .await;
    let body = assert_error(res, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert!(
        body["error"]["fields"]["password"].is_string(),
        "a common password is refused"
    );
}

#[tokio::test]
async fn sign_in_does_not_reveal_whether_an_email_is_registered() {
    let app = spawn_app().await;
    app.register("known@example.org").await;
    let client = new_client();

    let wrong_password = client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": "known@example.org", "password": "not the password" }))
        .send()
        .await
        .unwrap();
    let unknown_email = client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": "unknown@example.org", "password": "not the password" }))
        .send()
        .await
        .unwrap();

    let a = assert_error(wrong_password, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    let b = assert_error(unknown_email, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    assert_eq!(a, b, "the same answer for both");
}

#[tokio::test]
async fn sign_in_starts_a_new_session_and_ends_the_old_one() {
    let app = spawn_app().await;
    app.register("rotate@example.org").await;
    let login = || {
        Client::new()
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({ "email": "rotate@example.org", "password": PASSWORD }))
    };
    let first = login().send().await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let first_token = token_of(&first);

    let second = login()
        .header(COOKIE, format!("schwarm_session={first_token}"))
        .send()
        .await
        .unwrap();
    let second_token = token_of(&second);

    assert_ne!(first_token, second_token);
    assert_eq!(me_with(&app, &second_token).await, StatusCode::OK);
    assert_eq!(me_with(&app, &first_token).await, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn sign_out_ends_the_session_on_the_server() {
    let app = spawn_app().await;
    let res = Client::new()
        .post(app.url("/api/v1/auth/register"))
        .json(&json!({ "email": "out@example.org", "password": PASSWORD, "display_name": "Out" }))
        .send()
        .await
        .unwrap();
    let token = token_of(&res);

    let out = Client::new()
        .post(app.url("/api/v1/auth/logout"))
        .header(COOKIE, format!("schwarm_session={token}"))
        .send()
        .await
        .unwrap();

    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        me_with(&app, &token).await,
        StatusCode::UNAUTHORIZED,
        "a replayed cookie is dead"
    );
}

#[tokio::test]
async fn idle_and_expired_sessions_end() {
    let app = spawn_app().await;
    let res = Client::new()
        .post(app.url("/api/v1/auth/register"))
        .json(&json!({ "email": "idle@example.org", "password": PASSWORD, "display_name": "Idle" }))
        .send()
        .await
        .unwrap();
    let token = token_of(&res);
    assert_eq!(me_with(&app, &token).await, StatusCode::OK);
    let db = app.db().await;

    // Unused for longer than the idle timeout (14 days by default).
    sqlx::query("UPDATE sessions SET last_seen_at = last_seen_at - 15 * 86400000")
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(me_with(&app, &token).await, StatusCode::UNAUTHORIZED);

    // Recently used but past its absolute lifetime.
    sqlx::query("UPDATE sessions SET last_seen_at = last_seen_at + 15 * 86400000, expires_at = 0")
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(me_with(&app, &token).await, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_used_session_is_marked_as_seen() {
    // Arrange: a session, and its user, last seen ten minutes ago.
    let app = spawn_app().await;
    let res = Client::new()
        .post(app.url("/api/v1/auth/register"))
        .json(&json!({ "email": "seen@example.org", "password": PASSWORD, "display_name": "Seen" }))
        .send()
        .await
        .unwrap();
    let token = token_of(&res);
    let db = app.db().await;
    let ten_minutes_ago = now_ms() - 10 * 60_000;
    sqlx::query("UPDATE sessions SET last_seen_at = $1")
        .bind(ten_minutes_ago)
        .execute(&db)
        .await
        .unwrap();
    sqlx::query("UPDATE users SET last_seen_at = $1")
        .bind(ten_minutes_ago)
        .execute(&db)
        .await
        .unwrap();

    // Act
    assert_eq!(me_with(&app, &token).await, StatusCode::OK);

    // Assert: both clocks move on. The request does not wait for that
    // write (it is batched, `service::last_seen`), so it is waited for here.
    let seen = || async {
        let (session, user): (i64, i64) =
            sqlx::query_as("SELECT s.last_seen_at, u.last_seen_at FROM sessions s JOIN users u ON u.id = s.user_id")
                .fetch_one(&db)
                .await
                .unwrap();
        session > ten_minutes_ago && user > ten_minutes_ago
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !seen().await && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(seen().await, "the session and its user are marked as seen");
}

#[tokio::test]
async fn a_bearer_token_works_like_the_cookie() {
    let app = spawn_app().await;
    let res = Client::new()
        .post(app.url("/api/v1/auth/register"))
        .json(&json!({ "email": "bearer@example.org", "password": PASSWORD, "display_name": "B" }))
        .send()
        .await
        .unwrap();
    let token = token_of(&res);

    let me = Client::new()
        .get(app.url("/api/v1/me"))
        .header(AUTHORIZATION, format!("Bearer {token}"))
        .send()
        .await
        .unwrap();

    assert_eq!(me.status(), StatusCode::OK);
}

#[tokio::test]
async fn me_without_a_session_is_401() {
    let app = spawn_app().await;
    assert_error(app.get("/api/v1/me").await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert_eq!(me_with(&app, "forged-token").await, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn members_change_their_display_name() {
    let app = spawn_app().await;
    app.register("rename@example.org").await;

    let res = app
        .client
        .patch(app.url("/api/v1/me"))
        .json(&json!({ "display_name": "  New Name " }))
        .send()
        .await
        .unwrap();

    assert_eq!(res.status(), StatusCode::OK);
    let me: Value = app.get("/api/v1/me").await.json().await.unwrap();
    assert_eq!(me["display_name"], "New Name");
    let bad = app
        .client
        .patch(app.url("/api/v1/me"))
        .json(&json!({ "display_name": " " }))
        .send()
        .await
        .unwrap();
    assert_error(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    let anonymous = new_client()
        .patch(app.url("/api/v1/me"))
        .json(&json!({ "display_name": "X" }))
        .send()
        .await
        .unwrap();
    assert_error(anonymous, StatusCode::UNAUTHORIZED, "unauthorized").await;
}

#[tokio::test]
async fn a_password_change_needs_the_current_one_and_ends_other_sessions() {
    let app = spawn_app().await;
    app.register("change@example.org").await;
    let other_device = new_client();
    let login = other_device
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": "change@example.org", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), StatusCode::OK);
    let change = |current: &str, new: &str| {
        app.client
            .post(app.url("/api/v1/me/password"))
            .json(&json!({ "current_password": current, "new_password": new }))
            .send()
    };

    let wrong = change("not my password", "brand-new-password-1").await.unwrap();
    let body = assert_error(wrong, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert!(body["error"]["fields"]["current_password"].is_string());
    let weak = change(PASSWORD, "short").await.unwrap();
    let body = assert_error(weak, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert!(body["error"]["fields"]["new_password"].is_string());

    let ok = change(PASSWORD, "brand-new-password-1").await.unwrap();
    assert_eq!(ok.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.get("/api/v1/me").await.status(),
        StatusCode::OK,
        "this session stays"
    );
    let other = other_device.get(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(other.status(), StatusCode::UNAUTHORIZED, "other sessions end");
    let old = new_client()
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": "change@example.org", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_error(old, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
    let new = new_client()
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": "change@example.org", "password": "brand-new-password-1" }))
        .send()
        .await
        .unwrap();
    assert_eq!(new.status(), StatusCode::OK);
}

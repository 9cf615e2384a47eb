use crate::helpers::{assert_error, new_client, spawn_app, TestApp};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{encode, EncodingKey, Header};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const HOST: &str = "http://shop.example:8443";

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn sign(claims: &Value, secret: &str) -> String {
    encode(&Header::default(), claims, &EncodingKey::from_secret(secret.as_bytes())).unwrap()
}

fn claims(aud: &str, exp: i64) -> Value {
    json!({ "sub": "cust-42", "email": "hannah@shop.example", "name": "Hannah Host", "exp": exp, "aud": aud })
}

/// An admin who registers `HOST` for the general board; returns the secret.
async fn site(app: &TestApp) -> (Client, Value, String) {
    let admin = app.with_role("admin@example.org", "admin").await;
    let res = admin
        .post(app.url("/api/v1/admin/sites"))
        .json(
            &json!({ "name": "Shop", "origin": "HTTP://Shop.Example:8443/", "board": "general",
                       "theme": { "accent": "#ff6600", "mode": "dark", "font": "Inter, sans-serif", "radius": 4 } }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: Value = res.json().await.unwrap();
    let secret = body["sso_secret"].as_str().unwrap().to_owned();
    (admin, body["site"].clone(), secret)
}

async fn sso(app: &TestApp, token: &str) -> reqwest::Response {
    new_client()
        .post(app.url("/api/v1/auth/sso"))
        .json(&json!({ "token": token }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn only_admins_manage_sites_and_the_secret_is_shown_once() {
    let app = spawn_app().await;
    app.register("member@example.org").await;
    let pm = app.with_role("pm@example.org", "pm").await;
    let body = json!({ "name": "Shop", "origin": HOST, "board": "general" });
    for (client, status) in [
        (new_client(), StatusCode::UNAUTHORIZED),
        (app.client.clone(), StatusCode::FORBIDDEN),
        (pm, StatusCode::FORBIDDEN),
    ] {
        let res = client
            .post(app.url("/api/v1/admin/sites"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), status);
        let res = client.get(app.url("/api/v1/admin/sites")).send().await.unwrap();
        assert_eq!(res.status(), status);
    }

    let (admin, created, secret) = site(&app).await;

    assert_eq!(created["origin"], HOST, "stored in its normal form");
    assert_eq!(created["theme"]["mode"], "dark");
    assert!(secret.len() >= 32);
    let listed = app.get_json_as(&admin, "/api/v1/admin/sites").await;
    assert_eq!(listed[0]["name"], "Shop");
    assert!(!listed.to_string().contains(&secret), "the secret is never listed");
    let again = admin
        .post(app.url("/api/v1/admin/sites"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_error(again, StatusCode::CONFLICT, "conflict").await;
    let bad = admin
        .post(app.url("/api/v1/admin/sites"))
        .json(&json!({ "name": "", "origin": "shop.example/path", "board": "nope", "theme": { "accent": "orange", "mode": "auto", "font": "", "radius": 80 } }))
        .send()
        .await
        .unwrap();
    let err = assert_error(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    for field in ["name", "origin", "theme.accent", "theme.radius"] {
        assert!(err["error"]["fields"][field].is_string(), "{field}: {err}");
    }
    let unknown_board = admin
        .post(app.url("/api/v1/admin/sites"))
        .json(&json!({ "name": "Other", "origin": "https://other.example", "board": "nope" }))
        .send()
        .await
        .unwrap();
    let err = assert_error(unknown_board, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert!(err["error"]["fields"]["board"].is_string());
}

#[tokio::test]
async fn a_signed_token_signs_in_as_the_sites_user_with_a_bearer_session() {
    let app = spawn_app().await;
    let (_, _, secret) = site(&app).await;

    let res = sso(&app, &sign(&claims(HOST, now() + 600), &secret)).await;

    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers().get("set-cookie").is_none(),
        "no cookie: the widget keeps the token in memory"
    );
    let session: Value = res.json().await.unwrap();
    assert_eq!(session["user"]["display_name"], "Hannah Host");
    let token = session["token"].as_str().unwrap();
    let me = new_client()
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.json::<Value>().await.unwrap()["email"], "hannah@shop.example");
    // A state change with the bearer token needs no cookie and no Origin check.
    let idea = new_client()
        .post(app.url("/api/v1/ideas"))
        .bearer_auth(token)
        .header("origin", HOST)
        .json(&json!({ "title": "From the widget", "body": "" }))
        .send()
        .await
        .unwrap();
    assert_eq!(idea.status(), StatusCode::CREATED);
    // The same sub is the same user, whose name the site may update.
    let mut renamed = claims(HOST, now() + 600);
    renamed["name"] = json!("Hannah H.");
    let again: Value = sso(&app, &sign(&renamed, &secret)).await.json().await.unwrap();
    assert_eq!(again["user"]["id"], session["user"]["id"]);
    assert_eq!(again["user"]["display_name"], "Hannah H.");
}

#[tokio::test]
async fn every_bad_token_is_refused_with_its_own_code() {
    let app = spawn_app().await;
    let (admin, created, secret) = site(&app).await;
    let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims(HOST, now() + 600).to_string());
    let cases = [
        (format!("{header}.{payload}."), "sso_unsigned"),
        (sign(&claims(HOST, now() - 3600), &secret), "sso_expired"),
        (
            sign(&claims("https://elsewhere.example", now() + 600), &secret),
            "sso_wrong_audience",
        ),
        (sign(&claims(HOST, now() + 600), "not-the-secret"), "sso_bad_signature"),
        (sign(&claims(HOST, now() + 5 * 3600), &secret), "sso_invalid"),
        ("not.a.jwt".to_owned(), "sso_invalid"),
    ];
    for (token, code) in cases {
        assert_error(sso(&app, &token).await, StatusCode::UNAUTHORIZED, code).await;
    }

    // Rotating the secret: the old one stops working.
    let old = sign(&claims(HOST, now() + 600), &secret);
    let rotated: Value = admin
        .post(app.url(&format!("/api/v1/admin/sites/{}/secret", created["id"])))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let new_secret = rotated["sso_secret"].as_str().unwrap();
    assert_ne!(new_secret, secret);
    assert_error(sso(&app, &old).await, StatusCode::UNAUTHORIZED, "sso_bad_signature").await;
    assert_eq!(
        sso(&app, &sign(&claims(HOST, now() + 600), new_secret)).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn only_the_boards_sites_may_frame_its_widget() {
    let app = spawn_app().await;
    let (admin, created, _) = site(&app).await;

    let widget = app.get("/embed/general").await;
    let other_page = app.get("/ideas/1").await;

    assert_eq!(widget.status(), StatusCode::OK);
    let csp = widget.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.ends_with(&format!("frame-ancestors 'self' {HOST}")), "{csp}");
    let csp = other_page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.ends_with("frame-ancestors 'self'"), "{csp}");
    let unknown = app.get("/embed/nope").await;
    assert!(unknown.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .ends_with("frame-ancestors 'self'"));
    // The widget's configuration, for its host only.
    let config: Value = app
        .get(&format!("/api/v1/embed/general?host={HOST}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(config["theme"]["accent"], "#ff6600");
    assert_eq!(config["origin"], HOST);
    assert_error(
        app.get("/api/v1/embed/general?host=https://evil.example").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // Deleting the site takes its origin off the list.
    let gone = admin
        .delete(app.url(&format!("/api/v1/admin/sites/{}", created["id"])))
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status(), StatusCode::NO_CONTENT);
    let csp = app.get("/embed/general").await.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.ends_with("frame-ancestors 'self'"), "{csp}");
}

#[tokio::test]
async fn the_loader_is_small_plain_javascript() {
    let app = spawn_app().await;

    let res = app.get("/embed.js").await;

    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    let body = res.text().await.unwrap();
    assert!(body.contains("postMessage") && body.contains("e.origin !== origin"));
}

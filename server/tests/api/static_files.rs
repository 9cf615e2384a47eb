use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn client_routes_fall_back_to_the_web_app() {
    let app = spawn_app().await;
    for path in ["/", "/ideas/12", "/login", "/no/such/page"] {
        let res = app.get(path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert!(
            res.text().await.unwrap().contains("Schwarm test shell"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn health_answers_json() {
    let app = spawn_app().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], "ok");
}

#[tokio::test]
async fn responses_carry_the_basic_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/api/v1/ideas"] {
        let res = app.get(path).await;
        let h = res.headers();
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(
            h["referrer-policy"], "strict-origin-when-cross-origin",
            "{path}"
        );
        assert!(
            h["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'self'"),
            "{path}"
        );
    }
}

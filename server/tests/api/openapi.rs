use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::Value;

/// Every route of the API, as the routers declare them.
const OPERATIONS: &[(&str, &str)] = &[
    ("post", "/api/v1/auth/register"),
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/auth/token"),
    ("post", "/api/v1/auth/sso"),
    ("get", "/api/v1/admin/sites"),
    ("post", "/api/v1/admin/sites"),
    ("put", "/api/v1/admin/sites/{id}"),
    ("delete", "/api/v1/admin/sites/{id}"),
    ("post", "/api/v1/admin/sites/{id}/secret"),
    ("get", "/api/v1/embed/{board}"),
    ("post", "/api/v1/auth/logout"),
    ("get", "/api/v1/me"),
    ("patch", "/api/v1/me"),
    ("delete", "/api/v1/me"),
    ("post", "/api/v1/me/password"),
    ("get", "/api/v1/me/ideas"),
    ("get", "/api/v1/me/votes"),
    ("get", "/api/v1/me/comments"),
    ("get", "/api/v1/me/export"),
    ("get", "/api/v1/me/email"),
    ("put", "/api/v1/me/email"),
    ("post", "/api/v1/email/unsubscribe"),
    ("get", "/api/v1/boards"),
    ("get", "/api/v1/boards/{slug}"),
    ("get", "/api/v1/ideas"),
    ("post", "/api/v1/ideas"),
    ("get", "/api/v1/ideas/similar"),
    ("get", "/api/v1/ideas/{id}"),
    ("patch", "/api/v1/ideas/{id}"),
    ("delete", "/api/v1/ideas/{id}"),
    ("get", "/api/v1/ideas/{id}/voters"),
    ("put", "/api/v1/ideas/{id}/vote"),
    ("delete", "/api/v1/ideas/{id}/vote"),
    ("put", "/api/v1/ideas/{id}/status"),
    ("put", "/api/v1/ideas/{id}/follow"),
    ("delete", "/api/v1/ideas/{id}/follow"),
    ("get", "/api/v1/ideas/{id}/comments"),
    ("post", "/api/v1/ideas/{id}/comments"),
    ("patch", "/api/v1/comments/{id}"),
    ("delete", "/api/v1/comments/{id}"),
    ("get", "/api/v1/notifications"),
    ("get", "/api/v1/notifications/unread"),
    ("post", "/api/v1/notifications/read"),
    ("get", "/api/v1/events"),
    ("get", "/api/v1/statuses"),
    ("post", "/api/v1/admin/statuses"),
    ("put", "/api/v1/admin/statuses/{key}"),
    ("put", "/api/v1/admin/status-order"),
    ("get", "/api/v1/admin/users"),
    ("put", "/api/v1/admin/users/{id}/role"),
    ("get", "/api/v1/triage/ideas"),
    ("get", "/api/v1/ideas/{id}/triage"),
    ("post", "/api/v1/ideas/{id}/merge"),
    ("delete", "/api/v1/ideas/{id}/merge"),
    ("put", "/api/v1/ideas/{id}/priority"),
    ("put", "/api/v1/ideas/{id}/tags"),
    ("put", "/api/v1/ideas/{id}/moderation"),
    ("put", "/api/v1/comments/{id}/moderation"),
    ("put", "/api/v1/users/{id}/block"),
    ("put", "/api/v1/admin/boards/{slug}"),
    ("get", "/api/v1/export.csv"),
    ("get", "/api/v1/export.json"),
    ("get", "/api/v1/admin/webhooks"),
    ("post", "/api/v1/admin/webhooks"),
    ("delete", "/api/v1/admin/webhooks/{id}"),
    ("get", "/api/v1/admin/webhooks/{id}/deliveries"),
    ("get", "/api/v1/roadmap"),
    ("get", "/api/v1/changelog"),
    ("post", "/api/v1/changelog"),
    ("put", "/api/v1/changelog/{id}"),
    ("delete", "/api/v1/changelog/{id}"),
    ("get", "/api/v1/triage/changelog"),
    ("get", "/api/v1/triage/trends"),
    ("get", "/healthz"),
];

#[tokio::test]
async fn the_openapi_document_describes_every_route_and_error() {
    let app = spawn_app().await;

    let res = app.get("/api/v1/openapi.json").await;

    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/json");
    let doc: Value = res.json().await.unwrap();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    let mut documented = 0;
    for (method, path) in OPERATIONS {
        let op = &doc["paths"][path][method];
        assert!(op.is_object(), "{method} {path} is documented");
        let responses = op["responses"].as_object().unwrap();
        for (status, response) in responses.iter().filter(|(s, _)| s.starts_with('4')) {
            assert_eq!(
                response["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/ErrorBody",
                "{method} {path} {status}"
            );
        }
        assert!(responses.contains_key("422"), "{method} {path}");
        documented += 1;
    }
    let total: usize = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .map(|item| item.as_object().unwrap().len())
        .sum();
    assert_eq!(total, documented, "nothing documented that is not routed");
    let error = &doc["components"]["schemas"]["ErrorDetail"]["properties"];
    assert!(error["code"].is_object() && error["message"].is_object() && error["fields"].is_object());
    let security = doc["components"]["securitySchemes"].as_object().unwrap();
    assert!(security.contains_key("session") && security.contains_key("bearer"));
}

#[tokio::test]
async fn the_docs_page_lists_the_operations() {
    let app = spawn_app().await;

    let res = app.get("/api/docs").await;

    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let page = res.text().await.unwrap();
    assert!(page.contains("<code>POST /api/v1/ideas</code>"), "{page}");
    assert!(page.contains("/api/v1/openapi.json"));
    assert!(!page.contains("<script"), "no script: the CSP allows none inline");
}

//! The API's own description: `GET /api/v1/openapi.json` (OpenAPI 3.1) and
//! a readable page of it at `GET /api/docs`.
//!
//! The page is rendered here from the same document rather than by Swagger
//! UI or Redoc: those load their scripts from a CDN or download them at
//! build time, which the strict CSP (and an offline build) rule out.

use crate::openapi;
use crate::state::AppState;
use axum::http::header::CONTENT_TYPE;
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use axum::Router;
use std::fmt::Write;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::RefOr;

/// Under `/api/v1`.
pub fn router() -> Router<AppState> {
    Router::new().route("/openapi.json", get(spec))
}

/// Under `/api`.
pub fn page_router() -> Router<AppState> {
    Router::new().route("/docs", get(page))
}

async fn spec() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], openapi::json())
}

async fn page() -> Html<&'static str> {
    static PAGE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    Html(PAGE.get_or_init(render))
}

fn render() -> String {
    let doc = openapi::document();
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Schwarm API</title></head><body><main>",
    );
    let _ = write!(
        html,
        "<h1>{} {}</h1><p>{}</p><p><a href=\"/api/v1/openapi.json\">OpenAPI 3.1 document (JSON)</a></p>",
        escape(&doc.info.title),
        escape(&doc.info.version),
        escape(doc.info.description.as_deref().unwrap_or_default()),
    );
    for (path, item) in &doc.paths.paths {
        let operations = [
            ("GET", &item.get),
            ("PUT", &item.put),
            ("POST", &item.post),
            ("PATCH", &item.patch),
            ("DELETE", &item.delete),
        ];
        for (method, operation) in operations {
            if let Some(operation) = operation {
                operation_html(&mut html, method, path, operation);
            }
        }
    }
    html.push_str("</main></body></html>");
    html
}

fn operation_html(html: &mut String, method: &str, path: &str, op: &Operation) {
    let id = op.operation_id.as_deref().unwrap_or_default();
    let _ = write!(
        html,
        "<section id=\"{}\"><h2><code>{method} {}</code></h2>",
        escape(id),
        escape(path)
    );
    if let Some(text) = op.description.as_deref().or(op.summary.as_deref()) {
        let _ = write!(html, "<p>{}</p>", escape(text));
    }
    let signed_in = op.security.as_ref().is_some_and(|s| !s.is_empty());
    if signed_in {
        html.push_str("<p>Authentication: session cookie or <code>Authorization: Bearer</code>.</p>");
    }
    let params = op.parameters.as_deref().unwrap_or_default();
    if !params.is_empty() {
        html.push_str("<h3>Parameters</h3><ul>");
        for p in params {
            let place = match p.parameter_in {
                ParameterIn::Path => "path",
                ParameterIn::Query => "query",
                ParameterIn::Header => "header",
                ParameterIn::Cookie => "cookie",
            };
            let _ = write!(
                html,
                "<li><code>{}</code> ({place}){}</li>",
                escape(&p.name),
                p.description
                    .as_deref()
                    .map(|d| format!(": {}", escape(d)))
                    .unwrap_or_default()
            );
        }
        html.push_str("</ul>");
    }
    if let Some(body) = &op.request_body {
        let schemas: Vec<String> = body
            .content
            .values()
            .filter_map(|c| c.schema.as_ref())
            .map(schema_name)
            .collect();
        let _ = write!(
            html,
            "<h3>Request body</h3><p><code>{}</code></p>",
            escape(&schemas.join(", "))
        );
    }
    html.push_str("<h3>Responses</h3><ul>");
    for (status, response) in &op.responses.responses {
        let text = match response {
            RefOr::T(r) => r.description.clone(),
            RefOr::Ref(r) => r.ref_location.clone(),
        };
        let _ = write!(html, "<li><code>{}</code> {}</li>", escape(status), escape(&text));
    }
    html.push_str("</ul></section>");
}

fn schema_name(schema: &RefOr<utoipa::openapi::schema::Schema>) -> String {
    match schema {
        RefOr::Ref(r) => r.ref_location.rsplit('/').next().unwrap_or_default().to_owned(),
        RefOr::T(_) => "inline schema".to_owned(),
    }
}

/// Text into HTML. (Five characters; not worth a crate.)
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

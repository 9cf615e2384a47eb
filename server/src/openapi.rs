//! The OpenAPI 3.1 document of the API, generated from the handlers'
//! annotations (utoipa), served at `/api/v1/openapi.json`, and a readable
//! page of it at `/api/docs`.

use crate::routes;
use crate::service;
use schwarm_wire::ErrorBody;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi as Document, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Schwarm API",
        description = "The open-innovation idea board. Every error is `{\"error\": {\"code\", \"message\", \"fields\"}}`."
    ),
    components(schemas(ErrorBody, schwarm_wire::Sort, service::profile::Export))
)]
struct ApiDoc;

/// The whole document: each route module's paths, then the conventions.
pub fn document() -> Document {
    let mut doc = ApiDoc::openapi();
    for part in routes::documented() {
        doc.merge(part);
    }
    Conventions.modify(&mut doc);
    doc
}

/// What holds for every operation, added once here instead of on each:
/// the two ways to authenticate, and the error answers.
struct Conventions;

impl Modify for Conventions {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::extract::SESSION_COOKIE,
                "The session cookie set by register and login (HttpOnly, SameSite=Lax)",
            ))),
        );
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("The same session token, for clients without cookies"))
                    .build(),
            ),
        );
        for item in doc.paths.paths.values_mut() {
            let operations = [
                (&mut item.get, false),
                (&mut item.put, true),
                (&mut item.post, true),
                (&mut item.delete, true),
                (&mut item.patch, true),
            ];
            for (operation, changes_state) in operations {
                if let Some(operation) = operation.as_mut() {
                    add_error_responses(operation, changes_state);
                }
            }
        }
    }
}

fn add_error_responses(operation: &mut Operation, changes_state: bool) {
    let signed_in = operation
        .security
        .as_ref()
        .is_some_and(|s| !s.is_empty() && !s.iter().any(|r| r == &Default::default()));
    let mut errors = vec![
        ("400", "Malformed: not JSON, a wrong type, or a bad path or query value"),
        ("404", "No such resource"),
        ("422", "Invalid fields, each named in `fields`"),
        ("429", "Too many attempts; `Retry-After` says when to try again"),
    ];
    if signed_in {
        errors.push(("401", "Not signed in, or the session ended"));
    }
    if signed_in || changes_state {
        errors.push((
            "403",
            "Not allowed: not yours, not a product manager, or another origin",
        ));
    }
    if changes_state {
        errors.push(("409", "Conflict: e.g. the email is taken or the idea is locked"));
        errors.push(("413", "The body is larger than 64 KiB"));
        errors.push(("415", "The body is not `application/json`"));
    }
    for (status, description) in errors {
        operation
            .responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| {
                RefOr::T(
                    ResponseBuilder::new()
                        .description(description)
                        .content(
                            "application/json",
                            ContentBuilder::new()
                                .schema(Some(Ref::from_schema_name("ErrorBody")))
                                .build(),
                        )
                        .build(),
                )
            });
    }
}

/// The document as JSON (built once: it never changes while running).
pub fn json() -> &'static str {
    static JSON: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    JSON.get_or_init(|| document().to_json().expect("the document serialises"))
}

//! The built web app: precompressed files, long caching for hashed assets,
//! and `index.html` for every path the client router owns.
//!
//! Three bundles: the board for visitors (`dist/index.html`, the first
//! load); the whole customer app (`dist/more/index.html`), which answers
//! every other customer page's path ([`MORE_PAGES`], `/unsubscribe`) and
//! every path at all for a member ([`entry_page`]); and the product
//! managers' app (`dist/pm/index.html`, the customer app plus the PM area),
//! which answers every path under `/pm` and `/admin`.

use crate::extract::session_cookie;
use axum::body::Bytes;
use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, VARY};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::convert::Infallible;
use std::path::Path;
use tower::{service_fn, Service, ServiceExt};
use tower_http::services::fs::ServeFileSystemResponseBody;
use tower_http::services::{ServeDir, ServeFile};

/// Serves `dist`, preferring the `.br`/`.gz` siblings that `make web` writes,
/// so the wasm goes out compressed at no CPU cost per request.
pub fn router<S: Clone + Send + Sync + 'static>(dist: &Path) -> Router<S> {
    let index = entry_page(index_page(dist), more_page(dist));
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index.clone());
    let pm_dist = dist.join("pm");
    let pm_files = ServeDir::new(&pm_dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index_page(&pm_dist));
    let more_index = more_page(dist);
    let more_files = ServeDir::new(dist.join("more"))
        .precompressed_br()
        .precompressed_gzip()
        .fallback(more_index.clone());
    let more_pages = MORE_PAGES.iter().fold(Router::new(), |router, page| {
        router.route_service(page, more_index.clone())
    });
    let boot = more_boot(dist);
    Router::new()
        .route("/more/boot.js", get(move || async move { boot_script(boot) }))
        .nest_service("/more", more_files)
        .merge(more_pages)
        // Not `dist/index.html` as a directory's index: the page depends on
        // who asks.
        .route_service("/", index)
        .nest_service("/pm", pm_files)
        .route_service("/admin", index_page(&pm_dist))
        .route_service("/admin/{*rest}", index_page(&pm_dist))
        .fallback_service(files)
        .layer(middleware::from_fn(cache_control))
}

/// The pages only the `more` bundle holds (the web app's
/// `pages::load_in_full` says why); the board's links to them load them
/// from here. (`/unsubscribe` is one too, answered by `routes::email`,
/// which also takes its one-click POST.) The embeddable widget is all of
/// `/embed/…`: it must reach its idea pages and sign-in without a reload.
pub const MORE_PAGES: [&str; 8] = [
    "/ideas/{*id}",
    "/login",
    "/register",
    "/account",
    "/notifications",
    "/roadmap",
    "/changelog",
    "/embed/{*rest}",
];

/// The board's page for a visitor, the `more` bundle's for a member.
///
/// The board's bundle is the first load, so it holds only what a visitor
/// sees (the web app's `pages::load_in_full`): a member's form, votes and
/// bell are in the `more` bundle. A request with a session cookie is a
/// member's (or was: a stale cookie only costs the bigger bundle, which
/// serves visitors as well), so it gets the `more` bundle at once rather
/// than the board's, which would hand it over. `Vary: Cookie` (added in
/// [`cache_control`]) keeps a browser from revalidating one page against
/// the other.
fn entry_page(
    visitors: ServeFile,
    members: ServeFile,
) -> impl Service<Request, Response = Response<ServeFileSystemResponseBody>, Error = Infallible, Future: Send>
       + Clone
       + Send
       + Sync
       + 'static {
    service_fn(move |req: Request| {
        let page = match has_session(&req) {
            true => members.clone(),
            false => visitors.clone(),
        };
        page.oneshot(req)
    })
}

fn has_session(req: &Request) -> bool {
    session_cookie(req.headers()).is_some_and(|token| !token.is_empty())
}

/// The `more` bundle's `index.html`; the customer app's where that bundle
/// was not built (its pages then say they are not found, see
/// `pages::load_in_full`).
pub fn more_page(dist: &Path) -> ServeFile {
    let more = dist.join("more");
    match more.join("index.html").is_file() {
        true => index_page(&more),
        false => index_page(dist),
    }
}

/// The `more` bundle's boot script, the module script Trunk wrote into its
/// `index.html`: the board's bundle imports it to hand over to the `more`
/// bundle in the same document (the web app's `hand_over`). Read once, at
/// start, as the policy's script hashes are.
fn more_boot(dist: &Path) -> Option<Bytes> {
    let html = std::fs::read_to_string(dist.join("more").join("index.html")).ok()?;
    let mut scripts = crate::csp::inline_scripts(&html);
    scripts
        .find(|body| body.contains("await init("))
        .map(|body| Bytes::from(body.to_owned()))
}

fn boot_script(boot: Option<Bytes>) -> Response {
    match boot {
        Some(script) => ([(CONTENT_TYPE, "text/javascript; charset=utf-8")], script).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `index.html`, for the paths the client router owns.
pub fn index_page(dist: &Path) -> ServeFile {
    ServeFile::new(dist.join("index.html"))
        .precompressed_br()
        .precompressed_gzip()
}

/// Trunk names assets by a hash of their content, so they may be cached
/// forever; everything else (index.html above all) is revalidated, so a new
/// release reaches browsers at once.
async fn cache_control(req: Request, next: Next) -> Response {
    let hashed = is_hashed_asset(req.uri().path());
    let mut res = next.run(req).await;
    let value = if hashed && res.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    res.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static(value));
    if !hashed {
        // A page's bundle depends on the session cookie (`entry_page`).
        res.headers_mut().insert(VARY, HeaderValue::from_static("cookie"));
    }
    res
}

/// `name-<16 hex digits>[_bg].ext`, as Trunk writes them.
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let stem = file.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn recognises_trunk_hashed_names() {
        for hashed in [
            "/schwarm-web-5c1a8e98baddeab6_bg.wasm",
            "/schwarm-web-5c1a8e98baddeab6.js",
            "/main-49d7156337b048c6.css",
        ] {
            assert!(super::is_hashed_asset(hashed), "{hashed}");
        }
        for plain in ["/", "/index.html", "/ideas/12", "/favicon.ico", "/a-b.js"] {
            assert!(!super::is_hashed_asset(plain), "{plain}");
        }
    }
}

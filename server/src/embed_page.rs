//! What makes `/embed/{board}` embeddable: its pages may be framed by the
//! origins of the sites registered for that board (and nothing else may be
//! framed at all), and `/embed.js`, the loader a host page includes.

use crate::csp;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The loader: plain JavaScript, no framework (kept under 3 KB gzip; a test
/// measures it).
const LOADER: &str = include_str!("../assets/embed.js");

pub async fn loader() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            // Not content-hashed: host pages always load `/embed.js`.
            (CACHE_CONTROL, "public, max-age=300"),
        ],
        LOADER,
    )
}

/// Middleware on the web app's pages: under `/embed/{board}/…` the policy's
/// `frame-ancestors` names the board's sites.
pub async fn frame_ancestors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let board = req
        .uri()
        .path()
        .strip_prefix("/embed/")
        .and_then(|rest| rest.split('/').next())
        .filter(|slug| !slug.is_empty())
        .map(str::to_owned);
    let mut res = next.run(req).await;
    if let Some(board) = board {
        let origins = match state.store.board_origins(&board).await {
            Ok(origins) => origins,
            Err(error) => {
                // Unknown ancestors: the page stays unframeable.
                tracing::error!(%error, "could not read the board's embedding sites");
                Vec::new()
            }
        };
        let policy = csp::with_frame_ancestors(&state.csp, &origins);
        if let Ok(value) = HeaderValue::from_str(&policy) {
            res.headers_mut().insert(CONTENT_SECURITY_POLICY, value);
        }
    }
    res
}

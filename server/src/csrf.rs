//! Cross-site request forgery guard for cookie sessions.
//!
//! Browsers attach `Origin` to every cross-origin request and to every
//! non-GET request, so a state change whose `Origin` (or, failing that,
//! `Referer`) names another site is refused. Requests with neither header do
//! not come from a browser form or fetch (curl, server-to-server) and carry no
//! ambient cookie risk. Bearer-token requests are exempt: no cookie is sent
//! automatically, so nothing can be forged. JSON-only bodies (our `Json`
//! extractor) close the remaining gap of simple cross-site form posts.

use crate::error::Error;
use axum::extract::Request;
use axum::http::header::{AUTHORIZATION, HOST, ORIGIN, REFERER};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn same_origin_only(req: Request, next: Next) -> Response {
    if is_safe(req.method()) || req.headers().contains_key(AUTHORIZATION) || same_origin(req.headers()) {
        next.run(req).await
    } else {
        Error::CsrfOrigin.into_response()
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn same_origin(headers: &HeaderMap) -> bool {
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    let Some(host) = header(HOST) else {
        return false;
    };
    let claimed = match (header(ORIGIN), header(REFERER)) {
        (Some(origin), _) => origin,
        (None, Some(referer)) => referer,
        (None, None) => return true,
    };
    // `scheme://host[:port]` followed by nothing or a path.
    let rest = claimed
        .strip_prefix("http://")
        .or_else(|| claimed.strip_prefix("https://"));
    match rest {
        Some(rest) => {
            let authority = rest.split('/').next().unwrap_or_default();
            authority.eq_ignore_ascii_case(host)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn only_the_own_origin_passes() {
        let host = ("host", "board.example:8080");
        assert!(same_origin(&headers(&[host, ("origin", "http://board.example:8080")])));
        assert!(same_origin(&headers(&[
            host,
            ("referer", "https://board.example:8080/ideas/1")
        ])));
        assert!(same_origin(&headers(&[host])), "no browser headers: not a browser");
        assert!(!same_origin(&headers(&[host, ("origin", "http://evil.example")])));
        assert!(!same_origin(&headers(&[host, ("origin", "null")])));
        assert!(!same_origin(&headers(&[
            host,
            ("origin", "http://board.example:8080.evil.example")
        ])));
        assert!(!same_origin(&headers(&[
            host,
            ("referer", "http://evil.example/board.example:8080")
        ])));
    }
}

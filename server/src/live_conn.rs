//! Event streams served straight on their TCP connection, without hyper.
//!
//! Why by hand: a subscriber holds its connection for hours and only
//! receives. Through hyper each such connection keeps an 8 KB read buffer
//! and an 8 KB header buffer (`INIT_BUFFER_SIZE`, which hyper does not let a
//! server change), and at 10,000 subscribers those buffers were most of the
//! server's memory (bench/RESULTS.md). Here the request head is only peeked
//! at, then read into a buffer that is freed before the stream starts, and
//! the response is delimited by closing the connection, so nothing outlives
//! the request but the socket, the subscription and its filter.
//!
//! Only plain requests are served here (`sniff`): a `GET /api/v1/events`
//! whose query parses, without a body or an upgrade, with a head under 8 KB.
//! Every other connection, malformed requests included, goes to the router
//! untouched, so its answers are the API's usual ones.

use crate::app::{HSTS, NOSNIFF, REFERRER_POLICY};
use crate::error::Error;
use crate::routes::events::{self, Params};
use crate::state::AppState;
use axum::response::IntoResponse;
use bytes::Bytes;
use futures_util::StreamExt;
use httparse::Status;
use std::io::ErrorKind;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::watch;

const TARGET: &str = "/api/v1/events";
const PREFIX: &[u8] = b"GET /api/v1/events";
/// A larger head (many cookies, say) goes to the router.
const HEAD_MAX: usize = 8 * 1024;
/// A head that arrives in pieces is peeked at again after this pause, at
/// most `PEEKS` times, then left to the router.
const PEEK_PAUSE: Duration = Duration::from_millis(5);
const PEEKS: u32 = 200;

/// What the server needs to serve streams itself.
pub struct LiveConns {
    state: AppState,
    /// The response head, the same for every stream: the API's security
    /// headers (see `app::router`) and no framing (`Connection: close`).
    head: Bytes,
    /// The response headers every answer here carries.
    common: String,
    /// Becomes true when the server shuts down: every stream then ends.
    stopping: watch::Receiver<bool>,
}

impl LiveConns {
    pub fn new(state: AppState, stopping: watch::Receiver<bool>) -> LiveConns {
        let mut common = format!(
            "x-content-type-options: {NOSNIFF}\r\nreferrer-policy: {REFERRER_POLICY}\r\ncontent-security-policy: {}\r\n",
            state.csp
        );
        if state.sessions.secure_cookies {
            common.push_str(&format!("strict-transport-security: {HSTS}\r\n"));
        }
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\n\
             connection: close\r\n{common}\r\n"
        );
        LiveConns {
            state,
            head: Bytes::from(head),
            common,
            stopping,
        }
    }

    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.stopping.clone()
    }

    /// Serves the stream `head` asked for, until the client leaves, the
    /// client falls too far behind or the server stops.
    pub async fn serve(&self, mut tcp: TcpStream, head: Head) {
        let _ = tcp.set_nodelay(true);
        // Consume the head the router will never see; its buffer goes now.
        if tcp.read_exact(&mut vec![0; head.len]).await.is_err() {
            return;
        }
        let frames = match events::open(&self.state, head.params, head.last_seen).await {
            Ok(frames) => frames,
            Err(error) => return self.answer(&mut tcp, error).await,
        };
        if tcp.write_all(&self.head).await.is_err() {
            return;
        }
        let mut frames = std::pin::pin!(frames);
        let mut stopping = self.stopping.clone();
        // Made once and polled on, not made again for every frame: each
        // waits in a list behind a lock, and with thousands of streams a
        // frame's fan-out took those locks twice per stream.
        let mut stop = std::pin::pin!(stopping.changed());
        // Noticing a closed connection at once, not at the next write, frees
        // the subscription when a page is left.
        let mut closed = std::pin::pin!(closed(&tcp));
        loop {
            tokio::select! {
                frame = frames.next() => match frame {
                    Some(frame) if write(&tcp, &frame).await.is_ok() => {}
                    _ => return,
                },
                () = &mut closed => return,
                _ = &mut stop => return,
            }
        }
    }

    /// An error as the router would have answered it (`Error`'s JSON).
    async fn answer(&self, tcp: &mut TcpStream, error: Error) {
        let (parts, body) = error.into_response().into_parts();
        let Ok(body) = axum::body::to_bytes(body, 64 * 1024).await else {
            return;
        };
        let head = format!(
            "HTTP/1.1 {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n{}\r\n",
            parts.status,
            body.len(),
            self.common
        );
        let _ = tcp.write_all(head.as_bytes()).await;
        let _ = tcp.write_all(&body).await;
    }
}

/// Writes all of `bytes`, through a shared reference (so the wait for the
/// connection's end can hold one meanwhile): one `write` unless the
/// socket's buffer is full.
async fn write(tcp: &TcpStream, mut bytes: &[u8]) -> std::io::Result<()> {
    while !bytes.is_empty() {
        match tcp.try_write(bytes) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == ErrorKind::WouldBlock => tcp.writable().await?,
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Done once the client has closed or broken the connection.
async fn closed(tcp: &TcpStream) {
    while tcp.readable().await.is_ok() && still_open(tcp) {}
}

/// Reads and drops what a client sends after its request (it has no reason
/// to); false once the connection is closed or broken.
fn still_open(tcp: &TcpStream) -> bool {
    let mut scrap = [0u8; 64];
    match tcp.try_read(&mut scrap) {
        Ok(0) => false,
        Ok(_) => true,
        Err(e) => e.kind() == ErrorKind::WouldBlock,
    }
}

/// A plain event-stream request: what it asks for and its length in bytes.
pub struct Head {
    params: Params,
    last_seen: Option<i64>,
    len: usize,
}

/// Peeks at the start of a new connection without consuming anything:
/// `Some` when it opens an event stream this module serves.
pub async fn sniff(tcp: &TcpStream) -> Option<Head> {
    let mut start = [0u8; PREFIX.len() + 1];
    let mut peeks = 0;
    loop {
        let n = tcp.peek(&mut start).await.ok()?;
        let seen = n.min(PREFIX.len());
        if n == 0 || start[..seen] != PREFIX[..seen] {
            return None;
        }
        if n == start.len() {
            break;
        }
        peeks += 1;
        if peeks > PEEKS {
            return None;
        }
        tokio::time::sleep(PEEK_PAUSE).await;
    }
    if !matches!(start[PREFIX.len()], b' ' | b'?') {
        return None;
    }
    let mut buf = vec![0u8; HEAD_MAX];
    for _ in 0..PEEKS {
        let n = tcp.peek(&mut buf).await.ok()?;
        match parse(&buf[..n]) {
            Parsed::Ours(head) => return Some(head),
            Parsed::Partial if n < HEAD_MAX => tokio::time::sleep(PEEK_PAUSE).await,
            _ => return None,
        }
    }
    None
}

enum Parsed {
    Ours(Head),
    Partial,
    NotOurs,
}

fn parse(bytes: &[u8]) -> Parsed {
    let mut headers = [httparse::EMPTY_HEADER; 32];
    let mut request = httparse::Request::new(&mut headers);
    let len = match request.parse(bytes) {
        Ok(Status::Complete(len)) => len,
        Ok(Status::Partial) => return Parsed::Partial,
        Err(_) => return Parsed::NotOurs,
    };
    let (Some("GET"), Some(target)) = (request.method, request.path) else {
        return Parsed::NotOurs;
    };
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    // The router's `Query` answers a NUL with its own 400.
    if path != TARGET || query.contains("%00") {
        return Parsed::NotOurs;
    }
    let Ok(uri) = target.parse::<axum::http::Uri>() else {
        return Parsed::NotOurs;
    };
    let Ok(axum::extract::Query(params)) = axum::extract::Query::<Params>::try_from_uri(&uri) else {
        return Parsed::NotOurs;
    };
    let mut last_seen = None;
    for header in request.headers.iter() {
        let name = header.name;
        let framed = ["content-length", "transfer-encoding", "upgrade", "expect"];
        if framed.iter().any(|f| name.eq_ignore_ascii_case(f)) {
            return Parsed::NotOurs;
        }
        if name.eq_ignore_ascii_case("last-event-id") {
            last_seen = events::last_seen(Some(header.value));
        }
    }
    Parsed::Ours(Head { params, last_seen, len })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(request: &str) -> Option<(Option<i64>, usize)> {
        match parse(request.as_bytes()) {
            Parsed::Ours(head) => Some((head.last_seen, head.len)),
            _ => None,
        }
    }

    #[test]
    fn a_plain_stream_request_is_served_here() {
        let request = "GET /api/v1/events?idea=7 HTTP/1.1\r\nHost: x\r\nLast-Event-ID: 42\r\n\r\n";
        assert_eq!(ours(request), Some((Some(42), request.len())));
        let bare = "GET /api/v1/events HTTP/1.1\r\n\r\n";
        assert_eq!(ours(bare), Some((None, bare.len())));
    }

    #[test]
    fn anything_else_goes_to_the_router() {
        for request in [
            "GET /api/v1/events?idea=abc HTTP/1.1\r\n\r\n",
            "GET /api/v1/events?board=a%00 HTTP/1.1\r\n\r\n",
            "GET /api/v1/eventsx HTTP/1.1\r\n\r\n",
            "GET /api/v1/events/1 HTTP/1.1\r\n\r\n",
            "HEAD /api/v1/events HTTP/1.1\r\n\r\n",
            "GET /api/v1/events HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc",
            "GET /api/v1/events HTTP/1.1\r\nUpgrade: h2c\r\n\r\n",
            "GET /api/v1/events HTTP/1.1\r\nBad Header\r\n\r\n",
        ] {
            assert!(ours(request).is_none(), "{request}");
        }
        assert!(matches!(
            parse(b"GET /api/v1/events HTTP/1.1\r\nHost:"),
            Parsed::Partial
        ));
    }
}

//! The subscribers of `make bench`'s live fan-out (`bench/sse.mjs`): N raw
//! event streams on one idea, then votes one after another; prints when
//! each vote reached each stream.
//!
//! Why not in Node like the rest of the harness: the subscribers share the
//! machine's two cores with the server, and Node spent about as much CPU
//! reading its 10,000 sockets as the server spent writing them (`perf -a`
//! during the votes: node 33%, the server 37% of both cores). The delivery
//! times measured the client's event loop as much as the server. Here one
//! thread reads every stream (tokio, one small task each), so the client
//! stays a small part of what is measured, as wrk does for the API load.
//!
//! Usage: `fanout <host:port> <idea> <subscribers> <bearer token> <server pid> <votes>`.
//! Prints one JSON object: the server's RSS (MB) before the first
//! subscriber and once all are connected, and per vote each subscriber's
//! delivery time in ms, from just before the vote was sent.

use memchr::memmem;
use std::cell::{Cell, RefCell};
use std::io;
use std::rc::Rc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::task::{spawn_local, LocalSet};

/// What a new vote's event holds.
const VOTE: &[u8] = br#""kind":"vote.cast""#;
/// Subscribers connected at a time (the server's accept backlog).
const CONNECT_BATCH: usize = 250;
/// The longest a vote is waited for at every subscriber.
const DEADLINE: Duration = Duration::from_secs(10);

struct Args {
    addr: String,
    idea: i64,
    subscribers: usize,
    token: String,
    pid: u32,
    votes: usize,
}

/// The vote under way: when it was sent, and when it arrived where.
struct Clock {
    sent: Cell<Instant>,
    arrivals: RefCell<Vec<f64>>,
}

fn main() -> io::Result<()> {
    let args = parse(std::env::args().skip(1).collect())
        .ok_or_else(|| invalid("usage: fanout <host:port> <idea> <subscribers> <token> <server pid> <votes>"))?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    LocalSet::new().block_on(&runtime, run(args))
}

fn parse(args: Vec<String>) -> Option<Args> {
    let [addr, idea, subscribers, token, pid, votes] = <[String; 6]>::try_from(args).ok()?;
    Some(Args {
        addr,
        idea: idea.parse().ok()?,
        subscribers: subscribers.parse().ok()?,
        token,
        pid: pid.parse().ok()?,
        votes: votes.parse().ok()?,
    })
}

async fn run(args: Args) -> io::Result<()> {
    let before = rss_mb(args.pid)?;
    let clock = Rc::new(Clock {
        sent: Cell::new(Instant::now()),
        arrivals: RefCell::new(Vec::with_capacity(args.subscribers)),
    });
    let mut connected = 0;
    while connected < args.subscribers {
        let batch = CONNECT_BATCH.min(args.subscribers - connected);
        let pending: Vec<_> = (0..batch)
            .map(|_| spawn_local(subscribe(args.addr.clone(), args.idea)))
            .collect();
        for stream in pending {
            let (tcp, rest) = stream.await.map_err(io::Error::other)??;
            spawn_local(listen(tcp, rest, clock.clone()));
        }
        connected += batch;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let after = rss_mb(args.pid)?;
    let mut rounds = Vec::new();
    for _ in 0..args.votes {
        // Withdrawn first, so that the vote below is a new one for sure.
        vote(&args, "DELETE").await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        clock.arrivals.borrow_mut().clear();
        clock.sent.set(Instant::now());
        vote(&args, "PUT").await?;
        let deadline = Instant::now() + DEADLINE;
        while clock.arrivals.borrow().len() < args.subscribers && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        rounds.push(clock.arrivals.borrow().clone());
    }
    let out = serde_json::json!({ "rss_before_mb": before, "rss_after_mb": after, "rounds": rounds });
    println!("{out}");
    Ok(())
}

/// Opens one event stream; returns it and what came after its head.
async fn subscribe(addr: String, idea: i64) -> io::Result<(TcpStream, Vec<u8>)> {
    let mut tcp = TcpStream::connect(&addr).await?;
    let request =
        format!("GET /api/v1/events?idea={idea} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n");
    tcp.write_all(request.as_bytes()).await?;
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    loop {
        let n = tcp.read(&mut buf).await?;
        if n == 0 {
            return Err(invalid("the server closed the stream before its head"));
        }
        head.extend_from_slice(&buf[..n]);
        if let Some(end) = memmem::find(&head, b"\r\n\r\n") {
            let text = String::from_utf8_lossy(&head[..end]).to_ascii_lowercase();
            if !text.starts_with("http/1.1 200 ") || !text.contains("\r\ncontent-type: text/event-stream") {
                return Err(invalid(&format!("not an event stream: {text}")));
            }
            return Ok((tcp, head[end + 4..].to_vec()));
        }
    }
}

/// Reads one stream until it closes, noting when each vote arrives. A
/// pattern split between two reads is still found: the end of each read
/// that could begin it is kept for the next.
async fn listen(mut tcp: TcpStream, rest: Vec<u8>, clock: Rc<Clock>) {
    let mut buf = vec![0u8; 2048];
    let mut kept = rest.len().min(VOTE.len() - 1);
    buf[..kept].copy_from_slice(&rest[rest.len() - kept..]);
    loop {
        let n = match tcp.read(&mut buf[kept..]).await {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        let filled = kept + n;
        if memmem::find(&buf[..filled], VOTE).is_some() {
            let ms = clock.sent.get().elapsed().as_secs_f64() * 1000.0;
            clock.arrivals.borrow_mut().push(ms);
            kept = 0;
        } else {
            kept = filled.min(VOTE.len() - 1);
            buf.copy_within(filled - kept..filled, 0);
        }
    }
}

/// Casts (`PUT`) or withdraws (`DELETE`) the vote, on a connection of its own.
async fn vote(args: &Args, method: &str) -> io::Result<()> {
    let mut tcp = TcpStream::connect(&args.addr).await?;
    tcp.set_nodelay(true)?;
    let request = format!(
        "{method} /api/v1/ideas/{}/vote HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        args.idea, args.addr, args.token
    );
    tcp.write_all(request.as_bytes()).await?;
    let mut response = Vec::new();
    tcp.read_to_end(&mut response).await?;
    if !response.starts_with(b"HTTP/1.1 2") {
        let status = String::from_utf8_lossy(&response[..response.len().min(200)]).into_owned();
        return Err(invalid(&format!("{method} vote: {status}")));
    }
    Ok(())
}

/// The resident memory of process `pid`, in MB.
fn rss_mb(pid: u32) -> io::Result<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let kb = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .ok_or_else(|| invalid("no VmRSS"))?;
    Ok(kb / 1024.0)
}

fn invalid(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.to_owned())
}

//! A local SMTP sink for the email tests: it accepts every message on a
//! loopback port and keeps it. Written by hand because what the tests need
//! is small (the receiving half of RFC 5321, no TLS, no auth) and a sink in
//! the test binary needs no Python or extra process; MIME decoding of what
//! arrives is left to the `mail-parser` crate.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

/// One received message, decoded.
#[derive(Clone, Debug)]
pub struct Mail {
    /// The envelope recipients (`RCPT TO`).
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    pub list_unsubscribe: Option<String>,
}

#[derive(Clone)]
pub struct SmtpSink {
    pub addr: SocketAddr,
    mails: Arc<Mutex<Vec<Mail>>>,
    arrived: Arc<Notify>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        SmtpSink::start_on("127.0.0.1:0".parse().unwrap()).await
    }

    pub async fn start_on(addr: SocketAddr) -> SmtpSink {
        let listener = TcpListener::bind(addr).await.expect("the sink's port is free");
        let sink = SmtpSink {
            addr: listener.local_addr().unwrap(),
            mails: Arc::default(),
            arrived: Arc::default(),
        };
        let accepting = sink.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let sink = accepting.clone();
                tokio::spawn(async move { sink.session(stream).await });
            }
        });
        sink
    }

    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    pub fn mails(&self) -> Vec<Mail> {
        self.mails.lock().unwrap().clone()
    }

    /// Waits until `n` messages have arrived (failing after 20 s, which only
    /// guards against a hang) and returns all of them.
    pub async fn wait_for(&self, n: usize) -> Vec<Mail> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let notified = self.arrived.notified();
            let mails = self.mails();
            if mails.len() >= n {
                return mails;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                panic!("expected {n} emails, got {}: {mails:#?}", mails.len());
            }
        }
    }

    /// Waits until a message to `address` whose subject or text contains
    /// `needle` has arrived, and returns it.
    pub async fn wait_for_mail(&self, address: &str, needle: &str) -> Mail {
        let mut n = 1;
        loop {
            let mails = self.wait_for(n).await;
            if let Some(mail) = mails
                .iter()
                .find(|m| m.to.iter().any(|t| t == address) && (m.subject.contains(needle) || m.text.contains(needle)))
            {
                return mail.clone();
            }
            n = mails.len() + 1;
        }
    }

    async fn session(&self, stream: TcpStream) {
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read);
        let mut to = Vec::new();
        let _ = write.write_all(b"220 sink ESMTP\r\n").await;
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                return;
            }
            let command = line.trim_end().to_ascii_uppercase();
            let reply: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
                b"250 sink\r\n"
            } else if command.starts_with("RCPT TO:") {
                let address = line.trim_end()[8..]
                    .trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>');
                to.push(address.to_owned());
                b"250 OK\r\n"
            } else if command.starts_with("RSET") {
                to.clear();
                b"250 OK\r\n"
            } else if command == "DATA" {
                let _ = write.write_all(b"354 go on\r\n").await;
                let data = read_data(&mut lines).await;
                self.keep(std::mem::take(&mut to), &data);
                b"250 OK kept\r\n"
            } else if command == "QUIT" {
                let _ = write.write_all(b"221 bye\r\n").await;
                return;
            } else {
                // MAIL FROM, NOOP and anything else.
                b"250 OK\r\n"
            };
            if write.write_all(reply).await.is_err() {
                return;
            }
        }
    }

    fn keep(&self, to: Vec<String>, data: &[u8]) {
        let parsed = mail_parser::MessageParser::default()
            .parse(data)
            .expect("a parseable message");
        let mail = Mail {
            to,
            subject: parsed.subject().unwrap_or_default().to_owned(),
            text: parsed.body_text(0).map(|t| t.replace("\r\n", "\n")).unwrap_or_default(),
            list_unsubscribe: parsed.header_raw("List-Unsubscribe").map(|v| v.trim().to_owned()),
        };
        self.mails.lock().unwrap().push(mail);
        self.arrived.notify_waiters();
    }
}

/// The message up to the lone ".", with dot-stuffing undone.
async fn read_data(lines: &mut BufReader<tokio::net::tcp::OwnedReadHalf>) -> Vec<u8> {
    let mut data = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await.unwrap_or(0) == 0 || line == ".\r\n" {
            return data;
        }
        let unstuffed = line.strip_prefix('.').unwrap_or(&line);
        data.extend_from_slice(unstuffed.as_bytes());
    }
}

/// A loopback port with nothing listening on it (yet).
pub fn free_port() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap()
}

//! Follower emails, in two steps that never touch a request:
//!
//! 1. fan-out: new outbox events become rows of the `email_outbox` queue,
//!    one per follower who wants that kind (one transaction per batch, the
//!    same cursor discipline as in-app notifications);
//! 2. sending: due rows are leased one at a time and handed to the SMTP
//!    server; a failure is retried with exponential backoff, a permanent
//!    refusal (5xx) is recorded and given up. A mail server outage therefore
//!    delays mail and loses none, and several instances share the queue.

use crate::config::EmailArgs;
use crate::domain::email::{compose, Facts, Letter};
use crate::domain::time::{now_ms, MINUTE_MS};
use crate::domain::token;
use crate::store::{EmailJob, Store};
use anyhow::Context;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use schwarm_wire::EmailLanguage;
use std::sync::Arc;
use std::time::Duration;

const BATCH: u32 = 200;
const IDLE: Duration = Duration::from_millis(250);
/// A claimed email is someone else's to retry only after this long.
const LEASE_MS: i64 = 5 * MINUTE_MS;
/// Events older than this when first seen are not mailed.
const TOO_OLD_MS: i64 = 3 * 24 * 60 * MINUTE_MS;

struct Mailer {
    store: Arc<dyn Store>,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: String,
    retry_ms: i64,
}

/// Starts the email worker when SMTP is configured. Fails at start-up on a
/// bad URL or sender, not at the first email.
pub async fn spawn(store: Arc<dyn Store>, args: &EmailArgs, default_public_url: &str) -> anyhow::Result<()> {
    let Some(url) = &args.smtp_url else {
        return Ok(());
    };
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
        .context("--smtp-url is not a valid smtp:// or smtps:// URL")?
        .timeout(Some(Duration::from_secs(30)))
        .build();
    let from: Mailbox = args.smtp_from.parse().context("--smtp-from is not a valid address")?;
    let public_url = args
        .public_url
        .as_deref()
        .unwrap_or(default_public_url)
        .trim_end_matches('/')
        .to_owned();
    store.start_email_cursor().await?;
    let mailer = Mailer {
        store,
        transport,
        from,
        public_url,
        retry_ms: i64::try_from(args.smtp_retry_ms).unwrap_or(i64::MAX).max(1),
    };
    tokio::spawn(async move { mailer.run().await });
    Ok(())
}

impl Mailer {
    async fn run(self) {
        loop {
            let queued = match self.store.fan_out_emails(BATCH, now_ms() - TOO_OLD_MS).await {
                Ok(n) => n,
                Err(error) => {
                    tracing::error!(%error, "email fan-out failed; retrying");
                    0
                }
            };
            let sent = self.send_due().await;
            if queued < BATCH as usize && sent == 0 {
                tokio::time::sleep(IDLE).await;
            }
        }
    }

    /// Sends what is due now; returns how many it tried.
    async fn send_due(&self) -> usize {
        let mut tried = 0;
        loop {
            let now = now_ms();
            match self.store.claim_email(now, now + LEASE_MS).await {
                Ok(Some(job)) => {
                    tried += 1;
                    self.deliver(job).await;
                }
                Ok(None) => return tried,
                Err(error) => {
                    tracing::error!(%error, "could not read the email queue");
                    return tried;
                }
            }
        }
    }

    async fn deliver(&self, job: EmailJob) {
        let outcome = self.try_deliver(&job).await;
        let now = now_ms();
        let recorded = match outcome {
            Ok(()) => self.store.email_sent(job.id, now).await,
            Err(Failure::Permanent(error)) => {
                tracing::warn!(email = job.id, %error, "email refused for good");
                self.store.email_failed(job.id, now, &error).await
            }
            Err(Failure::Transient(error)) => {
                let at = now + super::backoff(self.retry_ms, i64::from(job.attempts));
                tracing::warn!(email = job.id, attempts = job.attempts, %error, "email not sent; will retry");
                self.store.email_retry(job.id, at, &error).await
            }
        };
        if let Err(error) = recorded {
            // The lease runs out and the email is tried again.
            tracing::error!(email = job.id, %error, "could not record the email's outcome");
        }
    }

    async fn try_deliver(&self, job: &EmailJob) -> Result<(), Failure> {
        if !job.wanted || !job.active {
            return Err(Failure::Permanent("the recipient unsubscribed".into()));
        }
        let token = self
            .store
            .email_token(job.user_id, &token::new_token())
            .await
            .map_err(|e| Failure::Transient(e.to_string()))?;
        // Statuses as the admins named them, in the recipient's language.
        let status_key = job
            .detail
            .as_deref()
            .and_then(|d| serde_json::from_str::<serde_json::Value>(d).ok())
            .and_then(|p| p.get("status").and_then(|s| s.as_str()).map(str::to_owned));
        let language = EmailLanguage::parse(&job.language);
        let status_name = match status_key {
            Some(key) => self
                .store
                .statuses()
                .await
                .map_err(|e| Failure::Transient(e.to_string()))?
                .into_iter()
                .find(|s| s.key == key)
                .map(|s| {
                    if language == EmailLanguage::De {
                        s.label_de
                    } else {
                        s.label_en
                    }
                }),
            None => None,
        };
        let letter = compose(&Facts {
            event_kind: &job.kind,
            language: EmailLanguage::parse(&job.language),
            recipient_name: &job.display_name,
            idea_id: job.idea_id,
            idea_title: &job.idea_title,
            actor_name: job.actor_name.as_deref(),
            detail: job.detail.as_deref(),
            status_name: status_name.as_deref(),
            public_url: &self.public_url,
            token: &token,
        })
        .ok_or_else(|| Failure::Permanent(format!("`{}` is not mailed", job.kind)))?;
        let message = self.message(job, letter)?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| {
            if e.is_permanent() {
                Failure::Permanent(e.to_string())
            } else {
                Failure::Transient(e.to_string())
            }
        })
    }

    fn message(&self, job: &EmailJob, letter: Letter) -> Result<Message, Failure> {
        let address = job
            .to_address
            .parse()
            .map_err(|e| Failure::Permanent(format!("bad recipient address: {e}")))?;
        Message::builder()
            .from(self.from.clone())
            .to(Mailbox::new(Some(job.display_name.clone()), address))
            .subject(letter.subject)
            .header(ContentType::TEXT_PLAIN)
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{}>", letter.unsubscribe_url),
            ))
            // RFC 8058: mail programs may unsubscribe with one POST to it.
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_owned(),
            ))
            .body(letter.body)
            .map_err(|e| Failure::Permanent(e.to_string()))
    }
}

enum Failure {
    /// Worth another try later (connection refused, 4xx, timeout).
    Transient(String),
    /// Will never work (5xx, an address that does not parse, unsubscribed).
    Permanent(String),
}

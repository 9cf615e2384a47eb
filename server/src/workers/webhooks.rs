//! Webhook deliveries, in two steps that never touch a request (so a slow
//! or dead receiver never slows down the one who voted or posted):
//!
//! 1. fan-out: new public outbox events of the subscribed kinds become rows
//!    of `webhook_deliveries`, one per webhook, each with its exact body;
//! 2. sending: due rows are leased one at a time and POSTed with an
//!    HMAC-SHA256 signature of the body; anything but a 2xx is retried with
//!    exponential backoff and given up after `--webhook-max-attempts`.
//!    Status and attempts of each delivery are kept for the admins' log.

use crate::config::WebhookArgs;
use crate::domain::time::{now_ms, MINUTE_MS};
use crate::store::{DeliveryJob, DeliveryOutcome, Store};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::sync::Arc;
use std::time::Duration;

const BATCH: u32 = 200;
const IDLE: Duration = Duration::from_millis(250);

struct Sender {
    store: Arc<dyn Store>,
    client: reqwest::Client,
    public_url: String,
    retry_ms: i64,
    max_attempts: i64,
    lease_ms: i64,
}

/// `sha256=` and the hex HMAC-SHA256 of `body` keyed with `secret`: what a
/// receiver recomputes to know the body came from this board, unchanged.
pub fn signature(secret: &str, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(body.as_bytes());
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

pub fn spawn(store: Arc<dyn Store>, args: &WebhookArgs, public_url: &str) -> anyhow::Result<()> {
    let timeout = Duration::from_millis(args.webhook_timeout_ms.max(1));
    let client = reqwest::Client::builder()
        .timeout(timeout)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("Schwarm-Webhooks/1")
        .build()?;
    let sender = Sender {
        store,
        client,
        public_url: public_url.to_owned(),
        retry_ms: i64::try_from(args.webhook_retry_ms).unwrap_or(i64::MAX).max(1),
        max_attempts: i64::from(args.webhook_max_attempts.max(1)),
        lease_ms: i64::try_from(args.webhook_timeout_ms)
            .unwrap_or(i64::MAX)
            .saturating_add(MINUTE_MS),
    };
    tokio::spawn(async move {
        if let Err(error) = sender.store.start_webhook_cursor().await {
            tracing::error!(%error, "could not start the webhook cursor");
        }
        sender.run().await
    });
    Ok(())
}

impl Sender {
    async fn run(self) {
        loop {
            let queued = match self.store.fan_out_webhooks(BATCH, &self.public_url).await {
                Ok(n) => n,
                Err(error) => {
                    tracing::error!(%error, "webhook fan-out failed; retrying");
                    0
                }
            };
            let sent = self.send_due().await;
            if queued < BATCH as usize && sent == 0 {
                tokio::time::sleep(IDLE).await;
            }
        }
    }

    async fn send_due(&self) -> usize {
        let mut tried = 0;
        loop {
            let now = now_ms();
            match self.store.claim_delivery(now, now + self.lease_ms).await {
                Ok(Some(job)) => {
                    tried += 1;
                    self.deliver(job).await;
                }
                Ok(None) => return tried,
                Err(error) => {
                    tracing::error!(%error, "could not read the webhook queue");
                    return tried;
                }
            }
        }
    }

    async fn deliver(&self, job: DeliveryJob) {
        let sent = self
            .client
            .post(&job.url)
            .header("content-type", "application/json")
            .header(
                schwarm_wire::webhooks::SIGNATURE_HEADER,
                signature(&job.secret, &job.body),
            )
            .header("X-Schwarm-Event", &job.event)
            .header("X-Schwarm-Delivery", job.id.to_string())
            .body(job.body.clone())
            .send()
            .await;
        let (status, error) = match sent {
            Ok(res) if res.status().is_success() => (Some(i64::from(res.status().as_u16())), None),
            Ok(res) => (
                Some(i64::from(res.status().as_u16())),
                Some(format!("HTTP {}", res.status())),
            ),
            Err(e) => (None, Some(e.without_url().to_string())),
        };
        let now = now_ms();
        let done = error.is_none();
        let failed = !done && job.attempts >= self.max_attempts;
        if !done {
            tracing::warn!(
                delivery = job.id,
                attempts = job.attempts,
                error = error.as_deref(),
                "webhook not delivered"
            );
        }
        let outcome = DeliveryOutcome {
            status,
            error: error.as_deref(),
            now,
            done,
            failed,
            next_at: now + super::backoff(self.retry_ms, job.attempts),
        };
        if let Err(error) = self.store.record_delivery(job.id, outcome).await {
            // The lease runs out and the delivery is tried again.
            tracing::error!(delivery = job.id, %error, "could not record the webhook's outcome");
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_signature_is_the_hmac_sha256_of_the_body() {
        // RFC 4231 test case 2.
        assert_eq!(
            super::signature("Jefe", "what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}

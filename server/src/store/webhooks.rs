//! Webhooks and their delivery queue (see `workers::webhooks`).

use super::StoreResult;
use async_trait::async_trait;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct WebhookRow {
    pub id: i64,
    pub url: String,
    /// Space-separated event names.
    pub events: String,
    pub created_at: i64,
    pub delivered: i64,
    pub failed: i64,
    pub pending: i64,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DeliveryRow {
    pub id: i64,
    pub event: String,
    pub attempts: i64,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub delivered_at: Option<i64>,
    pub failed_at: Option<i64>,
    pub next_attempt_at: i64,
    pub created_at: i64,
}

/// A delivery taken for sending.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DeliveryJob {
    pub id: i64,
    pub url: String,
    pub secret: String,
    pub event: String,
    pub body: String,
    pub attempts: i64,
}

#[async_trait]
pub trait WebhookStore: Send + Sync {
    async fn webhooks(&self) -> StoreResult<Vec<WebhookRow>>;
    async fn insert_webhook(&self, url: &str, secret: &str, events: &[String], now: i64) -> StoreResult<i64>;
    async fn delete_webhook(&self, id: i64) -> StoreResult<bool>;
    /// The newest deliveries of a webhook.
    async fn deliveries(&self, webhook_id: i64, limit: u32) -> StoreResult<Vec<DeliveryRow>>;
    /// Starts the webhook consumer at the newest outbox event, unless it has
    /// read before.
    async fn start_webhook_cursor(&self) -> StoreResult<()>;
    /// Queues a delivery per subscribed webhook (made before the event) for
    /// up to `batch` new public outbox events, and moves the cursor, in one
    /// transaction. `public_url` makes the links in the bodies. Returns how
    /// many events it read.
    async fn fan_out_webhooks(&self, batch: u32, public_url: &str) -> StoreResult<usize>;
    /// Takes the next due delivery and leases it until `lease_until`.
    async fn claim_delivery(&self, now: i64, lease_until: i64) -> StoreResult<Option<DeliveryJob>>;
    /// Records an attempt: delivered (`done`), given up (`failed_at`), or
    /// due again at `next_at`.
    async fn record_delivery(&self, id: i64, outcome: DeliveryOutcome<'_>) -> StoreResult<()>;
}

#[derive(Clone, Copy, Debug)]
pub struct DeliveryOutcome<'a> {
    pub status: Option<i64>,
    pub error: Option<&'a str>,
    pub now: i64,
    pub done: bool,
    /// Given up for good.
    pub failed: bool,
    pub next_at: i64,
}

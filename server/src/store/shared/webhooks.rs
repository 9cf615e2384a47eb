//! Webhook deliveries: fan-out of outbox events to subscribed webhooks and
//! the claim/send/retry cycle of the sender (see `workers::webhooks`).

const CONSUMER: &str = "webhooks";

/// The body of one delivery: the event, when, the idea it concerns (with
/// its link) and the event's own data.
pub(super) fn body(event: &super::OutboxRow, idea: Option<(String, String, String, i64)>, public_url: &str) -> String {
    let data: serde_json::Value = serde_json::from_str(&event.payload).unwrap_or_default();
    let idea = event.idea_id.zip(idea).map(|(id, (title, status, board, votes))| {
        serde_json::json!({
            "id": id, "title": title, "status": status, "board": board, "vote_count": votes,
            "url": format!("{public_url}/ideas/{id}"),
        })
    });
    serde_json::json!({
        "event": event.kind,
        "event_id": event.id,
        "created_at": crate::domain::time::rfc3339(event.created_at),
        "idea": idea,
        "data": data,
    })
    .to_string()
}

macro_rules! webhook_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::WebhookStore for $store {
            async fn webhooks(&self) -> crate::store::StoreResult<Vec<crate::store::WebhookRow>> {
                sqlx::query_as(
                    "SELECT w.id, w.url, w.events, w.created_at,
                        (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.delivered_at IS NOT NULL) AS delivered,
                        (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.failed_at IS NOT NULL) AS failed,
                        (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id
                            AND d.delivered_at IS NULL AND d.failed_at IS NULL) AS pending
                     FROM webhooks w ORDER BY w.id",
                )
                .fetch_all(&self.reader)
                .await
            }

            async fn insert_webhook(
                &self,
                url: &str,
                secret: &str,
                events: &[String],
                now: i64,
            ) -> crate::store::StoreResult<i64> {
                sqlx::query_scalar(
                    "INSERT INTO webhooks (url, secret, events, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(url)
                .bind(secret)
                .bind(events.join(" "))
                .bind(now)
                .fetch_one(&self.writer)
                .await
            }

            async fn delete_webhook(&self, id: i64) -> crate::store::StoreResult<bool> {
                let done = sqlx::query("DELETE FROM webhooks WHERE id = $1").bind(id).execute(&self.writer).await?;
                Ok(done.rows_affected() == 1)
            }

            async fn deliveries(&self, webhook_id: i64, limit: u32) -> crate::store::StoreResult<Vec<crate::store::DeliveryRow>> {
                sqlx::query_as(
                    "SELECT id, event, CAST(attempts AS BIGINT) AS attempts, CAST(last_status AS BIGINT) AS last_status,
                        last_error, delivered_at, failed_at, next_attempt_at, created_at
                     FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY id DESC LIMIT $2",
                )
                .bind(webhook_id)
                .bind(i64::from(limit))
                .fetch_all(&self.reader)
                .await
            }

            async fn start_webhook_cursor(&self) -> crate::store::StoreResult<()> {
                sqlx::query(
                    "INSERT INTO outbox_cursors (consumer, last_event_id)
                     SELECT $1, COALESCE(MAX(id), 0) FROM events WHERE true
                     ON CONFLICT (consumer) DO NOTHING",
                )
                .bind(super::webhooks::CONSUMER)
                .execute(&self.writer)
                .await
                .map(|_| ())
            }

            async fn fan_out_webhooks(&self, batch: u32, public_url: &str) -> crate::store::StoreResult<usize> {
                let consumer = super::webhooks::CONSUMER;
                let wanted = &schwarm_wire::webhooks::WEBHOOK_EVENTS;
                let Some((mut tx, round, events)) = outbox_round!(self, $lock, consumer, batch, wanted)? else {
                    return Ok(0);
                };
                for event in &events {
                    // Internal notes and moderation never leave the board.
                    // (The round reads only the kinds webhooks carry.)
                    if event.visibility != "public" {
                        continue;
                    }
                    let hooks: Vec<i64> = sqlx::query_scalar(
                        "SELECT id FROM webhooks WHERE created_at <= $1 AND (' ' || events || ' ') LIKE $2",
                    )
                    .bind(event.created_at)
                    .bind(format!("% {} %", event.kind))
                    .fetch_all(&mut *tx)
                    .await?;
                    if hooks.is_empty() {
                        continue;
                    }
                    let idea: Option<(String, String, String, i64)> = sqlx::query_as(
                        "SELECT i.title, i.status, b.slug, CAST(i.vote_count AS BIGINT)
                         FROM ideas i JOIN boards b ON b.id = i.board_id WHERE i.id = $1",
                    )
                    .bind(event.idea_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let body = super::webhooks::body(event, idea, public_url);
                    for hook in hooks {
                        sqlx::query(
                            "INSERT INTO webhook_deliveries (webhook_id, event_id, event, body, next_attempt_at, created_at)
                             VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT DO NOTHING",
                        )
                        .bind(hook)
                        .bind(event.id)
                        .bind(&event.kind)
                        .bind(&body)
                        .bind(event.created_at)
                        .execute(&mut *tx)
                        .await?;
                    }
                }
                finish_round!(tx, consumer, round)
            }

            async fn claim_delivery(
                &self,
                now: i64,
                lease_until: i64,
            ) -> crate::store::StoreResult<Option<crate::store::DeliveryJob>> {
                let mut tx = self.write().await?;
                let id: Option<i64> = sqlx::query_scalar(concat!(
                    "SELECT id FROM webhook_deliveries
                     WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
                     ORDER BY next_attempt_at, id LIMIT 1",
                    $lock
                ))
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(id) = id else { return Ok(None) };
                let job = sqlx::query_as(
                    "UPDATE webhook_deliveries SET next_attempt_at = $1, attempts = attempts + 1
                     WHERE id = $2
                     RETURNING id, (SELECT url FROM webhooks w WHERE w.id = webhook_id) AS url,
                        (SELECT secret FROM webhooks w WHERE w.id = webhook_id) AS secret,
                        event, body, CAST(attempts AS BIGINT) AS attempts",
                )
                .bind(lease_until)
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(Some(job))
            }

            async fn record_delivery(
                &self,
                id: i64,
                outcome: crate::store::DeliveryOutcome<'_>,
            ) -> crate::store::StoreResult<()> {
                sqlx::query(
                    "UPDATE webhook_deliveries SET last_status = $1, last_error = $2,
                         delivered_at = CASE WHEN $3 THEN $4 END,
                         failed_at = CASE WHEN $5 THEN $4 END,
                         next_attempt_at = $6
                     WHERE id = $7",
                )
                .bind(outcome.status.map(|s| s as i32))
                .bind(outcome.error)
                .bind(outcome.done)
                .bind(outcome.now)
                .bind(outcome.failed)
                .bind(outcome.next_at)
                .bind(id)
                .execute(&self.writer)
                .await
                .map(|_| ())
            }
        }
    };
}
for_each_backend!(webhook_store);

//! The email queue: fan-out of outbox events to followers who want them,
//! and the claim/send/retry cycle of the sender (see `workers::email`).

const CONSUMER: &str = "email";

/// The event kinds ever emailed, each with the user column that says
/// whether they want such emails.
const EMAILED: [(&str, &str); 2] = [
    ("idea.status_changed", "email_status_changes"),
    ("comment.created", "email_replies"),
];

/// The kinds of `EMAILED`: what the email consumer reads of the outbox.
pub(super) fn emailed_kinds() -> impl Iterator<Item = &'static str> {
    EMAILED.iter().map(|(kind, _)| *kind)
}

/// The user column that says whether they want emails of this event kind;
/// `None`: the kind is never emailed.
pub(super) fn preference_column(event_kind: &str) -> Option<&'static str> {
    EMAILED
        .iter()
        .find(|(kind, _)| *kind == event_kind)
        .map(|(_, column)| *column)
}

/// Comment text longer than this is cut in the email (the link has it all).
const EXCERPT_CHARS: usize = 1500;

macro_rules! email_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::EmailStore for $store {
            async fn start_email_cursor(&self) -> crate::store::StoreResult<()> {
                sqlx::query(
                    "INSERT INTO outbox_cursors (consumer, last_event_id)
                     SELECT $1, COALESCE(MAX(id), 0) FROM events WHERE true
                     ON CONFLICT (consumer) DO NOTHING",
                )
                .bind(super::email::CONSUMER)
                .execute(&self.writer)
                .await
                .map(|_| ())
            }

            async fn fan_out_emails(&self, batch: u32, oldest: i64) -> crate::store::StoreResult<usize> {
                let consumer = super::email::CONSUMER;
                let Some((mut tx, round, events)) =
                    outbox_round!(self, $lock, consumer, batch, super::email::emailed_kinds())?
                else {
                    return Ok(0);
                };
                for event in &events {
                    let (Some(idea_id), Some(column)) = (event.idea_id, super::email::preference_column(&event.kind))
                    else {
                        continue;
                    };
                    // Mail about last month's events would only confuse.
                    if event.visibility != "public" || event.created_at < oldest {
                        continue;
                    }
                    let detail: Option<String> = if event.kind == "comment.created" {
                        let comment_id = serde_json::from_str::<serde_json::Value>(&event.payload)
                            .ok()
                            .and_then(|p| p.get("comment_id").and_then(|c| c.as_i64()));
                        let body: Option<String> = sqlx::query_scalar(
                            "SELECT body_md FROM comments WHERE id = $1 AND NOT internal AND NOT hidden",
                        )
                        .bind(comment_id)
                        .fetch_optional(&mut *tx)
                        .await?;
                        let Some(body) = body else { continue };
                        Some(body.chars().take(super::email::EXCERPT_CHARS).collect())
                    } else {
                        Some(event.payload.clone())
                    };
                    sqlx::query(&format!(
                        "INSERT INTO email_outbox
                            (user_id, event_id, kind, idea_id, actor_id, detail, created_at, next_attempt_at)
                         SELECT f.user_id, $1, $2, $3, $4, $5, $6, $6
                         FROM follows f JOIN users u ON u.id = f.user_id
                         WHERE f.idea_id = $3 AND ($4 IS NULL OR f.user_id <> $4)
                           AND u.deleted_at IS NULL AND u.blocked_at IS NULL AND u.{column}
                         ON CONFLICT DO NOTHING"
                    ))
                    .bind(event.id)
                    .bind(&event.kind)
                    .bind(idea_id)
                    .bind(event.actor_id)
                    .bind(detail)
                    .bind(event.created_at)
                    .execute(&mut *tx)
                    .await?;
                }
                finish_round!(tx, consumer, round)
            }

            async fn claim_email(
                &self,
                now: i64,
                lease_until: i64,
            ) -> crate::store::StoreResult<Option<crate::store::EmailJob>> {
                let due: bool = sqlx::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM email_outbox
                        WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1)",
                )
                .bind(now)
                .fetch_one(&self.reader)
                .await?;
                if !due {
                    return Ok(None);
                }
                let mut tx = self.write().await?;
                // The lease: another instance skips this row until it ends,
                // and a crash mid-send only delays the retry.
                let id: Option<i64> = sqlx::query_scalar(concat!(
                    "UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = $1
                     WHERE id = (SELECT id FROM email_outbox
                                 WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $2
                                 ORDER BY next_attempt_at, id LIMIT 1",
                    $lock,
                    ")
                     RETURNING id"
                ))
                .bind(lease_until)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(id) = id else { return Ok(None) };
                let job = sqlx::query_as(
                    "SELECT o.id, o.kind, o.user_id, u.email AS to_address, u.display_name,
                            u.email_language AS language, u.email_token AS token,
                            CASE WHEN o.kind = 'comment.created' THEN u.email_replies
                                 ELSE u.email_status_changes END AS wanted,
                            u.deleted_at IS NULL AS active,
                            o.idea_id, i.title AS idea_title, a.display_name AS actor_name, o.detail, o.attempts
                     FROM email_outbox o
                     JOIN users u ON u.id = o.user_id
                     JOIN ideas i ON i.id = o.idea_id
                     LEFT JOIN users a ON a.id = o.actor_id AND a.deleted_at IS NULL
                     WHERE o.id = $1",
                )
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(Some(job))
            }

            async fn email_sent(&self, id: i64, now: i64) -> crate::store::StoreResult<()> {
                sqlx::query("UPDATE email_outbox SET sent_at = $1, last_error = NULL WHERE id = $2")
                    .bind(now)
                    .bind(id)
                    .execute(&self.writer)
                    .await
                    .map(|_| ())
            }

            async fn email_retry(&self, id: i64, at: i64, error: &str) -> crate::store::StoreResult<()> {
                sqlx::query("UPDATE email_outbox SET next_attempt_at = $1, last_error = $2 WHERE id = $3")
                    .bind(at)
                    .bind(error)
                    .bind(id)
                    .execute(&self.writer)
                    .await
                    .map(|_| ())
            }

            async fn email_failed(&self, id: i64, now: i64, error: &str) -> crate::store::StoreResult<()> {
                sqlx::query("UPDATE email_outbox SET failed_at = $1, last_error = $2 WHERE id = $3")
                    .bind(now)
                    .bind(error)
                    .bind(id)
                    .execute(&self.writer)
                    .await
                    .map(|_| ())
            }

            async fn email_token(&self, user_id: i64, candidate: &str) -> crate::store::StoreResult<String> {
                sqlx::query_scalar(
                    "UPDATE users SET email_token = COALESCE(email_token, $1) WHERE id = $2 RETURNING email_token",
                )
                .bind(candidate)
                .bind(user_id)
                .fetch_one(&self.writer)
                .await
            }

            async fn email_preferences(
                &self,
                user_id: i64,
            ) -> crate::store::StoreResult<schwarm_wire::EmailPreferences> {
                let row: (bool, bool, String) = sqlx::query_as(
                    "SELECT email_status_changes, email_replies, email_language FROM users WHERE id = $1",
                )
                .bind(user_id)
                .fetch_one(&self.reader)
                .await?;
                Ok(crate::store::email::email_preferences(row))
            }

            async fn set_email_preferences(
                &self,
                user_id: i64,
                prefs: &schwarm_wire::EmailPreferences,
            ) -> crate::store::StoreResult<()> {
                sqlx::query(
                    "UPDATE users SET email_status_changes = $1, email_replies = $2, email_language = $3 WHERE id = $4",
                )
                .bind(prefs.status_changes)
                .bind(prefs.replies)
                .bind(prefs.language.as_str())
                .bind(user_id)
                .execute(&self.writer)
                .await
                .map(|_| ())
            }

            async fn unsubscribe(
                &self,
                token: &str,
                kind: schwarm_wire::EmailKind,
            ) -> crate::store::StoreResult<Option<schwarm_wire::EmailPreferences>> {
                let column = match kind {
                    schwarm_wire::EmailKind::StatusChanges => "email_status_changes",
                    schwarm_wire::EmailKind::Replies => "email_replies",
                };
                let row: Option<(bool, bool, String)> = sqlx::query_as(&format!(
                    "UPDATE users SET {column} = $1 WHERE email_token = $2 AND deleted_at IS NULL
                     RETURNING email_status_changes, email_replies, email_language"
                ))
                .bind(false)
                .bind(token)
                .fetch_optional(&self.writer)
                .await?;
                Ok(row.map(crate::store::email::email_preferences))
            }
        }
    };
}
for_each_backend!(email_store);

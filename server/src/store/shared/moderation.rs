macro_rules! moderation_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::ModerationStore for $store {
            async fn moderate_idea(
                &self,
                id: i64,
                change: crate::store::IdeaModeration,
                actor_id: i64,
                now: i64,
            ) -> crate::store::StoreResult<bool> {
                let mut tx = self.write().await?;
                let found: Option<(bool, bool, bool)> = sqlx::query_as(concat!(
                    "SELECT hidden_at IS NOT NULL, spam, approved FROM ideas WHERE id = $1",
                    $lock
                ))
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
                let Some((hidden, spam, was_approved)) = found else {
                    return Ok(false);
                };
                let spam = change.spam.unwrap_or(spam);
                // Spam is always hidden; unmarking spam leaves it hidden
                // unless the same change restores it.
                let hidden = change.hidden.unwrap_or(hidden) || spam;
                let approved = change.approved.unwrap_or(was_approved);
                sqlx::query(
                    "UPDATE ideas SET hidden_at = CASE WHEN $1 THEN COALESCE(hidden_at, $2) END, spam = $3,
                         approved = $4 WHERE id = $5",
                )
                .bind(hidden)
                .bind(now)
                .bind(spam)
                .bind(approved)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                let payload = serde_json::json!({
                    "idea_id": id, "hidden": hidden, "spam": spam, "approved": approved,
                });
                insert_event!(tx, "idea.moderated", id, actor_id, payload, now, "pm")?;
                if approved && !was_approved && !hidden {
                    // Approved: now the crowd (and webhooks) hear of it.
                    let author: i64 = sqlx::query_scalar("SELECT author_id FROM ideas WHERE id = $1")
                        .bind(id)
                        .fetch_one(&mut *tx)
                        .await?;
                    let created = serde_json::json!({ "idea_id": id });
                    insert_event!(tx, "idea.created", id, author, created, now)?;
                }
                tx.commit().await?;
                Ok(true)
            }

            async fn moderate_comment(
                &self,
                id: i64,
                hidden: bool,
                spam: bool,
                actor_id: i64,
                now: i64,
            ) -> crate::store::StoreResult<bool> {
                let mut tx = self.write().await?;
                let found: Option<(i64, bool, bool)> = sqlx::query_as(concat!(
                    "SELECT idea_id, hidden, internal FROM comments WHERE id = $1",
                    $lock
                ))
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
                let Some((idea_id, was_hidden, internal)) = found else {
                    return Ok(false);
                };
                let hidden = hidden || spam;
                sqlx::query("UPDATE comments SET hidden = $1, spam = $2 WHERE id = $3")
                    .bind(hidden)
                    .bind(spam)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                // The public counter counts visible public comments only.
                let delta: i64 = match (internal, was_hidden, hidden) {
                    (false, false, true) => -1,
                    (false, true, false) => 1,
                    _ => 0,
                };
                if delta != 0 {
                    sqlx::query(concat!("SELECT id FROM ideas WHERE id = $1", $lock))
                        .bind(idea_id)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("UPDATE ideas SET comment_count = comment_count + $1 WHERE id = $2")
                        .bind(delta)
                        .bind(idea_id)
                        .execute(&mut *tx)
                        .await?;
                }
                let payload = serde_json::json!({ "idea_id": idea_id, "comment_id": id, "hidden": hidden, "spam": spam });
                insert_event!(tx, "comment.moderated", idea_id, actor_id, payload, now, "pm")?;
                tx.commit().await?;
                Ok(true)
            }

            async fn set_blocked(&self, user_id: i64, blocked: bool, now: i64) -> crate::store::StoreResult<Option<String>> {
                sqlx::query_scalar(
                    "UPDATE users SET blocked_at = CASE WHEN $1 THEN COALESCE(blocked_at, $2) END
                     WHERE id = $3 AND deleted_at IS NULL RETURNING role",
                )
                .bind(blocked)
                .bind(now)
                .bind(user_id)
                .fetch_optional(&self.writer)
                .await
            }

            async fn set_board_approval(&self, slug: &str, required: bool) -> crate::store::StoreResult<bool> {
                let done = sqlx::query("UPDATE boards SET approval_required = $1 WHERE slug = $2")
                    .bind(required)
                    .bind(slug)
                    .execute(&self.writer)
                    .await?;
                Ok(done.rows_affected() == 1)
            }
        }
    };
}
for_each_backend!(moderation_store);

/// The outbox events that become notifications for followers.
pub(super) const NOTIFYING: [&str; 4] = [
    "idea.status_changed",
    "comment.created",
    "idea.merged",
    "changelog.published",
];
const CONSUMER: &str = "notifications";

macro_rules! notification_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::NotificationStore for $store {
            async fn events_after(
                &self,
                after: i64,
                limit: u32,
            ) -> crate::store::StoreResult<Vec<crate::store::EventRow>> {
                sqlx::query_as(
                    "SELECT e.id, e.kind, e.idea_id, e.visibility, e.payload, b.slug AS board
                     FROM events e
                     LEFT JOIN ideas i ON i.id = e.idea_id
                     LEFT JOIN boards b ON b.id = i.board_id
                     WHERE e.id > $1 ORDER BY e.id LIMIT $2",
                )
                .bind(after)
                .bind(i64::from(limit))
                .fetch_all(&self.reader)
                .await
            }

            async fn last_event_id(&self) -> crate::store::StoreResult<i64> {
                sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
                    .fetch_one(&self.reader)
                    .await
            }

            async fn set_follow(
                &self,
                idea_id: i64,
                user_id: i64,
                on: bool,
                now: i64,
            ) -> crate::store::StoreResult<Option<bool>> {
                let mut tx = self.write().await?;
                let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM ideas WHERE id = $1")
                    .bind(idea_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                if exists.is_none() {
                    return Ok(None);
                }
                if on {
                    follow!(tx, idea_id, user_id, now)?;
                } else {
                    sqlx::query("DELETE FROM follows WHERE idea_id = $1 AND user_id = $2")
                        .bind(idea_id)
                        .bind(user_id)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(Some(on))
            }

            async fn notifications(
                &self,
                user_id: i64,
                before: i64,
                limit: u32,
            ) -> crate::store::StoreResult<Vec<crate::store::NotificationRow>> {
                sqlx::query_as(
                    "SELECT n.id, n.kind, n.idea_id, i.title AS idea_title, a.display_name AS actor_name, n.detail,
                            n.created_at, n.read_at IS NOT NULL AS read
                     FROM notifications n
                     JOIN ideas i ON i.id = n.idea_id
                     LEFT JOIN users a ON a.id = n.actor_id AND a.deleted_at IS NULL
                     WHERE n.user_id = $1 AND n.id < $2
                     ORDER BY n.id DESC LIMIT $3",
                )
                .bind(user_id)
                .bind(before)
                .bind(i64::from(limit))
                .fetch_all(&self.reader)
                .await
            }

            async fn unread_count(&self, user_id: i64) -> crate::store::StoreResult<i64> {
                sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL")
                    .bind(user_id)
                    .fetch_one(&self.reader)
                    .await
            }

            async fn mark_read(&self, user_id: i64, ids: Option<&[i64]>, now: i64) -> crate::store::StoreResult<()> {
                let mut q = sqlx::QueryBuilder::<$db>::new("UPDATE notifications SET read_at = ");
                q.push_bind(now)
                    .push(" WHERE read_at IS NULL AND user_id = ")
                    .push_bind(user_id);
                if let Some(ids) = ids {
                    if ids.is_empty() {
                        return Ok(());
                    }
                    q.push(" AND id IN (");
                    let mut list = q.separated(", ");
                    for id in ids {
                        list.push_bind(*id);
                    }
                    q.push(")");
                }
                q.build().execute(&self.writer).await.map(|_| ())
            }

            async fn fan_out_notifications(&self, batch: u32) -> crate::store::StoreResult<usize> {
                let consumer = super::notifications::CONSUMER;
                let Some((mut tx, round, events)) =
                    outbox_round!(self, $lock, consumer, batch, &super::notifications::NOTIFYING)?
                else {
                    return Ok(0);
                };
                for event in &events {
                    let Some(idea_id) = event.idea_id else { continue };
                    // (The round reads only `NOTIFYING` kinds.)
                    if event.visibility != "public" {
                        continue;
                    }
                    let detail = serde_json::from_str::<serde_json::Value>(&event.payload)
                        .ok()
                        .and_then(|p| {
                            // The new status, or the release note's (or merge target's) title.
                            let field = p.get("status").or_else(|| p.get("title"));
                            field.and_then(|s| s.as_str()).map(str::to_owned)
                        });
                    // A release note tells the followers of all its ideas,
                    // each once (about an idea they follow).
                    let ideas: Vec<i64> = serde_json::from_str::<serde_json::Value>(&event.payload)
                        .ok()
                        .and_then(|p| p.get("idea_ids").cloned())
                        .and_then(|ids| serde_json::from_value(ids).ok())
                        .unwrap_or_else(|| vec![idea_id]);
                    let mut q = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO notifications (user_id, event_id, kind, idea_id, actor_id, detail, created_at)
                         SELECT f.user_id, ",
                    );
                    q.push_bind(event.id)
                        .push(", ")
                        .push_bind(&event.kind)
                        .push(", MIN(f.idea_id), ");
                    q.push_bind(event.actor_id)
                        .push(", ")
                        .push_bind(detail)
                        .push(", ")
                        .push_bind(event.created_at);
                    q.push(" FROM follows f WHERE f.idea_id IN (");
                    let mut list = q.separated(", ");
                    for id in &ideas {
                        list.push_bind(*id);
                    }
                    q.push(")");
                    if let Some(actor) = event.actor_id {
                        q.push(" AND f.user_id <> ").push_bind(actor);
                    }
                    q.push(" GROUP BY f.user_id ON CONFLICT DO NOTHING");
                    q.build().execute(&mut *tx).await?;
                }
                finish_round!(tx, consumer, round)
            }
        }
    };
}
for_each_backend!(notification_store);

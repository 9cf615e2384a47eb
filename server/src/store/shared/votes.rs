macro_rules! vote_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl crate::store::VoteStore for $store {
            async fn set_vote(
                &self,
                idea_id: i64,
                user_id: i64,
                on: bool,
                now: i64,
            ) -> crate::store::StoreResult<Option<schwarm_wire::VoteState>> {
                let mut tx = self.write().await?;
                let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM ideas WHERE id = $1")
                    .bind(idea_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                if exists.is_none() {
                    return Ok(None);
                }
                // The primary key (idea_id, user_id) decides whether anything
                // changed; the counter moves only when a row did.
                let changed = if on {
                    sqlx::query(
                        "INSERT INTO votes (idea_id, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    )
                    .bind(idea_id)
                    .bind(user_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                } else {
                    sqlx::query("DELETE FROM votes WHERE idea_id = $1 AND user_id = $2")
                        .bind(idea_id)
                        .bind(user_id)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected()
                };
                // The UPDATE locks the idea's row (PostgreSQL), so concurrent
                // votes on one idea add up; SQLite has one writer anyway.
                let vote_count: i64 = if changed == 1 {
                    sqlx::query_scalar("UPDATE ideas SET vote_count = vote_count + $1 WHERE id = $2 RETURNING vote_count")
                        .bind(if on { 1i64 } else { -1i64 })
                        .bind(idea_id)
                        .fetch_one(&mut *tx)
                        .await?
                } else {
                    sqlx::query_scalar("SELECT vote_count FROM ideas WHERE id = $1")
                        .bind(idea_id)
                        .fetch_one(&mut *tx)
                        .await?
                };
                if changed == 1 {
                    let kind = if on { "vote.cast" } else { "vote.withdrawn" };
                    let payload = serde_json::json!({ "idea_id": idea_id, "vote_count": vote_count });
                    insert_event!(tx, kind, idea_id, user_id, payload, now)?;
                }
                tx.commit().await?;
                Ok(Some(schwarm_wire::VoteState { vote_count, voted: on }))
            }
        }
    };
}
for_each_backend!(vote_store);

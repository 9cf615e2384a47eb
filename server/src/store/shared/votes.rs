macro_rules! vote_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::VoteStore for $store {
            async fn set_vote(
                &self,
                idea_id: i64,
                user_id: i64,
                on: bool,
                now: i64,
            ) -> crate::store::StoreResult<Option<schwarm_wire::VoteState>> {
                use crate::domain::trend;
                let mut tx = self.write().await?;
                let idea: Option<(i64, f64, i64)> =
                    sqlx::query_as(concat!(
                        "SELECT vote_count, trend, created_at FROM ideas WHERE id = $1 AND merged_into IS NULL
                           AND hidden_at IS NULL AND (approved OR author_id = $2)",
                        $lock
                    ))
                        .bind(idea_id)
                        .bind(user_id)
                        .fetch_optional(&mut *tx)
                        .await?;
                let Some((vote_count, score, created_at)) = idea else {
                    return Ok(None);
                };
                // The primary key (idea_id, user_id) decides whether anything
                // changed; counter and trend move only when a row did.
                let changed: Option<(i64, f64)> = if on {
                    let inserted = sqlx::query(
                        "INSERT INTO votes (idea_id, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    )
                    .bind(idea_id)
                    .bind(user_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    (inserted == 1).then(|| (1, trend::add(score, now, trend::VOTE)))
                } else {
                    let cast_at: Option<i64> = sqlx::query_scalar(
                        "DELETE FROM votes WHERE idea_id = $1 AND user_id = $2 RETURNING created_at",
                    )
                    .bind(idea_id)
                    .bind(user_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    cast_at.map(|at| (-1, trend::remove(score, at, trend::VOTE, created_at)))
                };
                let Some((delta, score)) = changed else {
                    tx.commit().await?;
                    return Ok(Some(schwarm_wire::VoteState { vote_count, voted: on }));
                };
                let vote_count: i64 = sqlx::query_scalar(
                    "UPDATE ideas SET vote_count = vote_count + $1, trend = $2 WHERE id = $3 RETURNING vote_count",
                )
                .bind(delta)
                .bind(score)
                .bind(idea_id)
                .fetch_one(&mut *tx)
                .await?;
                if on {
                    // Voters follow what they back; withdrawing keeps following.
                    follow!(tx, idea_id, user_id, now)?;
                }
                let kind = if on { "vote.cast" } else { "vote.withdrawn" };
                let payload = serde_json::json!({ "idea_id": idea_id, "vote_count": vote_count });
                insert_event!(tx, kind, idea_id, user_id, payload, now)?;
                tx.commit().await?;
                Ok(Some(schwarm_wire::VoteState { vote_count, voted: on }))
            }

            async fn voters(&self, idea_id: i64, limit: u32) -> crate::store::StoreResult<Vec<(i64, String)>> {
                sqlx::query_as(
                    "SELECT u.id, u.display_name FROM votes v JOIN users u ON u.id = v.user_id
                     WHERE v.idea_id = $1 AND u.deleted_at IS NULL
                     ORDER BY v.created_at DESC, u.id DESC LIMIT $2",
                )
                .bind(idea_id)
                .bind(i64::from(limit))
                .fetch_all(&self.reader)
                .await
            }
        }
    };
}
for_each_backend!(vote_store);

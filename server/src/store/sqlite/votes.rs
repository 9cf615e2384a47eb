use super::{insert_event, SqliteStore};
use crate::store::{StoreResult, VoteStore};
use async_trait::async_trait;
use schwarm_wire::VoteState;
use serde_json::json;

#[async_trait]
impl VoteStore for SqliteStore {
    async fn set_vote(&self, idea_id: i64, user_id: i64, on: bool, now: i64) -> StoreResult<Option<VoteState>> {
        let mut tx = self.write().await?;
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM ideas WHERE id = ?")
            .bind(idea_id)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_none() {
            return Ok(None);
        }
        // The primary key (idea_id, user_id) decides whether anything
        // changed; the counter moves only when a row did.
        let changed = if on {
            sqlx::query("INSERT INTO votes (idea_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .bind(idea_id)
                .bind(user_id)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected()
        } else {
            sqlx::query("DELETE FROM votes WHERE idea_id = ? AND user_id = ?")
                .bind(idea_id)
                .bind(user_id)
                .execute(&mut *tx)
                .await?
                .rows_affected()
        };
        if changed == 1 {
            let delta = if on { 1 } else { -1 };
            sqlx::query("UPDATE ideas SET vote_count = vote_count + ? WHERE id = ?")
                .bind(delta)
                .bind(idea_id)
                .execute(&mut *tx)
                .await?;
        }
        let vote_count: i64 = sqlx::query_scalar("SELECT vote_count FROM ideas WHERE id = ?")
            .bind(idea_id)
            .fetch_one(&mut *tx)
            .await?;
        if changed == 1 {
            let kind = if on { "vote.cast" } else { "vote.withdrawn" };
            let payload = json!({ "idea_id": idea_id, "vote_count": vote_count });
            insert_event(&mut tx, kind, idea_id, user_id, payload, now).await?;
        }
        tx.commit().await?;
        Ok(Some(VoteState { vote_count, voted: on }))
    }
}

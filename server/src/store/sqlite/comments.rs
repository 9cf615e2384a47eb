use super::{insert_event, SqliteStore};
use crate::store::{CommentInsert, CommentRow, CommentStore, Rendered, StoreResult};
use async_trait::async_trait;
use serde_json::json;

/// Only what every visitor may see; internal notes and hidden comments
/// (product-manager features) never leave through these queries.
const COMMENT_SELECT: &str = "SELECT c.id, c.idea_id, c.parent_id, c.author_id, u.display_name AS author_name,
        c.body_md, COALESCE(c.body_html, '') AS body_html, c.created_at, c.updated_at
    FROM comments c JOIN users u ON u.id = c.author_id";
const VISIBLE: &str = "c.internal = 0 AND c.hidden = 0";

#[async_trait]
impl CommentStore for SqliteStore {
    async fn insert_comment(
        &self,
        idea_id: i64,
        parent_id: Option<i64>,
        author_id: i64,
        body: &Rendered,
        now: i64,
    ) -> StoreResult<CommentInsert> {
        let mut tx = self.write().await?;
        let idea: Option<i64> = sqlx::query_scalar("SELECT id FROM ideas WHERE id = ?")
            .bind(idea_id)
            .fetch_optional(&mut *tx)
            .await?;
        if idea.is_none() {
            return Ok(CommentInsert::NoSuchIdea);
        }
        if let Some(parent) = parent_id {
            // One level of replies: the parent is a visible top-level comment of this idea.
            let ok: Option<i64> = sqlx::query_scalar(&format!(
                "SELECT c.id FROM comments c WHERE c.id = ? AND c.idea_id = ? AND c.parent_id IS NULL AND {VISIBLE}"
            ))
            .bind(parent)
            .bind(idea_id)
            .fetch_optional(&mut *tx)
            .await?;
            if ok.is_none() {
                return Ok(CommentInsert::BadParent);
            }
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO comments (idea_id, parent_id, author_id, body_md, body_html, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(idea_id)
        .bind(parent_id)
        .bind(author_id)
        .bind(&body.md)
        .bind(&body.html)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("UPDATE ideas SET comment_count = comment_count + 1 WHERE id = ?")
            .bind(idea_id)
            .execute(&mut *tx)
            .await?;
        let payload = json!({ "idea_id": idea_id, "comment_id": id, "parent_id": parent_id });
        insert_event(&mut tx, "comment.created", idea_id, author_id, payload, now).await?;
        tx.commit().await?;
        Ok(CommentInsert::Created(id))
    }

    async fn comment(&self, id: i64) -> StoreResult<Option<CommentRow>> {
        sqlx::query_as(&format!("{COMMENT_SELECT} WHERE c.id = ? AND {VISIBLE}"))
            .bind(id)
            .fetch_optional(&self.reader)
            .await
    }

    async fn comments(&self, idea_id: i64, after_id: i64, limit: u32) -> StoreResult<Vec<CommentRow>> {
        sqlx::query_as(&format!(
            "{COMMENT_SELECT} WHERE c.idea_id = ? AND c.id > ? AND {VISIBLE} ORDER BY c.id LIMIT ?"
        ))
        .bind(idea_id)
        .bind(after_id)
        .bind(i64::from(limit))
        .fetch_all(&self.reader)
        .await
    }

    async fn update_comment(&self, id: i64, actor_id: i64, body: &Rendered, now: i64) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let idea_id: i64 = sqlx::query_scalar(
            "UPDATE comments SET body_md = ?, body_html = ?, updated_at = ? WHERE id = ? RETURNING idea_id",
        )
        .bind(&body.md)
        .bind(&body.html)
        .bind(now)
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        let payload = json!({ "idea_id": idea_id, "comment_id": id });
        insert_event(&mut tx, "comment.updated", idea_id, actor_id, payload, now).await?;
        tx.commit().await
    }

    async fn delete_comment(&self, id: i64, actor_id: i64, now: i64) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let Some(idea_id) = sqlx::query_scalar::<_, i64>("SELECT idea_id FROM comments WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Ok(());
        };
        // Counted before deleting: only visible comments are in the counter.
        let visible: i64 = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM comments c WHERE (c.id = ? OR c.parent_id = ?) AND {VISIBLE}"
        ))
        .bind(id)
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM comments WHERE parent_id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM comments WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE ideas SET comment_count = comment_count - ? WHERE id = ?")
            .bind(visible)
            .bind(idea_id)
            .execute(&mut *tx)
            .await?;
        let payload = json!({ "idea_id": idea_id, "comment_id": id, "removed": visible });
        insert_event(&mut tx, "comment.deleted", idea_id, actor_id, payload, now).await?;
        tx.commit().await
    }
}

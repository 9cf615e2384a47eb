use super::{insert_event, SqliteStore};
use crate::store::{IdeaQuery, IdeaRow, IdeaStore, Rendered, StoreResult};
use async_trait::async_trait;
use schwarm_wire::Sort;
use serde_json::json;
use sqlx::QueryBuilder;

/// The columns of `IdeaRow`; `voted` needs the viewer bound first.
const IDEA_SELECT: &str =
    "SELECT i.id, i.title, i.body_md, COALESCE(i.body_html, '') AS body_html, i.status, i.vote_count, i.comment_count,
        i.created_at, i.author_id, u.display_name AS author_name,
        EXISTS (SELECT 1 FROM votes v WHERE v.idea_id = i.id AND v.user_id = ";
const IDEA_FROM: &str = ") AS voted FROM ideas i JOIN users u ON u.id = i.author_id";

#[async_trait]
impl IdeaStore for SqliteStore {
    async fn insert_idea(&self, author_id: i64, title: &str, body: &Rendered, now: i64) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO ideas (author_id, title, body_md, body_html, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(author_id)
        .bind(title)
        .bind(&body.md)
        .bind(&body.html)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        insert_event(&mut tx, "idea.created", id, author_id, json!({ "idea_id": id }), now).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn idea(&self, id: i64, viewer: Option<i64>) -> StoreResult<Option<IdeaRow>> {
        let mut q = QueryBuilder::new(IDEA_SELECT);
        q.push_bind(viewer).push(IDEA_FROM).push(" WHERE i.id = ").push_bind(id);
        q.build_query_as().fetch_optional(&self.reader).await
    }

    async fn ideas(&self, query: &IdeaQuery) -> StoreResult<Vec<IdeaRow>> {
        let key = match query.sort {
            Sort::New => "i.created_at",
            Sort::Top => "i.vote_count",
        };
        let mut q = QueryBuilder::new(IDEA_SELECT);
        q.push_bind(query.viewer).push(IDEA_FROM);
        if let Some((after_key, after_id)) = query.after {
            // Row-value comparison walks the (key DESC, id DESC) index.
            q.push(format_args!(" WHERE ({key}, i.id) < ("))
                .push_bind(after_key)
                .push(", ")
                .push_bind(after_id)
                .push(")");
        }
        q.push(format_args!(" ORDER BY {key} DESC, i.id DESC LIMIT "))
            .push_bind(i64::from(query.limit));
        q.build_query_as().fetch_all(&self.reader).await
    }

    async fn set_status(&self, idea_id: i64, status: &str, actor_id: i64, now: i64) -> StoreResult<()> {
        let mut tx = self.write().await?;
        sqlx::query("UPDATE ideas SET status = ?, updated_at = ? WHERE id = ?")
            .bind(status)
            .bind(now)
            .bind(idea_id)
            .execute(&mut *tx)
            .await?;
        let payload = json!({ "idea_id": idea_id, "status": status });
        insert_event(&mut tx, "idea.status_changed", idea_id, actor_id, payload, now).await?;
        tx.commit().await
    }
}

/// Only what every visitor may see; internal notes and hidden comments
/// (product-manager features) never leave through these queries.
pub(super) const COMMENT_SELECT: &str =
    "SELECT c.id, c.idea_id, c.parent_id, c.author_id, u.display_name AS author_name,
        c.body_md, COALESCE(c.body_html, '') AS body_html, c.created_at, c.updated_at, c.internal, c.moved_from, c.hidden
    FROM comments c JOIN users u ON u.id = c.author_id";

/// The outbox visibility of events about a comment: internal notes' events
/// reach product managers only.
pub(super) fn visibility(internal: bool) -> &'static str {
    if internal {
        "pm"
    } else {
        "public"
    }
}

macro_rules! comment_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::CommentStore for $store {
            async fn insert_comment(
                &self,
                idea_id: i64,
                parent_id: Option<i64>,
                author_id: i64,
                body: &crate::store::Rendered,
                internal: bool,
                now: i64,
            ) -> crate::store::StoreResult<crate::store::CommentInsert> {
                use crate::store::CommentInsert;
                let mut tx = self.write().await?;
                let score: Option<f64> = sqlx::query_scalar(concat!("SELECT trend FROM ideas WHERE id = $1 AND merged_into IS NULL", $lock))
                    .bind(idea_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some(score) = score else {
                    return Ok(CommentInsert::NoSuchIdea);
                };
                // Internal notes stand alone: no replies to or from them.
                if internal && parent_id.is_some() {
                    return Ok(CommentInsert::BadParent);
                }
                if let Some(parent) = parent_id {
                    // One level of replies: the parent is a visible top-level
                    // comment of this idea.
                    let ok: Option<i64> = sqlx::query_scalar(
                        "SELECT c.id FROM comments c WHERE c.id = $1 AND c.idea_id = $2 AND c.parent_id IS NULL
                           AND NOT c.internal AND NOT c.hidden",
                    )
                    .bind(parent)
                    .bind(idea_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if ok.is_none() {
                        return Ok(CommentInsert::BadParent);
                    }
                }
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO comments (idea_id, parent_id, author_id, body_md, body_html, internal, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                )
                .bind(idea_id)
                .bind(parent_id)
                .bind(author_id)
                .bind(&body.md)
                .bind(&body.html)
                .bind(internal)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                // The public counter and trend know nothing of internal notes.
                if !internal {
                    sqlx::query("UPDATE ideas SET comment_count = comment_count + 1, trend = $1 WHERE id = $2")
                        .bind(crate::domain::trend::add(score, now, crate::domain::trend::COMMENT))
                        .bind(idea_id)
                        .execute(&mut *tx)
                        .await?;
                    follow!(tx, idea_id, author_id, now)?;
                }
                let payload = serde_json::json!({ "idea_id": idea_id, "comment_id": id, "parent_id": parent_id });
                let visibility = super::comments::visibility(internal);
                insert_event!(tx, "comment.created", idea_id, author_id, payload, now, visibility)?;
                tx.commit().await?;
                Ok(CommentInsert::Created(id))
            }

            async fn comment(
                &self,
                id: i64,
                with_internal: bool,
            ) -> crate::store::StoreResult<Option<crate::store::CommentRow>> {
                sqlx::query_as(&format!(
                    "{} WHERE c.id = $1 AND ($2 OR (NOT c.internal AND NOT c.hidden))",
                    super::comments::COMMENT_SELECT
                ))
                .bind(id)
                .bind(with_internal)
                .fetch_optional(&self.reader)
                .await
            }

            async fn comments_by(
                &self,
                author_id: i64,
                before: i64,
                limit: u32,
            ) -> crate::store::StoreResult<Vec<crate::store::CommentRow>> {
                sqlx::query_as(&format!(
                    "{} WHERE c.author_id = $1 AND c.id < $2 AND NOT c.internal AND NOT c.hidden ORDER BY c.id DESC LIMIT $3",
                    super::comments::COMMENT_SELECT
                ))
                .bind(author_id)
                .bind(before)
                .bind(i64::from(limit))
                .fetch_all(&self.reader)
                .await
            }

            async fn comments(
                &self,
                idea_id: i64,
                after_id: i64,
                limit: u32,
                with_internal: bool,
            ) -> crate::store::StoreResult<Vec<crate::store::CommentRow>> {
                sqlx::query_as(&format!(
                    "{} WHERE c.idea_id = $1 AND c.id > $2 AND ($4 OR (NOT c.internal AND NOT c.hidden))
                     ORDER BY c.id LIMIT $3",
                    super::comments::COMMENT_SELECT
                ))
                .bind(idea_id)
                .bind(after_id)
                .bind(i64::from(limit))
                .bind(with_internal)
                .fetch_all(&self.reader)
                .await
            }

            async fn update_comment(
                &self,
                id: i64,
                actor_id: i64,
                body: &crate::store::Rendered,
                now: i64,
            ) -> crate::store::StoreResult<()> {
                let mut tx = self.write().await?;
                let (idea_id, internal): (i64, bool) = sqlx::query_as(
                    "UPDATE comments SET body_md = $1, body_html = $2, updated_at = $3 WHERE id = $4
                     RETURNING idea_id, internal",
                )
                .bind(&body.md)
                .bind(&body.html)
                .bind(now)
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
                let payload = serde_json::json!({ "idea_id": idea_id, "comment_id": id });
                let visibility = super::comments::visibility(internal);
                insert_event!(tx, "comment.updated", idea_id, actor_id, payload, now, visibility)?;
                tx.commit().await
            }

            async fn delete_comment(&self, id: i64, actor_id: i64, now: i64) -> crate::store::StoreResult<()> {
                let mut tx = self.write().await?;
                let found: Option<(i64, bool)> = sqlx::query_as("SELECT idea_id, internal FROM comments WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some((idea_id, internal)) = found else {
                    return Ok(());
                };
                let (score, created_at): (f64, i64) =
                    sqlx::query_as(concat!("SELECT trend, created_at FROM ideas WHERE id = $1", $lock))
                        .bind(idea_id)
                        .fetch_one(&mut *tx)
                        .await?;
                // Counted before deleting: only visible comments are in the counter.
                let visible: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM comments c WHERE (c.id = $1 OR c.parent_id = $1)
                       AND NOT c.internal AND NOT c.hidden",
                )
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
                let mut removed: Vec<i64> =
                    sqlx::query_scalar("DELETE FROM comments WHERE parent_id = $1 RETURNING created_at")
                        .bind(id)
                        .fetch_all(&mut *tx)
                        .await?;
                removed.extend(
                    sqlx::query_scalar::<_, i64>("DELETE FROM comments WHERE id = $1 RETURNING created_at")
                        .bind(id)
                        .fetch_all(&mut *tx)
                        .await?,
                );
                // Internal notes never added to the trend.
                let removed = if internal { Vec::new() } else { removed };
                let score = removed.iter().fold(score, |s, &at| {
                    crate::domain::trend::remove(s, at, crate::domain::trend::COMMENT, created_at)
                });
                sqlx::query("UPDATE ideas SET comment_count = comment_count - $1, trend = $2 WHERE id = $3")
                    .bind(visible)
                    .bind(score)
                    .bind(idea_id)
                    .execute(&mut *tx)
                    .await?;
                let payload = serde_json::json!({ "idea_id": idea_id, "comment_id": id, "removed": visible });
                let visibility = super::comments::visibility(internal);
                insert_event!(tx, "comment.deleted", idea_id, actor_id, payload, now, visibility)?;
                tx.commit().await
            }
        }
    };
}
for_each_backend!(comment_store);

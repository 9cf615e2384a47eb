/// The columns of `IdeaRow`; `voted` needs the viewer bound first.
pub(super) const IDEA_SELECT: &str =
    "SELECT i.id, i.title, i.body_md, COALESCE(i.body_html, '') AS body_html, i.status, i.vote_count,
        i.comment_count, i.created_at, i.author_id, u.display_name AS author_name,
        i.triaged_at IS NOT NULL AS triaged, i.trend,
        EXISTS (SELECT 1 FROM votes v WHERE v.idea_id = i.id AND v.user_id = ";
/// Then the viewer again, and `) AS following`.
pub(super) const FOLLOWING: &str = "EXISTS (SELECT 1 FROM follows f WHERE f.idea_id = i.id AND f.user_id = ";
pub(super) const IDEA_FROM: &str = " FROM ideas i JOIN users u ON u.id = i.author_id";

macro_rules! idea_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::IdeaStore for $store {
            async fn insert_idea(
                &self,
                author_id: i64,
                title: &str,
                body: &crate::store::Rendered,
                now: i64,
            ) -> crate::store::StoreResult<i64> {
                let mut tx = self.write().await?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO ideas (author_id, title, body_md, body_html, created_at, updated_at, trend)
                     VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING id",
                )
                .bind(author_id)
                .bind(title)
                .bind(&body.md)
                .bind(&body.html)
                .bind(now)
                .bind(crate::domain::trend::initial(now))
                .fetch_one(&mut *tx)
                .await?;
                follow!(tx, id, author_id, now)?;
                let payload = serde_json::json!({ "idea_id": id });
                insert_event!(tx, "idea.created", id, author_id, payload, now)?;
                tx.commit().await?;
                Ok(id)
            }

            async fn idea(&self, id: i64, viewer: Option<i64>) -> crate::store::StoreResult<Option<crate::store::IdeaRow>> {
                let mut q = sqlx::QueryBuilder::<$db>::new(super::ideas::IDEA_SELECT);
                q.push_bind(viewer).push(") AS voted, ").push(super::ideas::FOLLOWING).push_bind(viewer);
                q.push(") AS following").push(super::ideas::IDEA_FROM).push(" WHERE i.id = ").push_bind(id);
                q.build_query_as().fetch_optional(&self.reader).await
            }

            async fn ideas(&self, query: &crate::store::IdeaQuery) -> crate::store::StoreResult<Vec<crate::store::IdeaRow>> {
                use schwarm_wire::Sort;
                let key = match query.sort {
                    Sort::New => "r.created_at",
                    Sort::Top => "r.vote_count",
                    Sort::Trending => "r.trend",
                    Sort::Discussed => "r.comment_count",
                    Sort::Relevance => "r.relevance",
                };
                // The inner query filters; the outer one (flattened by both
                // planners) pages over the sort key, which may be the
                // computed relevance.
                let mut q = sqlx::QueryBuilder::<$db>::new("SELECT * FROM (");
                q.push(super::ideas::IDEA_SELECT).push_bind(query.viewer).push(") AS voted, ");
                q.push(super::ideas::FOLLOWING).push_bind(query.viewer).push(") AS following, ");
                match &query.search {
                    Some(search) => <$store>::push_relevance(&mut q, search),
                    None => {
                        q.push("CAST(0 AS DOUBLE PRECISION)");
                    }
                }
                q.push(" AS relevance").push(super::ideas::IDEA_FROM);
                if query.search.is_some() {
                    <$store>::push_search_join(&mut q);
                }
                q.push(" WHERE TRUE");
                if let Some(search) = &query.search {
                    <$store>::push_search_match(&mut q, search);
                }
                if let Some(status) = &query.status {
                    q.push(" AND i.status = ").push_bind(status.clone());
                }
                if let Some(author) = query.author {
                    q.push(" AND i.author_id = ").push_bind(author);
                }
                if let Some(voter) = query.voter {
                    q.push(" AND EXISTS (SELECT 1 FROM votes mv WHERE mv.idea_id = i.id AND mv.user_id = ")
                        .push_bind(voter)
                        .push(")");
                }
                q.push(") r WHERE TRUE");
                if let Some((after_key, after_id)) = query.after {
                    // Row-value comparison walks the (key DESC, id DESC) index.
                    q.push(format_args!(" AND ({key}, r.id) < ("));
                    match query.sort {
                        Sort::Trending | Sort::Relevance => q.push_bind(f64::from_bits(after_key as u64)),
                        _ => q.push_bind(after_key),
                    };
                    q.push(", ").push_bind(after_id).push(")");
                }
                q.push(format_args!(" ORDER BY {key} DESC, r.id DESC LIMIT "))
                    .push_bind(i64::from(query.limit));
                q.build_query_as().fetch_all(&self.reader).await
            }

            async fn update_idea(
                &self,
                id: i64,
                actor_id: i64,
                title: Option<&str>,
                body: Option<&crate::store::Rendered>,
                now: i64,
            ) -> crate::store::StoreResult<()> {
                let mut tx = self.write().await?;
                sqlx::query(
                    "UPDATE ideas SET title = COALESCE($1, title), body_md = COALESCE($2, body_md),
                        body_html = COALESCE($3, body_html), updated_at = $4 WHERE id = $5",
                )
                .bind(title)
                .bind(body.map(|b| b.md.as_str()))
                .bind(body.map(|b| b.html.as_str()))
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                let payload = serde_json::json!({ "idea_id": id });
                insert_event!(tx, "idea.updated", id, actor_id, payload, now)?;
                tx.commit().await
            }

            async fn delete_idea(&self, id: i64, actor_id: i64, now: i64) -> crate::store::StoreResult<()> {
                let mut tx = self.write().await?;
                // Replies first: they point at their parents in the same table.
                sqlx::query("DELETE FROM comments WHERE idea_id = $1 AND parent_id IS NOT NULL")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM comments WHERE idea_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM votes WHERE idea_id = $1").bind(id).execute(&mut *tx).await?;
                sqlx::query("DELETE FROM ideas WHERE id = $1").bind(id).execute(&mut *tx).await?;
                let payload = serde_json::json!({ "idea_id": id });
                insert_event!(tx, "idea.deleted", id, actor_id, payload, now)?;
                tx.commit().await
            }

            async fn set_status(&self, idea_id: i64, status: &str, actor_id: i64, now: i64) -> crate::store::StoreResult<()> {
                let mut tx = self.write().await?;
                sqlx::query(
                    "UPDATE ideas SET status = $1, updated_at = $2, triaged_at = COALESCE(triaged_at, $2) WHERE id = $3",
                )
                    .bind(status)
                    .bind(now)
                    .bind(idea_id)
                    .execute(&mut *tx)
                    .await?;
                let payload = serde_json::json!({ "idea_id": idea_id, "status": status });
                insert_event!(tx, "idea.status_changed", idea_id, actor_id, payload, now)?;
                tx.commit().await
            }
        }
    };
}
for_each_backend!(idea_store);

use super::idea_columns::{FOLLOWING, IDEA_FROM, IDEA_SELECT};

/// The priority score (`schwarm_wire::triage::priority`) over the outer row.
const PRIORITY: &str = "((r.vote_count + 1) * CAST(COALESCE(r.impact, 3) AS DOUBLE PRECISION) / COALESCE(r.effort, 3))";

macro_rules! idea_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::IdeaStore for $store {
            async fn insert_idea(&self, new: crate::store::NewIdeaRow<'_>, now: i64) -> crate::store::StoreResult<i64> {
                let mut tx = self.write().await?;
                let author_id = new.author_id;
                let (id, approved): (i64, bool) = sqlx::query_as(
                    // A member's ideas wait for approval on a board that asks
                    // for it, until one of theirs has been approved.
                    "INSERT INTO ideas (author_id, board_id, title, body_md, body_html, created_at, updated_at, trend, approved)
                     VALUES ($1, $2, $3, $4, $5, $6, $6, $7,
                        (SELECT NOT b.approval_required OR u.role <> 'member'
                                OR EXISTS (SELECT 1 FROM ideas x WHERE x.author_id = u.id AND x.approved)
                         FROM boards b, users u WHERE b.id = $2 AND u.id = $1))
                     RETURNING id, approved",
                )
                .bind(author_id)
                .bind(new.board_id)
                .bind(new.title)
                .bind(&new.body.md)
                .bind(&new.body.html)
                .bind(now)
                .bind(crate::domain::trend::initial(now))
                .fetch_one(&mut *tx)
                .await?;
                for tag_id in new.tag_ids {
                    sqlx::query("INSERT INTO idea_tags (idea_id, tag_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                        .bind(id)
                        .bind(*tag_id)
                        .execute(&mut *tx)
                        .await?;
                }
                follow!(tx, id, author_id, now)?;
                let payload = serde_json::json!({ "idea_id": id });
                // An idea waiting for approval is news for the team only; its
                // approval announces it (see `moderate_idea`).
                let visibility = if approved { "public" } else { "pm" };
                insert_event!(tx, "idea.created", id, author_id, payload, now, visibility)?;
                tx.commit().await?;
                Ok(id)
            }

            async fn idea(&self, id: i64, viewer: Option<i64>) -> crate::store::StoreResult<Option<crate::store::IdeaRow>> {
                self.find_idea(id, viewer).await
            }

            async fn ideas(&self, query: &crate::store::IdeaQuery) -> crate::store::StoreResult<Vec<crate::store::IdeaRow>> {
                // A first page of results may come from the best matches
                // alone (see `SEARCH_CANDIDATES`); if they do not fill it,
                // the filters left out too many and the full query decides.
                let candidates = <$store>::SEARCH_CANDIDATES
                    .filter(|_| query.search.is_some() && query.after.is_none())
                    .map(|per_result| (per_result * query.limit).max(100));
                if candidates.is_some() {
                    let rows = self.ideas_among(query, candidates).await?;
                    if rows.len() >= query.limit as usize {
                        return Ok(rows);
                    }
                }
                self.ideas_among(query, None).await
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

            async fn set_status(
                &self,
                idea_id: i64,
                status: &str,
                response: Option<&crate::store::Rendered>,
                actor_id: i64,
                now: i64,
            ) -> crate::store::StoreResult<bool> {
                let mut tx = self.write().await?;
                let changed = sqlx::query(
                    "UPDATE ideas SET status = $1, updated_at = $2, triaged_at = COALESCE(triaged_at, $2) WHERE id = $3",
                )
                .bind(status)
                .bind(now)
                .bind(idea_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if changed == 0 {
                    return Ok(false);
                }
                if let Some(response) = response {
                    sqlx::query(
                        "UPDATE ideas SET status_response_md = $1, status_response_html = $2,
                            status_response_by = $3, status_response_at = $4 WHERE id = $5",
                    )
                    .bind(&response.md)
                    .bind(&response.html)
                    .bind(actor_id)
                    .bind(now)
                    .bind(idea_id)
                    .execute(&mut *tx)
                    .await?;
                }
                let payload = serde_json::json!({
                    "idea_id": idea_id,
                    "status": status,
                    "response": response.map(|r| r.md.as_str()),
                });
                insert_event!(tx, "idea.status_changed", idea_id, actor_id, payload, now)?;
                tx.commit().await?;
                Ok(true)
            }
        }
    };
}
for_each_backend!(idea_store);

macro_rules! attach_tags {
    ($store:ty, $db:ty, $lock:literal) => {
        impl $store {
            /// The page of `query`, searching among the best `candidates`
            /// matches only, if given (see `SEARCH_CANDIDATES`).
            async fn ideas_among(
                &self,
                query: &crate::store::IdeaQuery,
                candidates: Option<u32>,
            ) -> crate::store::StoreResult<Vec<crate::store::IdeaRow>> {
                use crate::store::TriageOrder;
                use schwarm_wire::Sort;
                let order = query.triage.map_or(TriageOrder::Public, |t| t.order);
                let key = match (order, query.sort) {
                    // Oldest first is the negated creation time, descending.
                    (TriageOrder::Oldest, _) => "(-r.created_at)",
                    (TriageOrder::Priority, _) => PRIORITY,
                    (TriageOrder::Public, Sort::New) => "r.created_at",
                    (TriageOrder::Public, Sort::Top) => "r.vote_count",
                    (TriageOrder::Public, Sort::Trending) => "r.trend",
                    (TriageOrder::Public, Sort::Discussed) => "r.comment_count",
                    (TriageOrder::Public, Sort::Relevance) => "r.relevance",
                };
                let float_key = order == TriageOrder::Priority
                    || (order == TriageOrder::Public && matches!(query.sort, Sort::Trending | Sort::Relevance));
                // The inner query filters; the outer one (flattened by both
                // planners) pages over the sort key, which may be the
                // computed relevance.
                let mut q = sqlx::QueryBuilder::<$db>::new("SELECT * FROM (");
                q.push(IDEA_SELECT).push_bind(query.viewer).push(") AS voted, ");
                q.push(FOLLOWING).push_bind(query.viewer).push(") AS following, ");
                match &query.search {
                    Some(search) => <$store>::push_relevance(&mut q, search, candidates),
                    None => {
                        q.push("CAST(0 AS DOUBLE PRECISION)");
                    }
                }
                q.push(" AS relevance").push(IDEA_FROM);
                if let Some(search) = &query.search {
                    <$store>::push_search_join(&mut q, search, candidates);
                }
                // A merged idea lives on in its target.
                q.push(" WHERE i.merged_into IS NULL");
                use crate::store::TriageQueue;
                match query.triage.map(|t| t.queue) {
                    // Everybody else sees visible ideas, and their own
                    // waiting for approval.
                    None => {
                        q.push(" AND i.hidden_at IS NULL AND (i.approved OR i.author_id = ")
                            .push_bind(query.viewer)
                            .push(")");
                    }
                    Some(TriageQueue::Inbox) => {
                        q.push(" AND i.triaged_at IS NULL AND i.hidden_at IS NULL AND i.approved");
                    }
                    Some(TriageQueue::All) => {}
                    Some(TriageQueue::Pending) => {
                        q.push(" AND NOT i.approved AND i.hidden_at IS NULL");
                    }
                    Some(TriageQueue::Hidden) => {
                        q.push(" AND i.hidden_at IS NOT NULL");
                    }
                }
                if let Some(search) = &query.search {
                    <$store>::push_search_match(&mut q, search, candidates);
                }
                if let Some(status) = &query.status {
                    q.push(" AND i.status = ").push_bind(status.clone());
                }
                if let Some(board) = &query.board {
                    q.push(" AND b.slug = ").push_bind(board.clone());
                }
                if let Some(tag) = &query.tag {
                    q.push(" AND EXISTS (SELECT 1 FROM idea_tags it JOIN tags t ON t.id = it.tag_id")
                        .push(" WHERE it.idea_id = i.id AND t.name = ")
                        .push_bind(tag.clone())
                        .push(")");
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
                    match float_key {
                        true => q.push_bind(f64::from_bits(after_key as u64)),
                        false => q.push_bind(after_key),
                    };
                    q.push(", ").push_bind(after_id).push(")");
                }
                q.push(format_args!(" ORDER BY {key} DESC, r.id DESC LIMIT "))
                    .push_bind(i64::from(query.limit));
                let mut rows = q.build_query_as().fetch_all(&self.reader).await?;
                self.attach_tags(&mut rows).await?;
                Ok(rows)
            }

            /// Fills in the tags of a page of ideas with one query.
            pub(in crate::store) async fn attach_tags(&self, rows: &mut [crate::store::IdeaRow]) -> crate::store::StoreResult<()> {
                if rows.is_empty() {
                    return Ok(());
                }
                let mut q = sqlx::QueryBuilder::<$db>::new(
                    "SELECT it.idea_id, t.name, t.colour FROM idea_tags it JOIN tags t ON t.id = it.tag_id WHERE it.idea_id IN (",
                );
                let mut ids = q.separated(", ");
                for row in rows.iter() {
                    ids.push_bind(row.id);
                }
                q.push(") ORDER BY t.name");
                let tags: Vec<(i64, String, String)> = q.build_query_as().fetch_all(&self.reader).await?;
                for row in rows.iter_mut() {
                    row.tags = tags.iter().filter(|t| t.0 == row.id).map(|t| (t.1.clone(), t.2.clone())).collect();
                }
                Ok(())
            }
        }
    };
}
for_each_backend!(attach_tags);

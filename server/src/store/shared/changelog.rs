pub(super) const CHANGELOG_SELECT: &str =
    "SELECT id, title, body_md, body_html, published_at, created_at, updated_at FROM changelog_entries";

macro_rules! changelog_store {
    ($store:ty, $db:ty, $lock:literal) => {
        impl $store {
            async fn attach_changelog_ideas(
                &self,
                rows: &mut [crate::store::ChangelogRow],
            ) -> crate::store::StoreResult<()> {
                if rows.is_empty() {
                    return Ok(());
                }
                let mut q = sqlx::QueryBuilder::<$db>::new(
                    "SELECT ci.entry_id, i.id, i.title FROM changelog_ideas ci JOIN ideas i ON i.id = ci.idea_id
                     WHERE i.hidden_at IS NULL AND i.approved AND ci.entry_id IN (",
                );
                let mut list = q.separated(", ");
                for row in rows.iter() {
                    list.push_bind(row.id);
                }
                q.push(") ORDER BY i.id");
                let links: Vec<(i64, i64, String)> = q.build_query_as().fetch_all(&self.reader).await?;
                for row in rows.iter_mut() {
                    row.ideas = links
                        .iter()
                        .filter(|l| l.0 == row.id)
                        .map(|l| (l.1, l.2.clone()))
                        .collect();
                }
                Ok(())
            }
        }

        #[async_trait::async_trait]
        impl crate::store::ChangelogStore for $store {
            async fn changelog(
                &self,
                drafts: bool,
                before: Option<(i64, i64)>,
                limit: u32,
            ) -> crate::store::StoreResult<Vec<crate::store::ChangelogRow>> {
                let mut q = sqlx::QueryBuilder::<$db>::new(super::changelog::CHANGELOG_SELECT);
                if drafts {
                    q.push(" ORDER BY published_at IS NOT NULL, published_at DESC, id DESC");
                } else {
                    q.push(" WHERE published_at IS NOT NULL");
                    if let Some((at, id)) = before {
                        q.push(" AND (published_at, id) < (").push_bind(at).push(", ").push_bind(id).push(")");
                    }
                    q.push(" ORDER BY published_at DESC, id DESC");
                }
                q.push(" LIMIT ").push_bind(i64::from(limit));
                let mut rows: Vec<crate::store::ChangelogRow> = q.build_query_as().fetch_all(&self.reader).await?;
                self.attach_changelog_ideas(&mut rows).await?;
                Ok(rows)
            }

            async fn changelog_entry(&self, id: i64) -> crate::store::StoreResult<Option<crate::store::ChangelogRow>> {
                let row: Option<crate::store::ChangelogRow> =
                    sqlx::query_as(&format!("{} WHERE id = $1", super::changelog::CHANGELOG_SELECT))
                        .bind(id)
                        .fetch_optional(&self.reader)
                        .await?;
                let mut rows: Vec<_> = row.into_iter().collect();
                self.attach_changelog_ideas(&mut rows).await?;
                Ok(rows.pop())
            }

            async fn save_changelog(
                &self,
                id: Option<i64>,
                entry: crate::store::ChangelogSave<'_>,
                actor_id: i64,
                now: i64,
            ) -> crate::store::StoreResult<Option<i64>> {
                let mut tx = self.write().await?;
                let (id, was_published) = match id {
                    None => {
                        let id: i64 = sqlx::query_scalar(
                            "INSERT INTO changelog_entries (title, body_md, body_html, author_id, created_at, updated_at)
                             VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
                        )
                        .bind(entry.title)
                        .bind(&entry.body.md)
                        .bind(&entry.body.html)
                        .bind(actor_id)
                        .bind(now)
                        .fetch_one(&mut *tx)
                        .await?;
                        (id, false)
                    }
                    Some(id) => {
                        let found: Option<Option<i64>> = sqlx::query_scalar(concat!(
                            "SELECT published_at FROM changelog_entries WHERE id = $1",
                            $lock
                        ))
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await?;
                        let Some(published_at) = found else { return Ok(None) };
                        sqlx::query(
                            "UPDATE changelog_entries SET title = $1, body_md = $2, body_html = $3, updated_at = $4
                             WHERE id = $5",
                        )
                        .bind(entry.title)
                        .bind(&entry.body.md)
                        .bind(&entry.body.html)
                        .bind(now)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                        sqlx::query("DELETE FROM changelog_ideas WHERE entry_id = $1")
                            .bind(id)
                            .execute(&mut *tx)
                            .await?;
                        (id, published_at.is_some())
                    }
                };
                for idea in entry.idea_ids {
                    sqlx::query(
                        "INSERT INTO changelog_ideas (entry_id, idea_id) SELECT $1, id FROM ideas WHERE id = $2
                         ON CONFLICT DO NOTHING",
                    )
                    .bind(id)
                    .bind(*idea)
                    .execute(&mut *tx)
                    .await?;
                }
                if entry.publish && !was_published {
                    sqlx::query("UPDATE changelog_entries SET published_at = $1 WHERE id = $2")
                        .bind(now)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    let linked: Vec<i64> =
                        sqlx::query_scalar("SELECT idea_id FROM changelog_ideas WHERE entry_id = $1 ORDER BY idea_id")
                            .bind(id)
                            .fetch_all(&mut *tx)
                            .await?;
                    // One event for the entry: the notifications worker tells
                    // each follower of any linked idea once.
                    if let Some(first) = linked.first().copied() {
                        let payload = serde_json::json!({
                            "idea_id": first, "entry_id": id, "title": entry.title, "idea_ids": linked,
                        });
                        insert_event!(tx, "changelog.published", first, actor_id, payload, now)?;
                    }
                }
                tx.commit().await?;
                Ok(Some(id))
            }

            async fn delete_changelog(&self, id: i64) -> crate::store::StoreResult<bool> {
                let done = sqlx::query("DELETE FROM changelog_entries WHERE id = $1")
                    .bind(id)
                    .execute(&self.writer)
                    .await?;
                Ok(done.rows_affected() == 1)
            }
        }
    };
}
for_each_backend!(changelog_store);

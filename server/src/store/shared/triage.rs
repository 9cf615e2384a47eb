/// The columns of `StatusRow`.
pub(super) const STATUS_SELECT: &str =
    "SELECT key, label_en, label_de, colour, CAST(position AS BIGINT) AS position, on_roadmap, closed
     FROM statuses ORDER BY position, key";

macro_rules! triage_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::TriageStore for $store {
            async fn statuses(&self) -> crate::store::StoreResult<Vec<crate::store::StatusRow>> {
                sqlx::query_as(super::triage::STATUS_SELECT).fetch_all(&self.reader).await
            }

            async fn insert_status(&self, status: &schwarm_wire::StatusInput) -> crate::store::StoreResult<()> {
                sqlx::query(
                    "INSERT INTO statuses (key, label_en, label_de, colour, position, on_roadmap, closed)
                     VALUES ($1, $2, $3, $4, (SELECT COALESCE(MAX(position), -1) + 1 FROM statuses), $5, $6)",
                )
                .bind(&status.key)
                .bind(&status.label_en)
                .bind(&status.label_de)
                .bind(&status.colour)
                .bind(status.on_roadmap)
                .bind(status.closed)
                .execute(&self.writer)
                .await
                .map(|_| ())
            }

            async fn update_status(&self, key: &str, status: &schwarm_wire::StatusInput) -> crate::store::StoreResult<bool> {
                let done = sqlx::query(
                    "UPDATE statuses SET label_en = $1, label_de = $2, colour = $3, on_roadmap = $4, closed = $5
                     WHERE key = $6",
                )
                .bind(&status.label_en)
                .bind(&status.label_de)
                .bind(&status.colour)
                .bind(status.on_roadmap)
                .bind(status.closed)
                .bind(key)
                .execute(&self.writer)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn reorder_statuses(&self, keys: &[String]) -> crate::store::StoreResult<bool> {
                let mut tx = self.write().await?;
                let mut have: Vec<String> = sqlx::query_scalar(concat!("SELECT key FROM statuses", $lock))
                    .fetch_all(&mut *tx)
                    .await?;
                let mut want = keys.to_vec();
                have.sort();
                want.sort();
                if have != want {
                    return Ok(false);
                }
                for (position, key) in keys.iter().enumerate() {
                    sqlx::query("UPDATE statuses SET position = $1 WHERE key = $2")
                        .bind(position as i32)
                        .bind(key)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(true)
            }

            async fn members(
                &self,
                search: Option<&str>,
                limit: u32,
            ) -> crate::store::StoreResult<Vec<crate::store::MemberRow>> {
                let pattern = search.map(|s| {
                    let escaped = s.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
                    format!("%{escaped}%")
                });
                sqlx::query_as(
                    "SELECT id, email, display_name, role, blocked_at IS NOT NULL AS blocked, created_at FROM users
                     WHERE deleted_at IS NULL
                       AND ($1 IS NULL OR email LIKE $1 ESCAPE '\\' OR LOWER(display_name) LIKE $1 ESCAPE '\\')
                     ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'pm' THEN 1 ELSE 2 END, LOWER(display_name), id
                     LIMIT $2",
                )
                .bind(pattern)
                .bind(i64::from(limit))
                .fetch_all(&self.reader)
                .await
            }

            async fn set_role(
                &self,
                user_id: i64,
                role: schwarm_wire::Role,
            ) -> crate::store::StoreResult<crate::store::RoleOutcome> {
                use crate::store::RoleOutcome;
                let mut tx = self.write().await?;
                // Lock the admins first (always in the same order), so two
                // admins demoting each other at once cannot both succeed.
                let admins: Vec<i64> = sqlx::query_scalar(concat!(
                    "SELECT id FROM users WHERE role = 'admin' AND deleted_at IS NULL ORDER BY id",
                    $lock
                ))
                .fetch_all(&mut *tx)
                .await?;
                let current: Option<String> =
                    sqlx::query_scalar(concat!("SELECT role FROM users WHERE id = $1 AND deleted_at IS NULL", $lock))
                        .bind(user_id)
                        .fetch_optional(&mut *tx)
                        .await?;
                let Some(current) = current else {
                    return Ok(RoleOutcome::NoSuchUser);
                };
                if current == "admin" && role != schwarm_wire::Role::Admin && admins.len() <= 1 {
                    return Ok(RoleOutcome::LastAdmin);
                }
                sqlx::query("UPDATE users SET role = $1 WHERE id = $2")
                    .bind(role.as_str())
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(RoleOutcome::Changed)
            }

            async fn merge_idea(
                &self,
                source: i64,
                target: i64,
                actor_id: i64,
                now: i64,
            ) -> crate::store::StoreResult<crate::store::MergeOutcome> {
                use crate::store::MergeOutcome;
                let mut tx = self.write().await?;
                // Both rows locked, lower id first, so crossing merges wait
                // for each other instead of deadlocking.
                let rows: Vec<(i64, Option<i64>, String)> = sqlx::query_as(concat!(
                    "SELECT id, merged_into, title FROM ideas WHERE id IN ($1, $2) ORDER BY id",
                    $lock
                ))
                .bind(source)
                .bind(target)
                .fetch_all(&mut *tx)
                .await?;
                let find = |id: i64| rows.iter().find(|r| r.0 == id);
                let Some(src) = find(source) else {
                    return Ok(MergeOutcome::NoSuchIdea);
                };
                if src.1.is_some() {
                    return Ok(MergeOutcome::WrongState);
                }
                let Some(tgt) = find(target).filter(|t| t.0 != source && t.1.is_none()) else {
                    return Ok(MergeOutcome::BadTarget);
                };
                let (source_title, target_title) = (src.2.clone(), tgt.2.clone());
                // No chains: an idea others were merged into stays a target
                // until those merges are undone, so each undo is exact.
                let is_target: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM ideas WHERE merged_into = $1)")
                    .bind(source)
                    .fetch_one(&mut *tx)
                    .await?;
                if is_target {
                    return Ok(MergeOutcome::IsTarget);
                }
                sqlx::query(
                    "INSERT INTO votes (idea_id, user_id, created_at, merged_from)
                     SELECT $1, v.user_id, v.created_at, $2 FROM votes v WHERE v.idea_id = $2
                     ON CONFLICT DO NOTHING",
                )
                .bind(target)
                .bind(source)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "INSERT INTO follows (idea_id, user_id, created_at, merged_from)
                     SELECT $1, f.user_id, $3, $2 FROM follows f WHERE f.idea_id = $2
                     ON CONFLICT DO NOTHING",
                )
                .bind(target)
                .bind(source)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                let moved: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM comments WHERE idea_id = $1 AND NOT internal AND NOT hidden",
                )
                .bind(source)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query("UPDATE comments SET idea_id = $1, moved_from = $2 WHERE idea_id = $2")
                    .bind(target)
                    .bind(source)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "UPDATE ideas SET comment_count = comment_count + $1,
                         vote_count = (SELECT COUNT(*) FROM votes v WHERE v.idea_id = $2)
                     WHERE id = $2",
                )
                .bind(moved)
                .bind(target)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "UPDATE ideas SET comment_count = comment_count - $1, merged_into = $2, merged_at = $3
                     WHERE id = $4",
                )
                .bind(moved)
                .bind(target)
                .bind(now)
                .bind(source)
                .execute(&mut *tx)
                .await?;
                let payload = serde_json::json!({
                    "idea_id": target, "source": source, "source_title": source_title, "title": target_title,
                });
                insert_event!(tx, "idea.merged", target, actor_id, payload, now)?;
                tx.commit().await?;
                Ok(MergeOutcome::Done)
            }

            async fn unmerge_idea(
                &self,
                source: i64,
                actor_id: i64,
                now: i64,
            ) -> crate::store::StoreResult<crate::store::MergeOutcome> {
                use crate::store::MergeOutcome;
                let mut tx = self.write().await?;
                let row: Option<Option<i64>> =
                    sqlx::query_scalar(concat!("SELECT merged_into FROM ideas WHERE id = $1", $lock))
                        .bind(source)
                        .fetch_optional(&mut *tx)
                        .await?;
                let Some(merged_into) = row else {
                    return Ok(MergeOutcome::NoSuchIdea);
                };
                let Some(target) = merged_into else {
                    return Ok(MergeOutcome::WrongState);
                };
                sqlx::query(concat!("SELECT id FROM ideas WHERE id = $1", $lock))
                    .bind(target)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM votes WHERE idea_id = $1 AND merged_from = $2")
                    .bind(target)
                    .bind(source)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM follows WHERE idea_id = $1 AND merged_from = $2")
                    .bind(target)
                    .bind(source)
                    .execute(&mut *tx)
                    .await?;
                // The moved comments go back, with the replies written to them
                // since (a reply lives with its parent).
                let moved: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM comments c WHERE c.idea_id = $1 AND NOT c.internal AND NOT c.hidden
                       AND (c.moved_from = $2 OR c.parent_id IN
                            (SELECT p.id FROM comments p WHERE p.idea_id = $1 AND p.moved_from = $2))",
                )
                .bind(target)
                .bind(source)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query(
                    "UPDATE comments SET idea_id = $1 WHERE idea_id = $2 AND moved_from IS NULL AND parent_id IN
                        (SELECT p.id FROM comments p WHERE p.idea_id = $2 AND p.moved_from = $1)",
                )
                .bind(source)
                .bind(target)
                .execute(&mut *tx)
                .await?;
                sqlx::query("UPDATE comments SET idea_id = $1, moved_from = NULL WHERE idea_id = $2 AND moved_from = $1")
                    .bind(source)
                    .bind(target)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "UPDATE ideas SET comment_count = comment_count - $1,
                         vote_count = (SELECT COUNT(*) FROM votes v WHERE v.idea_id = $2)
                     WHERE id = $2",
                )
                .bind(moved)
                .bind(target)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "UPDATE ideas SET comment_count = comment_count + $1, merged_into = NULL, merged_at = NULL
                     WHERE id = $2",
                )
                .bind(moved)
                .bind(source)
                .execute(&mut *tx)
                .await?;
                let payload = serde_json::json!({ "idea_id": source, "from": target });
                insert_event!(tx, "idea.unmerged", source, actor_id, payload, now)?;
                tx.commit().await?;
                Ok(MergeOutcome::Done)
            }

            async fn merged_into_count(&self, target: i64) -> crate::store::StoreResult<i64> {
                sqlx::query_scalar("SELECT COUNT(*) FROM ideas WHERE merged_into = $1")
                    .bind(target)
                    .fetch_one(&self.reader)
                    .await
            }

            async fn set_priority(
                &self,
                idea_id: i64,
                impact: Option<i64>,
                effort: Option<i64>,
            ) -> crate::store::StoreResult<bool> {
                let done = sqlx::query("UPDATE ideas SET impact = $1, effort = $2 WHERE id = $3")
                    .bind(impact.map(|v| v as i32))
                    .bind(effort.map(|v| v as i32))
                    .bind(idea_id)
                    .execute(&self.writer)
                    .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn set_idea_tags(
                &self,
                idea_id: i64,
                tag_ids: &[i64],
                actor_id: i64,
                now: i64,
            ) -> crate::store::StoreResult<bool> {
                let mut tx = self.write().await?;
                let found: Option<i64> = sqlx::query_scalar(concat!("SELECT id FROM ideas WHERE id = $1", $lock))
                    .bind(idea_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                if found.is_none() {
                    return Ok(false);
                }
                sqlx::query("DELETE FROM idea_tags WHERE idea_id = $1")
                    .bind(idea_id)
                    .execute(&mut *tx)
                    .await?;
                for tag_id in tag_ids {
                    sqlx::query("INSERT INTO idea_tags (idea_id, tag_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                        .bind(idea_id)
                        .bind(*tag_id)
                        .execute(&mut *tx)
                        .await?;
                }
                let payload = serde_json::json!({ "idea_id": idea_id });
                insert_event!(tx, "idea.updated", idea_id, actor_id, payload, now)?;
                tx.commit().await?;
                Ok(true)
            }

            async fn internal_note_counts(&self, ideas: &[i64]) -> crate::store::StoreResult<Vec<(i64, i64)>> {
                if ideas.is_empty() {
                    return Ok(Vec::new());
                }
                let mut q = sqlx::QueryBuilder::<$db>::new(
                    "SELECT idea_id, COUNT(*) FROM comments WHERE internal AND idea_id IN (",
                );
                let mut list = q.separated(", ");
                for id in ideas {
                    list.push_bind(*id);
                }
                q.push(") GROUP BY idea_id");
                q.build_query_as().fetch_all(&self.reader).await
            }
        }
    };
}
for_each_backend!(triage_store);

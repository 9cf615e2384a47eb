macro_rules! user_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::UserStore for $store {
            async fn insert_user(&self, user: crate::store::NewUser<'_>, now: i64) -> crate::store::StoreResult<i64> {
                sqlx::query_scalar(
                    "INSERT INTO users (email, display_name, password_hash, role, created_at)
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(user.email)
                .bind(user.display_name)
                .bind(user.password_hash)
                .bind(user.role.as_str())
                .bind(now)
                .fetch_one(&self.writer)
                .await
            }

            async fn upsert_user(&self, user: crate::store::NewUser<'_>, now: i64) -> crate::store::StoreResult<i64> {
                sqlx::query_scalar(
                    "INSERT INTO users (email, display_name, password_hash, role, created_at)
                     VALUES ($1, $2, $3, $4, $5)
                     ON CONFLICT (email) DO UPDATE SET
                         display_name = excluded.display_name,
                         password_hash = excluded.password_hash,
                         role = excluded.role
                     RETURNING id",
                )
                .bind(user.email)
                .bind(user.display_name)
                .bind(user.password_hash)
                .bind(user.role.as_str())
                .bind(now)
                .fetch_one(&self.writer)
                .await
            }

            async fn user_by_id(&self, id: i64) -> crate::store::StoreResult<Option<crate::store::UserRow>> {
                sqlx::query_as(
                    "SELECT id, email, display_name, password_hash, role
                     FROM users WHERE id = $1 AND deleted_at IS NULL",
                )
                .bind(id)
                .fetch_optional(&self.reader)
                .await
            }

            async fn user_by_email(&self, email: &str) -> crate::store::StoreResult<Option<crate::store::UserRow>> {
                sqlx::query_as(
                    "SELECT id, email, display_name, password_hash, role
                     FROM users WHERE email = $1 AND deleted_at IS NULL",
                )
                .bind(email)
                .fetch_optional(&self.reader)
                .await
            }

            async fn count_users(&self) -> crate::store::StoreResult<i64> {
                sqlx::query_scalar("SELECT COUNT(*) FROM users")
                    .fetch_one(&self.reader)
                    .await
            }

            async fn set_display_name(&self, user_id: i64, name: &str) -> crate::store::StoreResult<()> {
                sqlx::query("UPDATE users SET display_name = $1 WHERE id = $2")
                    .bind(name)
                    .bind(user_id)
                    .execute(&self.writer)
                    .await
                    .map(|_| ())
            }

            async fn set_password(
                &self,
                user_id: i64,
                password_hash: &str,
                keep_session: &str,
            ) -> crate::store::StoreResult<()> {
                let mut tx = self.write().await?;
                sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                    .bind(password_hash)
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
                    .bind(user_id)
                    .bind(keep_session)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await
            }

            async fn votes_of(&self, user_id: i64) -> crate::store::StoreResult<Vec<(i64, i64)>> {
                sqlx::query_as("SELECT idea_id, created_at FROM votes WHERE user_id = $1 ORDER BY created_at")
                    .bind(user_id)
                    .fetch_all(&self.reader)
                    .await
            }

            async fn delete_account(&self, user_id: i64, now: i64) -> crate::store::StoreResult<()> {
                use crate::domain::trend;
                let mut tx = self.write().await?;
                let votes: Vec<(i64, i64)> =
                    sqlx::query_as("DELETE FROM votes WHERE user_id = $1 RETURNING idea_id, created_at")
                        .bind(user_id)
                        .fetch_all(&mut *tx)
                        .await?;
                // The events go last: on PostgreSQL the outbox lock is held
                // from the first event to the commit (see `insert_event!`).
                let mut withdrawn = Vec::with_capacity(votes.len());
                for (idea_id, cast_at) in votes {
                    let (score, created_at): (f64, i64) =
                        sqlx::query_as(concat!("SELECT trend, created_at FROM ideas WHERE id = $1", $lock))
                            .bind(idea_id)
                            .fetch_one(&mut *tx)
                            .await?;
                    let vote_count: i64 = sqlx::query_scalar(
                        "UPDATE ideas SET vote_count = vote_count - 1, trend = $1 WHERE id = $2 RETURNING vote_count",
                    )
                    .bind(trend::remove(score, cast_at, trend::VOTE, created_at))
                    .bind(idea_id)
                    .fetch_one(&mut *tx)
                    .await?;
                    withdrawn.push((idea_id, vote_count));
                }
                for table in ["sessions", "follows", "notifications", "email_outbox"] {
                    sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1"))
                        .bind(user_id)
                        .execute(&mut *tx)
                        .await?;
                }
                // The row stays, so ideas and comments keep an author: one
                // with no name, email or password, who can never sign in.
                sqlx::query(
                    "UPDATE users SET display_name = '', email = 'deleted-' || CAST(id AS TEXT) || '@invalid',
                        password_hash = '', email_token = NULL, deleted_at = $1 WHERE id = $2",
                )
                .bind(now)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
                for (idea_id, vote_count) in withdrawn {
                    let payload = serde_json::json!({ "idea_id": idea_id, "vote_count": vote_count });
                    insert_event!(tx, "vote.withdrawn", idea_id, user_id, payload, now)?;
                }
                tx.commit().await
            }
        }
    };
}
for_each_backend!(user_store);

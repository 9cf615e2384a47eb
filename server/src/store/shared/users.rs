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
        }
    };
}
for_each_backend!(user_store);

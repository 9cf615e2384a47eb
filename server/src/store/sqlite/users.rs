use super::SqliteStore;
use crate::store::{NewUser, StoreResult, UserRow, UserStore};
use async_trait::async_trait;

const USER_COLUMNS: &str = "id, email, display_name, password_hash, role";

#[async_trait]
impl UserStore for SqliteStore {
    async fn insert_user(&self, user: NewUser<'_>, now: i64) -> StoreResult<i64> {
        sqlx::query_scalar(
            "INSERT INTO users (email, display_name, password_hash, role, created_at)
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(user.email)
        .bind(user.display_name)
        .bind(user.password_hash)
        .bind(user.role.as_str())
        .bind(now)
        .fetch_one(&self.writer)
        .await
    }

    async fn upsert_user(&self, user: NewUser<'_>, now: i64) -> StoreResult<i64> {
        sqlx::query_scalar(
            "INSERT INTO users (email, display_name, password_hash, role, created_at)
             VALUES (?, ?, ?, ?, ?)
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

    async fn user_by_email(&self, email: &str) -> StoreResult<Option<UserRow>> {
        sqlx::query_as(&format!(
            "SELECT {USER_COLUMNS} FROM users WHERE email = ? AND deleted_at IS NULL"
        ))
        .bind(email)
        .fetch_optional(&self.reader)
        .await
    }

    async fn count_users(&self) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(&self.reader)
            .await
    }
}

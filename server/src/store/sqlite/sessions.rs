use super::SqliteStore;
use crate::domain::time::MINUTE_MS;
use crate::store::{SessionStore, StoreResult, UserRow};
use async_trait::async_trait;

#[async_trait]
impl SessionStore for SqliteStore {
    async fn insert_session(&self, token_hash: &str, user_id: i64, now: i64, expires_at: i64) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(now)
        .bind(now)
        .bind(expires_at)
        .execute(&self.writer)
        .await
        .map(|_| ())
    }

    async fn session_user(&self, token_hash: &str, now: i64, idle_cutoff: i64) -> StoreResult<Option<UserRow>> {
        let found: Option<(i64, String, String, String, String, i64)> = sqlx::query_as(
            "SELECT u.id, u.email, u.display_name, u.password_hash, u.role, s.last_seen_at
             FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_seen_at > ?
               AND u.deleted_at IS NULL",
        )
        .bind(token_hash)
        .bind(now)
        .bind(idle_cutoff)
        .fetch_optional(&self.reader)
        .await?;
        let Some((id, email, display_name, password_hash, role, last_seen_at)) = found else {
            return Ok(None);
        };
        // The idle clock needs minute precision, not a write per request.
        if now - last_seen_at > MINUTE_MS {
            sqlx::query("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?")
                .bind(now)
                .bind(token_hash)
                .execute(&self.writer)
                .await?;
        }
        Ok(Some(UserRow {
            id,
            email,
            display_name,
            password_hash,
            role,
        }))
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&self.writer)
            .await
            .map(|_| ())
    }
}

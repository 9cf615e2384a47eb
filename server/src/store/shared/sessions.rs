//! Sessions: kept by the hash of their token, looked up on every signed-in
//! request (SQLite runs that lookup on the calling thread, `sqlite_reads`).

use crate::store::postgres::PgStore;
use crate::store::StoreResult;

/// A session's user, if the session is live: id, email, display name,
/// password hash, role, the session's last use, and whether they are blocked.
pub(in crate::store) type SessionRow = (i64, String, String, String, String, i64, bool);

/// `$1` the token's hash, `$2` now, `$3` the idle cutoff.
pub(in crate::store) const SESSION_LOOKUP: &str =
    "SELECT u.id, u.email, u.display_name, u.password_hash, u.role, s.last_seen_at,
        u.blocked_at IS NOT NULL
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3
       AND u.deleted_at IS NULL";

impl PgStore {
    pub(in crate::store) async fn find_session(
        &self,
        token_hash: &str,
        now: i64,
        idle_cutoff: i64,
    ) -> StoreResult<Option<SessionRow>> {
        sqlx::query_as(SESSION_LOOKUP)
            .bind(token_hash)
            .bind(now)
            .bind(idle_cutoff)
            .fetch_optional(&self.reader)
            .await
    }
}

macro_rules! session_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::SessionStore for $store {
            async fn insert_session(
                &self,
                token_hash: &str,
                user_id: i64,
                now: i64,
                expires_at: i64,
            ) -> crate::store::StoreResult<()> {
                sqlx::query(
                    "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
                     VALUES ($1, $2, $3, $3, $4)",
                )
                .bind(token_hash)
                .bind(user_id)
                .bind(now)
                .bind(expires_at)
                .execute(&self.writer)
                .await?;
                sqlx::query("UPDATE users SET last_seen_at = $1 WHERE id = $2")
                    .bind(now)
                    .bind(user_id)
                    .execute(&self.writer)
                    .await
                    .map(|_| ())
            }

            async fn session_user(
                &self,
                token_hash: &str,
                now: i64,
                idle_cutoff: i64,
            ) -> crate::store::StoreResult<Option<crate::store::SessionUser>> {
                let found = self.find_session(token_hash, now, idle_cutoff).await?;
                Ok(found.map(
                    |(id, email, display_name, password_hash, role, last_seen_at, blocked)| crate::store::SessionUser {
                        user: crate::store::UserRow {
                            id,
                            email,
                            display_name,
                            password_hash,
                            role,
                            blocked,
                        },
                        last_seen_at,
                    },
                ))
            }

            async fn touch_sessions(&self, seen: &[(String, i64)], now: i64) -> crate::store::StoreResult<()> {
                let mut tx = self.write().await?;
                for (token_hash, user_id) in seen {
                    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                        .bind(now)
                        .bind(token_hash)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("UPDATE users SET last_seen_at = $1 WHERE id = $2")
                        .bind(now)
                        .bind(user_id)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await
            }

            async fn delete_session(&self, token_hash: &str) -> crate::store::StoreResult<()> {
                sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                    .bind(token_hash)
                    .execute(&self.writer)
                    .await
                    .map(|_| ())
            }
        }
    };
}
for_each_backend!(session_store);

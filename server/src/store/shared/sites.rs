/// The columns of a site row, with its board's slug.
pub(super) const SITE_SELECT: &str = "SELECT s.id, s.name, s.origin, b.slug AS board, s.sso_secret, s.accent, s.theme,
        s.font, s.radius, s.created_at
     FROM sites s JOIN boards b ON b.id = s.board_id";

macro_rules! site_store {
    ($store:ty, $db:ty, $lock:literal) => {
        #[async_trait::async_trait]
        impl crate::store::SiteStore for $store {
            async fn sites(&self) -> crate::store::StoreResult<Vec<crate::store::SiteRow>> {
                sqlx::query_as(&format!("{} ORDER BY s.name, s.id", super::sites::SITE_SELECT))
                    .fetch_all(&self.reader)
                    .await
            }

            async fn site(&self, id: i64) -> crate::store::StoreResult<Option<crate::store::SiteRow>> {
                sqlx::query_as(&format!("{} WHERE s.id = $1", super::sites::SITE_SELECT))
                    .bind(id)
                    .fetch_optional(&self.reader)
                    .await
            }

            async fn site_by_origin(&self, origin: &str) -> crate::store::StoreResult<Option<crate::store::SiteRow>> {
                sqlx::query_as(&format!("{} WHERE s.origin = $1", super::sites::SITE_SELECT))
                    .bind(origin)
                    .fetch_optional(&self.reader)
                    .await
            }

            async fn board_origins(&self, board: &str) -> crate::store::StoreResult<Vec<String>> {
                sqlx::query_scalar(
                    "SELECT s.origin FROM sites s JOIN boards b ON b.id = s.board_id WHERE b.slug = $1 ORDER BY s.origin",
                )
                .bind(board)
                .fetch_all(&self.reader)
                .await
            }

            async fn save_site(
                &self,
                id: Option<i64>,
                site: &schwarm_wire::embed::ValidSite,
                secret: &str,
                now: i64,
            ) -> crate::store::StoreResult<Option<i64>> {
                let mut tx = self.write().await?;
                let board: Option<i64> = sqlx::query_scalar("SELECT id FROM boards WHERE slug = $1")
                    .bind(&site.board)
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some(board) = board else { return Ok(None) };
                let id: Option<i64> = match id {
                    None => sqlx::query_scalar(
                        "INSERT INTO sites (name, origin, board_id, sso_secret, accent, theme, font, radius, created_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                    )
                    .bind(&site.name)
                    .bind(&site.origin)
                    .bind(board)
                    .bind(secret)
                    .bind(&site.theme.accent)
                    .bind(site.theme.mode.as_str())
                    .bind(&site.theme.font)
                    .bind(i32::from(site.theme.radius))
                    .bind(now)
                    .fetch_optional(&mut *tx)
                    .await?,
                    Some(id) => sqlx::query_scalar(
                        "UPDATE sites SET name = $1, origin = $2, board_id = $3, accent = $4, theme = $5, font = $6,
                            radius = $7
                         WHERE id = $8 RETURNING id",
                    )
                    .bind(&site.name)
                    .bind(&site.origin)
                    .bind(board)
                    .bind(&site.theme.accent)
                    .bind(site.theme.mode.as_str())
                    .bind(&site.theme.font)
                    .bind(i32::from(site.theme.radius))
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?,
                };
                tx.commit().await?;
                Ok(id)
            }

            async fn set_site_secret(&self, id: i64, secret: &str) -> crate::store::StoreResult<bool> {
                let mut tx = self.write().await?;
                let changed = sqlx::query("UPDATE sites SET sso_secret = $1 WHERE id = $2")
                    .bind(secret)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                // Sessions from tokens signed with the old secret end too.
                sqlx::query("DELETE FROM sessions WHERE site_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(changed > 0)
            }

            async fn delete_site(&self, id: i64) -> crate::store::StoreResult<bool> {
                sqlx::query("DELETE FROM sites WHERE id = $1")
                    .bind(id)
                    .execute(&self.writer)
                    .await
                    .map(|r| r.rows_affected() > 0)
            }

            async fn sso_user(
                &self,
                site_id: i64,
                subject: &str,
                email: &str,
                name: &str,
                now: i64,
            ) -> crate::store::StoreResult<i64> {
                let mut tx = self.write().await?;
                let known: Option<i64> = sqlx::query_scalar(
                    "SELECT i.user_id FROM sso_identities i JOIN users u ON u.id = i.user_id
                     WHERE i.site_id = $1 AND i.subject = $2 AND u.deleted_at IS NULL",
                )
                .bind(site_id)
                .bind(subject)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some(user_id) = known {
                    // The site knows the name best; it may have changed.
                    sqlx::query("UPDATE users SET display_name = $1 WHERE id = $2")
                        .bind(name)
                        .bind(user_id)
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    return Ok(user_id);
                }
                // A site vouches for its own users only: an email already
                // taken here is not linked (that would hand over the
                // account); the new user gets an address of the site's own.
                let taken: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM users WHERE email = $1)")
                    .bind(email)
                    .fetch_one(&mut *tx)
                    .await?;
                let stored_email = if taken {
                    format!("sso-{site_id}-{}@sso.invalid", crate::domain::token::hash_token(subject))
                } else {
                    email.to_owned()
                };
                let user_id: i64 = sqlx::query_scalar(
                    "INSERT INTO users (email, display_name, password_hash, role, created_at)
                     VALUES ($1, $2, '', 'member', $3) RETURNING id",
                )
                .bind(&stored_email)
                .bind(name)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query(
                    "INSERT INTO sso_identities (site_id, subject, user_id, created_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(site_id)
                .bind(subject)
                .bind(user_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(user_id)
            }

            async fn insert_site_session(
                &self,
                token_hash: &str,
                user_id: i64,
                site_id: i64,
                now: i64,
                expires_at: i64,
            ) -> crate::store::StoreResult<()> {
                sqlx::query(
                    "INSERT INTO sessions (token_hash, user_id, site_id, created_at, last_seen_at, expires_at)
                     VALUES ($1, $2, $3, $4, $4, $5)",
                )
                .bind(token_hash)
                .bind(user_id)
                .bind(site_id)
                .bind(now)
                .bind(expires_at)
                .execute(&self.writer)
                .await
                .map(|_| ())
            }
        }
    };
}
for_each_backend!(site_store);

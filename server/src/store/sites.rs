//! Sites that embed a board, and their signed-login users.

use super::StoreResult;
use async_trait::async_trait;

/// A site that embeds a board, with its secret.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SiteRow {
    pub id: i64,
    pub name: String,
    pub origin: String,
    pub board: String,
    pub sso_secret: String,
    pub accent: String,
    pub theme: String,
    pub font: String,
    pub radius: i32,
    pub created_at: i64,
}

#[async_trait]
pub trait SiteStore: Send + Sync {
    async fn sites(&self) -> StoreResult<Vec<SiteRow>>;
    async fn site(&self, id: i64) -> StoreResult<Option<SiteRow>>;
    async fn site_by_origin(&self, origin: &str) -> StoreResult<Option<SiteRow>>;
    /// The origins allowed to frame a board's widget.
    async fn board_origins(&self, board: &str) -> StoreResult<Vec<String>>;
    /// Creates (`id` None, with `secret`) or updates a site. `None`: no such
    /// board (or, for an update, no such site). A taken origin is a unique
    /// violation.
    async fn save_site(
        &self,
        id: Option<i64>,
        site: &schwarm_wire::embed::ValidSite,
        secret: &str,
        now: i64,
    ) -> StoreResult<Option<i64>>;
    /// A new secret; the site's SSO sessions end. `false`: no such site.
    async fn set_site_secret(&self, id: i64, secret: &str) -> StoreResult<bool>;
    async fn delete_site(&self, id: i64) -> StoreResult<bool>;
    /// The user a site knows as `subject`: found, or made on first sight.
    async fn sso_user(&self, site_id: i64, subject: &str, email: &str, name: &str, now: i64) -> StoreResult<i64>;
    async fn insert_site_session(
        &self,
        token_hash: &str,
        user_id: i64,
        site_id: i64,
        now: i64,
        expires_at: i64,
    ) -> StoreResult<()>;
}

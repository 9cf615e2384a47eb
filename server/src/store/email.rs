//! The email queue and preferences (see `workers::email`).

use super::StoreResult;
use async_trait::async_trait;

/// One queued email, with what it takes to write it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct EmailJob {
    pub id: i64,
    /// The outbox event kind it tells of.
    pub kind: String,
    pub user_id: i64,
    pub to_address: String,
    pub display_name: String,
    pub language: String,
    /// The recipient's unsubscribe token, if one was made yet.
    pub token: Option<String>,
    /// The recipient still wants this kind of email.
    pub wanted: bool,
    /// The recipient's account still exists.
    pub active: bool,
    pub idea_id: i64,
    pub idea_title: String,
    pub actor_name: Option<String>,
    /// The status event's payload, or the comment's text.
    pub detail: Option<String>,
    pub attempts: i32,
}

pub(super) fn email_preferences(
    (status_changes, replies, language): (bool, bool, String),
) -> schwarm_wire::EmailPreferences {
    schwarm_wire::EmailPreferences {
        status_changes,
        replies,
        language: schwarm_wire::EmailLanguage::parse(&language),
    }
}

#[async_trait]
pub trait EmailStore: Send + Sync {
    /// Starts the email consumer at the newest outbox event, unless it has
    /// read before: turning email on does not mail the past.
    async fn start_email_cursor(&self) -> StoreResult<()>;
    /// Queues an email for each follower who wants one, for up to `batch`
    /// new outbox events (skipping those created before `oldest`), and moves
    /// the cursor, in one transaction. Returns how many events it read.
    async fn fan_out_emails(&self, batch: u32, oldest: i64) -> StoreResult<usize>;
    /// Takes the next due email and leases it until `lease_until`.
    async fn claim_email(&self, now: i64, lease_until: i64) -> StoreResult<Option<EmailJob>>;
    async fn email_sent(&self, id: i64, now: i64) -> StoreResult<()>;
    /// Tries again at `at`.
    async fn email_retry(&self, id: i64, at: i64, error: &str) -> StoreResult<()>;
    /// Gives up on the email for good.
    async fn email_failed(&self, id: i64, now: i64, error: &str) -> StoreResult<()>;
    /// The user's unsubscribe token: the stored one, or `candidate` stored now.
    async fn email_token(&self, user_id: i64, candidate: &str) -> StoreResult<String>;
    async fn email_preferences(&self, user_id: i64) -> StoreResult<schwarm_wire::EmailPreferences>;
    async fn set_email_preferences(&self, user_id: i64, prefs: &schwarm_wire::EmailPreferences) -> StoreResult<()>;
    /// Turns one kind off for the holder of `token`. `None`: no such token.
    async fn unsubscribe(
        &self,
        token: &str,
        kind: schwarm_wire::EmailKind,
    ) -> StoreResult<Option<schwarm_wire::EmailPreferences>>;
}

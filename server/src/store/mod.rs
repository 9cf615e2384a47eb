//! The data layer: SQL only, one trait per aggregate. Handlers and services
//! see `dyn Store`; SQLite and PostgreSQL implement it with one shared set of
//! queries (see `shared`).

mod changelog;
mod email;
mod ideas;
mod limits;
mod marks;
mod moderation;
pub mod postgres;
mod seed;
mod shared;
mod sites;
pub mod sqlite;
mod sqlite_checkpoints;
mod sqlite_idea;
mod sqlite_reads;
mod sqlite_votes;
mod trends;
mod triage;
mod votes;
mod webhooks;

use async_trait::async_trait;
use schwarm_wire::Role;

pub use changelog::{ChangelogRow, ChangelogSave, ChangelogStore};
pub use email::{EmailJob, EmailStore};
pub use ideas::{IdeaQuery, IdeaRow, IdeaStore, NewIdeaRow, TriageOrder, TriageQueue, TriageView};
pub use limits::LimitStore;
pub use marks::{MarkStore, Marks};
pub use moderation::{IdeaModeration, ModerationStore};
pub use postgres::PgStore;
pub use seed::{SeedComment, SeedData, SeedIdea, SeedStore, SeedUser, SeedVote};
pub use sites::{SiteRow, SiteStore};
pub use sqlite::SqliteStore;
pub use trends::{TrendCounts, TrendStore};
pub use triage::{MemberRow, MergeOutcome, RoleOutcome, StatusRow, TriageStore};
pub use votes::{BucketTake, VoteCmd, VoteOutcome, VoteStore};
pub use webhooks::{DeliveryJob, DeliveryOutcome, DeliveryRow, WebhookRow, WebhookStore};

pub type StoreResult<T> = Result<T, sqlx::Error>;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: String,
    /// A moderator blocked the account (read by the session lookup).
    #[sqlx(default)]
    pub blocked: bool,
}

/// A live session's user, and the session's idle clock.
#[derive(Clone, Debug)]
pub struct SessionUser {
    pub user: UserRow,
    pub last_seen_at: i64,
}

impl UserRow {
    pub fn role(&self) -> Role {
        Role::parse(&self.role).unwrap_or(Role::Member)
    }
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
}

#[async_trait]
pub trait UserStore: Send + Sync {
    /// Fails with a unique violation when the email is taken.
    async fn insert_user(&self, user: NewUser<'_>, now: i64) -> StoreResult<i64>;
    /// Creates the user, or updates name, role and password of that email.
    async fn upsert_user(&self, user: NewUser<'_>, now: i64) -> StoreResult<i64>;
    async fn user_by_email(&self, email: &str) -> StoreResult<Option<UserRow>>;
    async fn user_by_id(&self, id: i64) -> StoreResult<Option<UserRow>>;
    async fn count_users(&self) -> StoreResult<i64>;
    async fn set_display_name(&self, user_id: i64, name: &str) -> StoreResult<()>;
    /// Sets a new password hash and ends every other session of the user.
    async fn set_password(&self, user_id: i64, password_hash: &str, keep_session: &str) -> StoreResult<()>;
    /// Deletes an account in one transaction: its votes go (counters, trend
    /// and outbox follow), its ideas and comments stay under an empty name,
    /// its email, password, sessions, follows and notifications are erased.
    async fn delete_account(&self, user_id: i64, now: i64) -> StoreResult<()>;
    /// The ideas a user voted for, with when: for the data export.
    async fn votes_of(&self, user_id: i64) -> StoreResult<Vec<(i64, i64)>>;
}

#[async_trait]
pub trait SessionStore: Send + Sync {
    async fn insert_session(&self, token_hash: &str, user_id: i64, now: i64, expires_at: i64) -> StoreResult<()>;
    /// The user of a live session (not expired and seen after
    /// `idle_cutoff`), and when the session was last marked as seen.
    async fn session_user(&self, token_hash: &str, now: i64, idle_cutoff: i64) -> StoreResult<Option<SessionUser>>;
    /// Marks sessions, each a token hash and its user, as seen at `now`
    /// (the user too), in one transaction (`service::last_seen`).
    async fn touch_sessions(&self, seen: &[(String, i64)], now: i64) -> StoreResult<()>;
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TagRow {
    pub id: i64,
    pub board_id: i64,
    pub name: String,
    pub colour: String,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct BoardRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub approval_required: bool,
    #[sqlx(skip)]
    pub tags: Vec<TagRow>,
}

#[async_trait]
pub trait BoardStore: Send + Sync {
    /// Every board with its tags, in their order.
    async fn boards(&self) -> StoreResult<Vec<BoardRow>>;
    /// Creates a board with tags (name, colour); for set-up and the demo.
    async fn insert_board(
        &self,
        slug: &str,
        name: &str,
        description: &str,
        tags: &[(&str, &str)],
        now: i64,
    ) -> StoreResult<i64>;
    /// Makes sure there is a board to post to: a "General" one if none.
    async fn ensure_a_board(&self, now: i64) -> StoreResult<()>;
}

/// Markdown with its sanitised HTML, as stored.
pub struct Rendered {
    pub md: String,
    pub html: String,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CommentRow {
    pub id: i64,
    pub idea_id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub author_name: String,
    pub body_md: String,
    pub body_html: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub internal: bool,
    pub moved_from: Option<i64>,
    pub hidden: bool,
}

/// What became of a comment insert.
#[derive(Debug, PartialEq, Eq)]
pub enum CommentInsert {
    Created(i64),
    /// No such idea, or it was merged into another.
    NoSuchIdea,
    /// The parent is missing, on another idea, or itself a reply.
    BadParent,
}

#[async_trait]
pub trait CommentStore: Send + Sync {
    /// Checks idea and parent, inserts, bumps the idea's counter and writes
    /// `comment.created`, in one transaction. An `internal` note counts
    /// nowhere public and its event is for product managers only.
    async fn insert_comment(
        &self,
        idea_id: i64,
        parent_id: Option<i64>,
        author_id: i64,
        body: &Rendered,
        internal: bool,
        now: i64,
    ) -> StoreResult<CommentInsert>;
    /// A visible comment; internal notes and hidden comments only
    /// `with_internal` (the team).
    async fn comment(&self, id: i64, with_internal: bool) -> StoreResult<Option<CommentRow>>;
    /// A user's visible comments, newest first, with ids below `before`.
    async fn comments_by(&self, author_id: i64, before: i64, limit: u32) -> StoreResult<Vec<CommentRow>>;
    /// Visible comments of an idea in id order, after `after_id`; internal
    /// notes and hidden comments only `with_internal` (the team).
    async fn comments(
        &self,
        idea_id: i64,
        after_id: i64,
        limit: u32,
        with_internal: bool,
    ) -> StoreResult<Vec<CommentRow>>;
    async fn update_comment(&self, id: i64, actor_id: i64, body: &Rendered, now: i64) -> StoreResult<()>;
    /// Deletes the comment and its replies, and lowers the counter by as many.
    async fn delete_comment(&self, id: i64, actor_id: i64, now: i64) -> StoreResult<()>;
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct NotificationRow {
    pub id: i64,
    pub kind: String,
    pub idea_id: i64,
    pub idea_title: String,
    pub actor_name: Option<String>,
    pub detail: Option<String>,
    pub created_at: i64,
    pub read: bool,
}

/// One outbox row, as live clients receive it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct EventRow {
    pub id: i64,
    pub kind: String,
    pub idea_id: Option<i64>,
    pub visibility: String,
    pub payload: String,
    /// The slug of the idea's board; `None` once the idea is deleted.
    pub board: Option<String>,
}

#[async_trait]
pub trait NotificationStore: Send + Sync {
    /// Outbox rows after `after`, oldest first.
    async fn events_after(&self, after: i64, limit: u32) -> StoreResult<Vec<EventRow>>;
    async fn last_event_id(&self) -> StoreResult<i64>;
    /// Follows (`on`) or unfollows. `None`: no such idea.
    async fn set_follow(&self, idea_id: i64, user_id: i64, on: bool, now: i64) -> StoreResult<Option<bool>>;
    /// The user's notifications, newest first, with ids below `before`.
    async fn notifications(&self, user_id: i64, before: i64, limit: u32) -> StoreResult<Vec<NotificationRow>>;
    async fn unread_count(&self, user_id: i64) -> StoreResult<i64>;
    /// Marks these notifications (or all) of the user as read.
    async fn mark_read(&self, user_id: i64, ids: Option<&[i64]>, now: i64) -> StoreResult<()>;
    /// Turns up to `batch` new outbox events into notifications for the
    /// followers of their ideas, and moves the cursor past them, in one
    /// transaction. Returns how many events it read.
    async fn fan_out_notifications(&self, batch: u32) -> StoreResult<usize>;
}

#[async_trait]
pub trait Store:
    UserStore
    + SessionStore
    + IdeaStore
    + MarkStore
    + CommentStore
    + VoteStore
    + NotificationStore
    + BoardStore
    + EmailStore
    + LimitStore
    + SiteStore
    + SeedStore
    + TriageStore
    + ModerationStore
    + WebhookStore
    + ChangelogStore
    + TrendStore
{
    /// Answers when the database does.
    async fn ping(&self) -> StoreResult<()>;
}

/// Opens the store a `DATABASE_URL` names and runs pending migrations.
pub async fn connect(database_url: &str) -> anyhow::Result<std::sync::Arc<dyn Store>> {
    if database_url.starts_with("sqlite:") {
        Ok(std::sync::Arc::new(SqliteStore::connect(database_url).await?))
    } else if database_url.starts_with("postgres:") || database_url.starts_with("postgresql:") {
        Ok(std::sync::Arc::new(PgStore::connect(database_url).await?))
    } else {
        anyhow::bail!("unsupported DATABASE_URL `{database_url}`: use sqlite://FILE or postgres://…")
    }
}

/// Writes a consistent copy of a SQLite database to `to` while it is in use
/// (`VACUUM INTO` reads one snapshot; writers go on meanwhile). PostgreSQL
/// has its own tools for this: pg_dump or base backups.
pub async fn backup(database_url: &str, to: &std::path::Path) -> anyhow::Result<()> {
    use anyhow::Context;
    anyhow::ensure!(
        database_url.starts_with("sqlite:"),
        "backup copies SQLite databases; use pg_dump for PostgreSQL"
    );
    anyhow::ensure!(!to.exists(), "{} exists already; choose a new file", to.display());
    let store = SqliteStore::connect(database_url).await?;
    let target = to.to_str().context("the backup path is not valid UTF-8")?;
    sqlx::query("VACUUM INTO $1")
        .bind(target)
        .execute(&store.reader)
        .await
        .with_context(|| format!("writing {}", to.display()))?;
    Ok(())
}

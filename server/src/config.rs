//! Command line and environment: every flag has an environment fallback so
//! that the same binary is configured by flags locally and by env in
//! deployments.

use clap::{Args, Parser, Subcommand};
use schwarm_wire::Role;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "schwarm", version, about = "Schwarm, the open-innovation idea board")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Log lines as readable text or as JSON objects (for log shippers).
    #[arg(long, global = true, env = "SCHWARM_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run pending migrations, then serve the API and the web app.
    Serve(ServeArgs),
    /// Run pending migrations and exit.
    Migrate(DbArgs),
    /// Copy a SQLite database consistently while the server runs.
    Backup(BackupArgs),
    /// Manage user accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Fill a database with generated data, for benchmarks and trials.
    Seed(SeedArgs),
    /// Manage boards.
    Board {
        #[command(subcommand)]
        command: BoardCommand,
    },
}

#[derive(Debug, Args)]
pub struct SeedArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[arg(long, default_value_t = 1000)]
    pub ideas: usize,
    #[arg(long, default_value_t = 10_000)]
    pub votes: usize,
    #[arg(long, default_value_t = 2000)]
    pub comments: usize,
    #[arg(long, default_value_t = 500)]
    pub users: usize,
    /// The random seed: the same seed makes the same data.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Write session tokens of the first `--sessions` seeded users here, one
    /// per line (for load tests that act as many users).
    #[arg(long)]
    pub sessions_file: Option<PathBuf>,
    #[arg(long, default_value_t = 1000)]
    pub sessions: usize,
}

#[derive(Debug, Subcommand)]
pub enum BoardCommand {
    /// Create a board with its tags.
    Add(BoardAddArgs),
}

#[derive(Debug, Args)]
pub struct BoardAddArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// The board's address: `/?board=SLUG`.
    #[arg(long)]
    pub slug: String,
    #[arg(long)]
    pub name: String,
    #[arg(long, default_value = "")]
    pub description: String,
    /// A tag members can give ideas on this board (repeat for more).
    #[arg(long = "tag")]
    pub tags: Vec<String>,
}

#[derive(Debug, Args, Clone)]
pub struct DbArgs {
    /// Where the data lives: `sqlite://FILE` (created if missing).
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://schwarm.db")]
    pub database_url: String,
}

#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,

    /// The address to listen on; port 0 picks a free port.
    #[arg(long, env = "SCHWARM_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// The built web app (Trunk's output).
    #[arg(long, env = "SCHWARM_DIST", default_value = "dist")]
    pub dist: PathBuf,

    /// Load the demo data set when the database has no users yet.
    #[arg(long, env = "SCHWARM_DEMO")]
    pub demo: bool,

    #[command(flatten)]
    pub sessions: SessionArgs,

    #[command(flatten)]
    pub limits: RateLimitArgs,

    #[command(flatten)]
    pub email: EmailArgs,

    #[command(flatten)]
    pub webhooks: WebhookArgs,
}

/// Webhook deliveries (admins register the URLs in the app).
#[derive(Debug, Args, Clone)]
pub struct WebhookArgs {
    /// The first retry of a failed delivery waits this long; each further
    /// one waits twice as long, up to an hour.
    #[arg(long, env = "SCHWARM_WEBHOOK_RETRY_MS", default_value_t = 10_000)]
    pub webhook_retry_ms: u64,

    /// A receiver that has not answered after this long has failed.
    #[arg(long, env = "SCHWARM_WEBHOOK_TIMEOUT_MS", default_value_t = 10_000)]
    pub webhook_timeout_ms: u64,

    /// Attempts before a delivery is given up.
    #[arg(long, env = "SCHWARM_WEBHOOK_MAX_ATTEMPTS", default_value_t = 8)]
    pub webhook_max_attempts: u32,
}

impl Default for WebhookArgs {
    fn default() -> Self {
        WebhookArgs {
            webhook_retry_ms: 10_000,
            webhook_timeout_ms: 10_000,
            webhook_max_attempts: 8,
        }
    }
}

/// Follower emails. Without an SMTP URL nothing is mailed (in-app
/// notifications work regardless).
#[derive(Debug, Args, Clone)]
pub struct EmailArgs {
    /// The mail server: `smtp://host:25` (plain, e.g. a local relay),
    /// `smtp://user:pass@host:587?tls=required` (STARTTLS) or
    /// `smtps://user:pass@host:465` (TLS).
    #[arg(long, env = "SCHWARM_SMTP_URL")]
    pub smtp_url: Option<String>,

    /// The sender of follower emails.
    #[arg(long, env = "SCHWARM_SMTP_FROM", default_value = "Schwarm <noreply@localhost>")]
    pub smtp_from: String,

    /// Where people reach the board, for links in emails
    /// (default: `http://` and the listening address).
    #[arg(long, env = "SCHWARM_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// The first retry of a failed send waits this long; each further one
    /// waits twice as long as the one before, up to an hour.
    #[arg(long, env = "SCHWARM_SMTP_RETRY_MS", default_value_t = 30_000)]
    pub smtp_retry_ms: u64,
}

impl Default for EmailArgs {
    fn default() -> Self {
        EmailArgs {
            smtp_url: None,
            smtp_from: "Schwarm <noreply@localhost>".into(),
            public_url: None,
            smtp_retry_ms: 30_000,
        }
    }
}

/// Rate limits per client IP address, shared by all instances on one
/// database.
#[derive(Debug, Args, Clone)]
pub struct RateLimitArgs {
    /// Sign-in and registration attempts an address may make at once
    /// (an office behind one address signs in together in the morning)...
    #[arg(long, env = "SCHWARM_AUTH_BURST", default_value_t = 60)]
    pub auth_burst: u32,

    /// ...and one more each this many seconds (30 a minute by default), so
    /// guessing passwords is slow but the real user is never locked out.
    #[arg(long, env = "SCHWARM_AUTH_REFILL_SECONDS", default_value_t = 2)]
    pub auth_refill_seconds: u64,

    /// Ideas and comments an account may post at once (a workshop's worth)...
    #[arg(long, env = "SCHWARM_POST_BURST", default_value_t = 120)]
    pub post_burst: u32,

    /// ...and one more each this many seconds (30 a minute). An address may
    /// post for five accounts.
    #[arg(long, env = "SCHWARM_POST_REFILL_SECONDS", default_value_t = 2)]
    pub post_refill_seconds: u64,

    /// Votes cast or withdrawn by an account at once...
    #[arg(long, env = "SCHWARM_VOTE_BURST", default_value_t = 300)]
    pub vote_burst: u32,

    /// ...and one more each this many seconds (for five accounts per address).
    #[arg(long, env = "SCHWARM_VOTE_REFILL_SECONDS", default_value_t = 1)]
    pub vote_refill_seconds: u64,

    /// Behind a load balancer or proxy: the header it puts the client's
    /// address in (e.g. `x-forwarded-for`; its last entry counts). Only set
    /// this when every request passes that proxy, or clients could choose
    /// their own address.
    #[arg(long, env = "SCHWARM_CLIENT_IP_HEADER")]
    pub client_ip_header: Option<String>,
}

impl Default for RateLimitArgs {
    fn default() -> Self {
        RateLimitArgs {
            auth_burst: 60,
            auth_refill_seconds: 2,
            post_burst: 120,
            post_refill_seconds: 2,
            vote_burst: 300,
            vote_refill_seconds: 1,
            client_ip_header: None,
        }
    }
}

#[derive(Debug, Args, Clone)]
pub struct SessionArgs {
    /// Mark the session cookie `Secure` (set this when served over TLS).
    #[arg(long, env = "SCHWARM_SECURE_COOKIES")]
    pub secure_cookies: bool,

    /// A session unused for this many minutes ends.
    #[arg(long, env = "SCHWARM_SESSION_IDLE_MINUTES", default_value_t = 14 * 24 * 60)]
    pub session_idle_minutes: i64,

    /// A session ends this many minutes after sign-in, used or not.
    #[arg(long, env = "SCHWARM_SESSION_MAX_MINUTES", default_value_t = 30 * 24 * 60)]
    pub session_max_minutes: i64,
}

impl Default for SessionArgs {
    fn default() -> Self {
        SessionArgs {
            secure_cookies: false,
            session_idle_minutes: 14 * 24 * 60,
            session_max_minutes: 30 * 24 * 60,
        }
    }
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// The file to write; it must not exist yet.
    #[arg(long)]
    pub to: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user, or update role and password of an existing email.
    /// The password comes from SCHWARM_PASSWORD or a prompt.
    Add(UserAddArgs),
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[arg(long)]
    pub email: String,
    #[arg(long)]
    pub name: String,
    #[arg(long, value_parser = parse_role, default_value = "member")]
    pub role: Role,
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| format!("`{s}` is not one of member, pm, admin"))
}

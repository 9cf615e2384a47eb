use reqwest::{Client, Response, StatusCode};
use schwarm_server::config::{DbArgs, EmailArgs, RateLimitArgs, ServeArgs, SessionArgs, WebhookArgs};
use schwarm_server::Application;
use serde_json::{json, Value};
use tempfile::TempDir;

pub struct TestApp {
    pub base: String,
    /// The fresh database of this test: a SQLite file, or a new PostgreSQL
    /// database when SCHWARM_TEST_DATABASE=postgres.
    pub database_url: String,
    /// A browser-like client with its own cookie jar.
    pub client: Client,
    pub dir: TempDir,
}

pub const PASSWORD: &str = "a-long-enough-password";

/// Starts the server on 127.0.0.1:0 against a new database file; the web
/// app directory holds a stand-in `index.html` to prove the SPA fallback.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Like `spawn_app`, with the configuration changed by `configure` first.
pub async fn spawn_app_with(configure: impl FnOnce(&mut ServeArgs)) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let dist = dir.path().join("dist");
    std::fs::create_dir(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!DOCTYPE html><title>Schwarm test shell</title>",
    )
    .unwrap();
    let database_url = fresh_database(dir.path()).await;
    let mut args = ServeArgs {
        db: DbArgs {
            database_url: database_url.clone(),
        },
        addr: "127.0.0.1:0".parse().unwrap(),
        dist,
        demo: false,
        sessions: SessionArgs::default(),
        // Tests sign up and post far faster than people do; the limits
        // themselves are tested with their own settings.
        limits: RateLimitArgs {
            auth_burst: 1000,
            auth_refill_seconds: 1,
            post_burst: 100_000,
            vote_burst: 100_000,
            ..RateLimitArgs::default()
        },
        email: EmailArgs::default(),
        webhooks: WebhookArgs::default(),
    };
    configure(&mut args);
    let database_url = args.db.database_url.clone();
    let app = Application::build(&args).await.expect("the app builds");
    let base = format!("http://{}", app.local_addr());
    tokio::spawn(app.run_until(std::future::pending()));
    TestApp {
        base,
        database_url,
        client: new_client(),
        dir,
    }
}

/// Which database the API tests run against (`make test` runs both).
pub fn on_postgres() -> bool {
    std::env::var("SCHWARM_TEST_DATABASE").is_ok_and(|v| v == "postgres")
}

/// A SQLite file in `dir`, or a newly created PostgreSQL database. Old test
/// databases are dropped by `scripts/test-postgres.sh` before each run.
pub async fn fresh_database(dir: &std::path::Path) -> String {
    if !on_postgres() {
        return format!("sqlite://{}", dir.join("test.db").display());
    }
    use sqlx::Connection;
    let admin =
        std::env::var("SCHWARM_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let name = format!(
        "schwarm_test_{}_{}",
        std::process::id(),
        NEXT_DB.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let mut conn = sqlx::PgConnection::connect(&admin).await.expect("PostgreSQL answers");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .unwrap();
    let base = admin.rsplit_once('/').map_or(admin.as_str(), |(base, _)| base);
    format!("{base}/{name}")
}

static NEXT_DB: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

pub fn new_client() -> Client {
    Client::builder().cookie_store(true).build().unwrap()
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    /// GETs `path` as the user of `client` and reads the JSON answer.
    pub async fn get_json_as(&self, client: &Client, path: &str) -> Value {
        client.get(self.url(path)).send().await.unwrap().json().await.unwrap()
    }

    pub async fn post(&self, path: &str, body: Value) -> Response {
        self.client.post(self.url(path)).json(&body).send().await.unwrap()
    }

    /// Registers a new member with this app's client (which keeps the cookie).
    pub async fn register(&self, email: &str) -> Value {
        self.register_with(&self.client, email).await
    }

    pub async fn register_with(&self, client: &Client, email: &str) -> Value {
        let body = json!({ "email": email, "password": PASSWORD, "display_name": email.split('@').next().unwrap() });
        let res = client
            .post(self.url("/api/v1/auth/register"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED, "registering {email}");
        res.json().await.unwrap()
    }

    /// Creates an idea as the user of `client`.
    pub async fn create_idea_as(&self, client: &Client, title: &str) -> Value {
        let res = client
            .post(self.url("/api/v1/ideas"))
            .json(&json!({ "title": title, "body": "" }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED, "creating {title}");
        res.json().await.unwrap()
    }

    pub async fn create_idea(&self, title: &str) -> Value {
        let res = self
            .post("/api/v1/ideas", json!({ "title": title, "body": "Details." }))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED, "creating {title}");
        res.json().await.unwrap()
    }

    /// A second board with tags, as an admin would set it up.
    pub async fn web_board(&self) {
        let db = self.db().await;
        sqlx::query("INSERT INTO boards (slug, name, description, position, created_at) VALUES ('web', 'Web app', 'For the web', 1, 0)")
            .execute(&db)
            .await
            .unwrap();
        for tag in ["UX", "Performance", "Security", "Reporting", "Integrations", "Mobile"] {
            sqlx::query(
                "INSERT INTO tags (board_id, name, colour) SELECT id, $1, '#2563eb' FROM boards WHERE slug = 'web'",
            )
            .bind(tag)
            .execute(&db)
            .await
            .unwrap();
        }
    }

    /// A new client signed in as a new user with this role (pm, admin).
    pub async fn with_role(&self, email: &str, role: &str) -> Client {
        let client = new_client();
        self.register_with(&client, email).await;
        sqlx::query("UPDATE users SET role = $1 WHERE email = $2")
            .bind(role)
            .bind(email)
            .execute(&self.db().await)
            .await
            .unwrap();
        client
    }

    /// Opens the test's database directly, to check what is really stored
    /// (the same queries run on SQLite and PostgreSQL).
    pub async fn db(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::AnyPool::connect(&self.database_url).await.unwrap()
    }
}

/// Asserts the error shape and returns the body.
pub async fn assert_error(res: Response, status: StatusCode, code: &str) -> Value {
    assert_eq!(res.status(), status);
    let body: Value = res.json().await.expect("a JSON error body");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(
        body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    assert!(body["error"]["fields"].is_object(), "{body}");
    body
}

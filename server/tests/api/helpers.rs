use reqwest::{Client, Response, StatusCode};
use schwarm_server::config::{DbArgs, ServeArgs, SessionArgs};
use schwarm_server::Application;
use serde_json::{json, Value};
use tempfile::TempDir;

pub struct TestApp {
    pub base: String,
    /// A browser-like client with its own cookie jar.
    pub client: Client,
    pub dir: TempDir,
}

pub const PASSWORD: &str = "a-long-enough-password";

/// Starts the server on 127.0.0.1:0 against a new database file; the web
/// app directory holds a stand-in `index.html` to prove the SPA fallback.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(SessionArgs::default()).await
}

pub async fn spawn_app_with(sessions: SessionArgs) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let dist = dir.path().join("dist");
    std::fs::create_dir(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!DOCTYPE html><title>Schwarm test shell</title>",
    )
    .unwrap();
    let args = ServeArgs {
        db: DbArgs {
            database_url: format!("sqlite://{}", dir.path().join("test.db").display()),
        },
        addr: "127.0.0.1:0".parse().unwrap(),
        dist,
        demo: false,
        sessions,
    };
    let app = Application::build(&args).await.expect("the app builds");
    let base = format!("http://{}", app.local_addr());
    tokio::spawn(app.run_until(std::future::pending()));
    TestApp {
        base,
        client: new_client(),
        dir,
    }
}

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

    pub async fn create_idea(&self, title: &str) -> Value {
        let res = self
            .post("/api/v1/ideas", json!({ "title": title, "body": "Details." }))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED, "creating {title}");
        res.json().await.unwrap()
    }

    /// Opens the database file directly, to check what is really stored.
    pub async fn db(&self) -> sqlx::SqlitePool {
        let url = format!("sqlite://{}", self.dir.path().join("test.db").display());
        sqlx::SqlitePool::connect(&url).await.unwrap()
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

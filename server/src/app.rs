//! Assembles the HTTP application: the API under `/api`, `/healthz`, and the
//! built web app with a fallback to `index.html` for client-side routes.

use crate::config::ServeArgs;
use crate::live_conn::LiveConns;
use crate::routes;
use crate::service::last_seen::LastSeen;
use crate::state::{AppState, SessionPolicy, Shared};
use crate::{csp, csrf, demo, embed_page, limits, list_cache, listener, static_files, store, workers};
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::serve::ListenerExt;
use axum::{middleware, Router};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// The largest request body the API reads; the biggest legitimate one (an
/// idea of 10,000 characters, up to 4 bytes each) fits with room to spare.
pub const BODY_LIMIT: usize = 64 * 1024;

/// Headers on every response; `live_conn` writes them itself.
pub const NOSNIFF: &str = "nosniff";
pub const REFERRER_POLICY: &str = "strict-origin-when-cross-origin";
/// Only behind TLS (`--secure-cookies`).
pub const HSTS: &str = "max-age=31536000";

pub fn router(state: AppState) -> Router {
    // Behind TLS (which `--secure-cookies` declares), browsers are told to
    // come back over HTTPS only; without TLS the header would lock them out.
    let hsts = state.sessions.secure_cookies.then(|| HeaderValue::from_static(HSTS));
    let state_csp = state.csp.clone();
    let dist = state.dist.clone();
    let api = routes::api_router(&state)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            workers::live::after_writes,
        ))
        .layer(middleware::from_fn(csrf::same_origin_only))
        .layer(DefaultBodyLimit::max(BODY_LIMIT));
    Router::new()
        .nest("/api", api)
        .merge(routes::health_router())
        .merge(routes::feed_router())
        .merge(routes::unsubscribe_router(&dist))
        .route("/embed.js", axum::routing::get(embed_page::loader))
        .merge(static_files::router(&dist).layer(middleware::from_fn_with_state(
            state.clone(),
            embed_page::frame_ancestors,
        )))
        .with_state(state)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static(NOSNIFF),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static(REFERRER_POLICY),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&state_csp).expect("the policy is ASCII"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            move |_: &axum::response::Response| hsts.clone(),
        ))
        .layer(TraceLayer::new_for_http())
}

/// A bound, ready-to-run server. Binding happens in `build`, so a caller
/// (or a test) knows the real port before serving starts.
pub struct Application {
    listener: TcpListener,
    router: Router,
    live: Arc<LiveConns>,
    stop: watch::Sender<bool>,
    /// Written once more after the last request (`LastSeen::flush`).
    last_seen: Arc<LastSeen>,
}

impl Application {
    pub async fn build(args: &ServeArgs) -> anyhow::Result<Application> {
        let store = store::connect(&args.db.database_url).await?;
        if args.demo {
            demo::load_if_empty(store.as_ref()).await?;
        }
        store.ensure_a_board(crate::domain::time::now_ms()).await?;
        let listener = TcpListener::bind(args.addr).await?;
        // Links that leave the browser (email, Atom, exports, webhooks).
        let public_url = match &args.email.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}", listener.local_addr()?),
        };
        workers::notifications::spawn(store.clone());
        workers::email::spawn(store.clone(), &args.email, &public_url).await?;
        workers::webhooks::spawn(store.clone(), &args.webhooks, &public_url)?;
        let lists = std::sync::Arc::new(list_cache::IdeaLists::default());
        let live = workers::live::spawn(store.clone(), lists.clone());
        let votes = crate::service::vote_queue::VoteQueue::spawn(store.clone());
        let last_seen = LastSeen::spawn(store.clone());
        limits::spawn_pruning(store.clone());
        let state = AppState::new(Shared {
            store,
            sessions: SessionPolicy::from(&args.sessions),
            live,
            lists,
            own_marks: Default::default(),
            votes,
            last_seen: last_seen.clone(),
            limits: limits::Limits::new(&args.limits)?,
            csp: csp::policy(&args.dist).into(),
            dist: args.dist.clone(),
            public_url: public_url.into(),
        });
        let (stop, stopping) = watch::channel(false);
        Ok(Application {
            listener,
            live: Arc::new(LiveConns::new(state.clone(), stopping)),
            router: router(state),
            stop,
            last_seen,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// Serves until `shutdown` completes, then ends the event streams and
    /// finishes in-flight requests.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        // The peer address feeds the per-address rate limits.
        let service = self.router.into_make_service_with_connect_info::<SocketAddr>();
        // Small requests and event frames leave at once, not after a
        // delayed ACK. (`tap_io` is also what lets `ConnectInfo` through.)
        let connections = listener::sort(self.listener, self.live)?.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
        let stop = self.stop;
        axum::serve(connections, service)
            .with_graceful_shutdown(async move {
                shutdown.await;
                let _ = stop.send(true);
            })
            .await?;
        self.last_seen.flush().await;
        Ok(())
    }
}

//! The app shell: state in context, the header, the live region, the routes.

use crate::api;
use crate::components::header::Header;
use crate::components::live_region::LiveRegion;
use crate::pages::board::BoardPage;
#[cfg(feature = "more")]
use crate::pages::{
    not_found::NotFound, AccountPage, ChangelogPage, IdeaPage, LoginPage, NotificationsPage, RegisterPage, RoadmapPage,
    UnsubscribePage,
};
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::components::Router;
#[cfg(feature = "more")]
use leptos_router::{
    components::{Route, Routes},
    path,
};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    // Not cloned: the board's bundle sees `detect`'s constant `None` here,
    // and leaves the widget's code out.
    let embedded = crate::embed::detect();
    let is_embedded = embedded.is_some();
    if let Some(board) = embedded {
        crate::embed::start(state, board);
    }
    Effect::new(move |_| state.lang.get().remember());
    leptos::task::spawn_local(async move {
        // The board's bundle is the visitors' (`pages::load_in_full`); a
        // member it meets (the server sends members the `more` bundle, but
        // a session may have begun in another tab) moves to the `more`
        // bundle. If that cannot start, the board stays, as for a visitor.
        #[cfg(not(feature = "more"))]
        if api::signed_in().await && crate::hand_over::start_more().await.is_ok() {
            return;
        }
        #[cfg(feature = "more")]
        if let Ok(user) = api::me().await {
            state.user.set(user);
        }
        state.user_known.set(true);
    });
    // A widget preview (no host page) needs no live stream; each stream
    // holds one of the browser's few connections to this server.
    if !is_embedded || crate::embed::has_host() {
        crate::live::connect(state);
    }
    leptos::task::spawn_local(async move {
        if let Ok(boards) = api::boards().await {
            state.boards.set(boards);
        }
        if let Ok(statuses) = api::statuses().await {
            state.statuses.set(statuses);
        }
    });

    view! {
        <Router>
            {top(is_embedded)}
            <LiveRegion />
            <main id="main" class="container">
                {routes()}
            </main>
        </Router>
    }
}

/// The page's top: the header, or the widget's slim bar.
#[cfg(feature = "more")]
fn top(embedded: bool) -> AnyView {
    use crate::components::embed_bar::EmbedBar;
    match embedded {
        true => view! { <EmbedBar /> }.into_any(),
        false => view! { <Header /> }.into_any(),
    }
}

/// The board's bundle is never the widget (see `embed::detect`).
#[cfg(not(feature = "more"))]
fn top(_embedded: bool) -> AnyView {
    view! { <Header /> }.into_any()
}

/// The board's bundle: the board, and every other path to the `more`
/// bundle (`load_in_full`), which routes it, unknown paths included. One
/// path needs no route matching: leptos_router's `Routes` (nested matching,
/// route views, transitions) would add 22 KB brotli to the first load.
#[cfg(not(feature = "more"))]
fn routes() -> impl IntoView {
    use crate::pages::load_in_full::LoadInFull;
    use leptos_router::location::{BrowserUrl, LocationProvider};
    let pathname = leptos_router::hooks::use_location().pathname;
    // Always there: `<Router>` provides it in the browser.
    let browser = expect_context::<BrowserUrl>();
    move || {
        let page = match pathname.read().as_str() {
            "/" => view! { <BoardPage /> }.into_any(),
            _ => view! { <LoadInFull /> }.into_any(),
        };
        // The router puts a new path in the address bar only when told
        // that its page is built, as `Routes` would tell it.
        browser.ready_to_complete();
        page
    }
}

/// The customer routes, then `$extra` (the PM bundle's own).
#[cfg(feature = "more")]
macro_rules! routes {
    ($($extra:tt)*) => {
        view! {
            <Routes fallback=NotFound>
                <Route path=path!("/") view=BoardPage />
                <Route path=path!("/ideas/:id") view=IdeaPage />
                <Route path=path!("/login") view=LoginPage />
                <Route path=path!("/register") view=RegisterPage />
                <Route path=path!("/account") view=AccountPage />
                <Route path=path!("/notifications") view=NotificationsPage />
                <Route path=path!("/unsubscribe") view=UnsubscribePage />
                <Route path=path!("/roadmap") view=RoadmapPage />
                <Route path=path!("/changelog") view=ChangelogPage />
                <Route path=path!("/embed/:board") view=BoardPage />
                <Route path=path!("/embed/:board/ideas/:id") view=IdeaPage />
                <Route path=path!("/embed/:board/login") view=LoginPage />
                <Route path=path!("/embed/:board/register") view=RegisterPage />
                $($extra)*
            </Routes>
        }
    };
}

#[cfg(all(feature = "more", not(feature = "pm")))]
fn routes() -> impl IntoView {
    routes!()
}

/// The PM bundle: every customer page plus the triage area.
#[cfg(feature = "pm")]
fn routes() -> impl IntoView {
    use crate::pm::changelog_page::ChangelogEditorPage;
    use crate::pm::embed_page::AdminEmbedPage;
    use crate::pm::inbox::{AllIdeasPage, InboxPage};
    use crate::pm::statuses_page::StatusesPage;
    use crate::pm::trends_page::TrendsPage;
    use crate::pm::users_page::UsersPage;
    use crate::pm::webhooks_page::WebhooksPage;
    routes!(
        <Route path=path!("/pm") view=InboxPage />
        <Route path=path!("/pm/ideas") view=AllIdeasPage />
        <Route path=path!("/pm/ideas/:id") view=IdeaPage />
        <Route path=path!("/pm/changelog") view=ChangelogEditorPage />
        <Route path=path!("/pm/trends") view=TrendsPage />
        <Route path=path!("/admin/statuses") view=StatusesPage />
        <Route path=path!("/admin/users") view=UsersPage />
        <Route path=path!("/admin/embed") view=AdminEmbedPage />
        <Route path=path!("/admin/webhooks") view=WebhooksPage />
    )
}

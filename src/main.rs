//! Schwarm's web app: mounts the router-driven single-page app.

mod api;
mod app;
mod components;
mod early;
mod embed;
mod format;
mod hand_over;
mod i18n;
mod json;
mod live;
mod pages;
#[cfg(feature = "pm")]
mod pm;
mod state;

fn main() {
    #[cfg(not(feature = "more"))]
    pages::load_in_full::remember_start();
    wasm_bindgen_futures::spawn_local(async {
        early::settled(EARLY_WAIT_MS).await;
        #[cfg(feature = "more")]
        hand_over::take_over();
        let Some(body) = leptos::prelude::document().body() else {
            return;
        };
        // A root of our own: the app's router and stream hold references to
        // its owner in cycles, so only an explicit cleanup ends them.
        let root = leptos::prelude::Owner::new();
        let app = root.with(|| leptos::mount::mount_to(body, app::App));
        hand_over::mounted(root, app);
        early::forget_after_first_frame();
    });
}

/// The longest the app waits for `index.html`'s early answers before it
/// mounts (and shows its skeleton instead); they were asked for while the
/// wasm loaded, so they are usually in already.
const EARLY_WAIT_MS: i32 = 150;

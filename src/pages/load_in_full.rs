//! The pages of the `more` bundle, as the board's bundle meets them.
//!
//! Account, notifications, unsubscribe, roadmap and changelog are built into
//! a bundle of their own (`more.html`, which the server answers at those
//! paths), so the first load of the board does not carry their code: about
//! 32 KB brotli of ~280 (bench/bundle-size.json). A link to one of them
//! inside this bundle is routed here, and the page is loaded from the
//! server in full, as a link to the PM area is.

use crate::i18n::{tr, Key};
use crate::pages::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::sync::OnceLock;
use std::time::Duration;

/// The path this document was loaded at.
static LOADED_AT: OnceLock<String> = OnceLock::new();

/// Notes the path the document was loaded at; called once, before mounting.
pub fn remember_start() {
    LOADED_AT.get_or_init(path);
}

fn path() -> String {
    window().location().pathname().unwrap_or_default()
}

#[component]
pub fn LoadInFull() -> impl IntoView {
    // Loaded at this very path, the server answered with this bundle (an
    // old server, or no `more` bundle in its dist): reloading would only
    // loop, so the page is not found here.
    let target = use_location().pathname.get_untracked();
    if LOADED_AT.get().is_some_and(|start| *start == target) {
        return NotFound().into_any();
    }
    // After the router has put the new address in the history, which it
    // does once this view is built.
    set_timeout(
        || {
            let _ = window().location().reload();
        },
        Duration::ZERO,
    );
    view! { <p class="muted" aria-busy="true">{tr(Key::Loading)}</p> }.into_any()
}

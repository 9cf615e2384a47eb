//! The pages of the `more` bundle, as the board's bundle meets them.
//!
//! The board is the first load, so its bundle (`index.html`) holds the
//! board only, as a visitor sees it. Every other customer page (an idea,
//! sign-in, account, notifications, unsubscribe, roadmap, changelog), the
//! embeddable widget, and all a member sees on the board (the form to share
//! an idea, votes, the bell, sign-out) are in the `more` bundle
//! (`more.html`), which holds the board too. That keeps ~100 KB brotli of
//! ~254 out of the first load (bench/bundle-size.json). The server sends a
//! member (a session cookie) the `more` bundle at once; a board that meets
//! a session all the same hands over (`app`). A link to one of those pages inside the
//! board's bundle is routed here, and the `more` bundle takes over in the
//! same document (`hand_over`); from there on the visitor moves through it.
//! The server answers those pages' paths with the `more` bundle itself, so
//! a reload or a shared link loads it directly.

use crate::i18n::{tr, Key};
use crate::pages::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::sync::OnceLock;

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
    leptos::task::spawn_local(async {
        if crate::hand_over::start_more().await.is_err() {
            // Not fetched or not started: the server answers this path
            // with the `more` bundle itself.
            let _ = window().location().reload();
        }
    });
    view! { <p class="muted" aria-busy="true">{tr(Key::Loading)}</p> }.into_any()
}

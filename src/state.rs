//! App-wide state, provided as context: who is signed in, the language, and
//! the message the live region announces.

use crate::i18n::{Key, Lang};
use leptos::prelude::*;
use schwarm_wire::{Board, LiveEvent, StatusDef, User};

/// A message for the `aria-live` region under the header.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub key: Key,
    pub is_error: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// `None` while unknown or signed out; see `user_known`.
    pub user: RwSignal<Option<User>>,
    /// Whether `GET /me` has answered yet (avoids flashing "sign in").
    pub user_known: RwSignal<bool>,
    pub lang: RwSignal<Lang>,
    pub notice: RwSignal<Option<Notice>>,
    /// Unread notifications of the signed-in user, as last counted.
    #[cfg(feature = "more")]
    pub unread: RwSignal<i64>,
    /// The deployment's boards with their tags, loaded once at start.
    pub boards: RwSignal<Vec<Board>>,
    /// The statuses ideas can have (admins name and order them), loaded
    /// once at start; empty until then.
    pub statuses: RwSignal<Vec<StatusDef>>,
    /// The newest event from the live stream (`GET /api/v1/events`).
    pub live: RwSignal<Option<LiveEvent>>,
    /// Set when the app runs as the widget inside another site.
    pub embed: RwSignal<Option<crate::embed::Embed>>,
}

impl AppState {
    pub fn new() -> AppState {
        AppState {
            user: RwSignal::new(None),
            user_known: RwSignal::new(false),
            lang: RwSignal::new(Lang::initial()),
            notice: RwSignal::new(None),
            #[cfg(feature = "more")]
            unread: RwSignal::new(0),
            boards: RwSignal::new(Vec::new()),
            statuses: RwSignal::new(Vec::new()),
            live: RwSignal::new(None),
            embed: RwSignal::new(None),
        }
    }

    /// An app path, inside the widget when embedded (`/ideas/1` becomes
    /// `/embed/web/ideas/1`).
    pub fn path(&self, path: &str) -> String {
        match self.embed.with_untracked(|e| e.as_ref().map(|e| e.board.clone())) {
            Some(board) => format!("/embed/{board}{}", if path == "/" { "" } else { path }),
            None => path.to_owned(),
        }
    }

    #[cfg(feature = "more")]
    pub fn announce(&self, key: Key) {
        self.notice.set(Some(Notice { key, is_error: false }));
    }

    pub fn alert(&self, key: Key) {
        self.notice.set(Some(Notice { key, is_error: true }));
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

//! One component per route.
//!
//! Every page but the board is built into the `more` bundle only; the
//! board's bundle routes every other path to `load_in_full`.

#[cfg(feature = "more")]
pub mod account;
#[cfg(feature = "more")]
pub mod auth;
pub mod board;
#[cfg(feature = "more")]
pub mod changelog;
#[cfg(feature = "more")]
pub mod idea;
#[cfg(not(feature = "more"))]
pub mod load_in_full;
pub mod not_found;
#[cfg(feature = "more")]
pub mod notifications;
#[cfg(feature = "more")]
pub mod roadmap;
#[cfg(feature = "more")]
pub mod unsubscribe;

#[cfg(feature = "more")]
pub use self::{
    account::AccountPage,
    auth::{LoginPage, RegisterPage},
    changelog::ChangelogPage,
    idea::IdeaPage,
    notifications::NotificationsPage,
    roadmap::RoadmapPage,
    unsubscribe::UnsubscribePage,
};

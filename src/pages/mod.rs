//! One component per route.
//!
//! Every page but the board is built into the `more` bundle only (see
//! `load_in_full`); here they keep their names either way.

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

#[cfg(not(feature = "more"))]
pub use self::load_in_full::{
    LoadInFull as AccountPage, LoadInFull as ChangelogPage, LoadInFull as IdeaPage, LoadInFull as LoginPage,
    LoadInFull as NotificationsPage, LoadInFull as RegisterPage, LoadInFull as RoadmapPage,
    LoadInFull as UnsubscribePage,
};
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

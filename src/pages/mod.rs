//! One component per route.

pub mod account;
pub mod auth;
pub mod board;
pub mod changelog;
pub mod idea;
pub mod not_found;
pub mod notifications;
pub mod roadmap;
pub mod unsubscribe;

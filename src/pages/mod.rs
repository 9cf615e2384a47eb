//! One component per route.

pub mod auth;
pub mod board;
pub mod idea;
pub mod not_found;

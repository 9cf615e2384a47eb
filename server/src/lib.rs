//! Schwarm's server: a JSON API over SQLite (PostgreSQL to come) that also
//! serves the web app. See `shared/DESIGN.md` for the layers:
//! routes → service → store, with pure logic in `domain`.

pub mod app;
pub mod cli;
pub mod config;
pub mod csp;
pub mod csrf;
pub mod demo;
pub mod domain;
pub mod embed_page;
pub mod error;
pub mod extract;
pub mod limits;
pub mod list_cache;
pub mod listener;
pub mod live_conn;
pub mod openapi;
pub mod own_marks;
pub mod policy;
pub mod routes;
pub mod service;
pub mod state;
pub mod static_files;
pub mod store;
pub mod workers;

pub use app::Application;

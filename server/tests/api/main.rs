//! API integration tests: one binary, the real server on a random loopback
//! port, a fresh SQLite file per test.

mod auth;
mod boards;
mod cli;
mod comments;
mod crash;
mod email;
mod embed;
mod errors;
mod events;
mod export;
mod helpers;
mod idea_changes;
mod ideas;
mod internal_notes;
mod list_cache;
mod merge;
mod moderation;
mod notifications;
mod openapi;
mod own_marks;
mod profile;
mod publishing;
mod rate_limits;
mod search;
mod smtp_sink;
mod static_files;
mod status;
mod trends;
mod triage;
mod triage_access;
mod votes;
mod webhooks;

//! Use cases. Each takes validated input, runs one store transaction, and
//! returns wire types; HTTP stays in `routes`.

pub mod auth;
pub mod boards;
pub mod comments;
pub mod email;
pub mod embed;
pub mod export;
pub mod ideas;
pub mod last_seen;
pub mod member_lists;
pub mod moderation;
pub mod notifications;
pub mod profile;
pub mod publishing;
pub mod trends;
pub mod triage;
pub mod vote_queue;
pub mod webhooks;

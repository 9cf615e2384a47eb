//! Background consumers of the outbox (see shared DESIGN.md): they read the
//! `events` table after commit, so nothing uncommitted is ever announced and
//! nothing committed is missed.

pub mod email;
pub mod live;
pub mod notifications;
pub mod webhooks;

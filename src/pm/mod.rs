//! The product managers' and admins' area (feature `pm`): built only into
//! the PM bundle (`pm.html`, served under `/pm` and `/admin`), so the
//! customers' download carries none of it.

pub mod api;
pub mod board_settings;
pub mod bulk_bar;
pub mod changelog_page;
pub mod charts;
pub mod comment_moderation;
pub mod embed_page;
pub mod i18n;
pub mod idea_tools;
pub mod inbox;
pub mod merge_box;
pub mod moderation_buttons;
pub mod nav;
pub mod site_form;
pub mod statuses_page;
pub mod trends_page;
pub mod triage_row;
pub mod users_page;
pub mod webhooks_page;

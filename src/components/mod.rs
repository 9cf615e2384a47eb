//! Pieces that several pages share.

pub mod comment_form;
pub mod comments;
#[cfg(feature = "more")]
pub mod email_settings;
pub mod embed_bar;
pub mod field;
pub mod follow_button;
pub mod header;
pub mod idea_card;
pub mod idea_editor;
pub mod list_controls;
pub mod live_region;
pub mod load_error;
pub mod load_more;
#[cfg(feature = "more")]
pub mod my_activity;
pub mod new_idea_form;
pub mod similar_ideas;
pub mod status_badge;
pub mod vote_button;
pub mod voters;

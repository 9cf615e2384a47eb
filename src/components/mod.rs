//! Pieces that several pages share. Those of the pages only the `more`
//! bundle holds, and those only members see, are built into it alone
//! (`pages::load_in_full`).

#[cfg(feature = "more")]
pub mod comment_form;
#[cfg(feature = "more")]
pub mod comments;
#[cfg(feature = "more")]
pub mod email_settings;
#[cfg(feature = "more")]
pub mod embed_bar;
#[cfg(feature = "more")]
pub mod field;
#[cfg(feature = "more")]
pub mod follow_button;
pub mod header;
pub mod idea_card;
#[cfg(feature = "more")]
pub mod idea_editor;
pub mod list_controls;
pub mod live_region;
pub mod load_error;
pub mod load_more;
#[cfg(feature = "more")]
pub mod member_nav;
#[cfg(feature = "more")]
pub mod my_activity;
#[cfg(feature = "more")]
pub mod new_idea_form;
#[cfg(feature = "more")]
pub mod similar_ideas;
pub mod status_badge;
pub mod vote_button;
#[cfg(feature = "more")]
pub mod voters;

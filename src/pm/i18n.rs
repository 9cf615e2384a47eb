//! The PM area's words. Each text is an English–German pair written where
//! it is used: the area lives in its own bundle, is read by a few staff, and
//! a pair cannot lose one of its languages. (The customer app's `Key`s are
//! such pairs too, named so that its pages share them.)

pub use crate::i18n::pick;
use crate::state::use_app;
use leptos::prelude::*;

/// A reactive text for `view!`: re-renders on a language switch.
pub fn l(en: &'static str, de: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_app().lang;
    move || pick(lang.get(), en, de)
}

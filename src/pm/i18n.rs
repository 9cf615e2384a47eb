//! The PM area's words. Each text is an English–German pair written where
//! it is used: the area lives in its own bundle, is read by a few staff, and
//! a pair cannot lose one of its languages. (The customer app's exhaustive
//! `Key` enum stays free of these strings, keeping its bundle small.)

use crate::i18n::Lang;
use crate::state::use_app;
use leptos::prelude::*;

/// A reactive text for `view!`: re-renders on a language switch.
pub fn l(en: &'static str, de: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_app().lang;
    move || pick(lang.get(), en, de)
}

pub fn pick(lang: Lang, en: &'static str, de: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::De => de,
    }
}

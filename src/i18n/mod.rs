//! English and German. Each `Key` holds its words in both languages
//! (`words/`), so a key missing in either does not compile.
//!
//! Hand-written rather than leptos_i18n: it costs ~1 KB of wasm instead of
//! 18-48 KB (measured, see shared DESIGN.md), and the compiler still checks
//! completeness.

mod words;

pub use words::Key;

use crate::state::use_app;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    De,
}

const STORAGE_KEY: &str = "schwarm.lang";

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The BCP 47 tag, for `<html lang>` and Intl.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The language's own name, for the switcher.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The remembered choice, else the browser's language, else English.
    pub fn initial() -> Lang {
        let window = web_sys::window();
        let stored = window
            .as_ref()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|t| Lang::from_tag(&t));
        let browser = || {
            window
                .as_ref()
                .and_then(|w| w.navigator().language())
                .and_then(|t| Lang::from_tag(&t))
        };
        stored.or_else(browser).unwrap_or_default()
    }

    pub fn remember(self) {
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = storage.set_item(STORAGE_KEY, self.tag());
        }
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", self.tag());
        }
    }
}

pub fn text(lang: Lang, key: Key) -> &'static str {
    let [en, de] = *key.0;
    pick(lang, en, de)
}

/// One of an English–German pair: a key's (`text`), or a pair written where
/// it is used (the PM area's `l`).
pub fn pick(lang: Lang, en: &'static str, de: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::De => de,
    }
}

/// A reactive translation for use in `view!`: re-renders on a language switch.
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_app().lang;
    move || text(lang.get(), key)
}

/// The label of a status key: the admins' name for it in this language,
/// else the built-in one; unknown statuses show their key. Reactive: it
/// reads the statuses in the app state.
pub fn status_label(lang: Lang, status: &str) -> String {
    let named = use_context::<crate::state::AppState>().and_then(|app| {
        app.statuses.with(|all| {
            all.iter().find(|s| s.key == status).map(|s| match lang {
                Lang::En => s.label_en.clone(),
                Lang::De => s.label_de.clone(),
            })
        })
    });
    if let Some(label) = named {
        return label;
    }
    let key = match status {
        "open" => Key::StatusOpen,
        "under review" | "under_review" => Key::StatusUnderReview,
        "planned" => Key::StatusPlanned,
        "in progress" | "in_progress" => Key::StatusInProgress,
        "done" => Key::StatusDone,
        "declined" => Key::StatusDeclined,
        other => return other.to_owned(),
    };
    text(lang, key).to_owned()
}

/// An author's name; accounts that were deleted have none.
pub fn author_name(lang: Lang, name: &str) -> String {
    if name.is_empty() {
        text(lang, Key::DeletedUser).to_owned()
    } else {
        name.to_owned()
    }
}

/// A validation problem in words; `{n}` in the text is the limit.
#[cfg(feature = "more")]
pub fn problem(lang: Lang, p: schwarm_wire::Problem) -> String {
    use schwarm_wire::Problem;
    let (key, n) = match p {
        Problem::Required => (Key::ProblemRequired, None),
        Problem::TooShort(n) => (Key::ProblemTooShort, Some(n.to_string())),
        Problem::TooLong(n) => (Key::ProblemTooLong, Some(n.to_string())),
        Problem::InvalidEmail => (Key::ProblemInvalidEmail, None),
        Problem::CommonPassword => (Key::ProblemCommonPassword, None),
        Problem::WrongPassword => (Key::ProblemWrongPassword, None),
        Problem::OutOfRange(a, b) => (Key::ProblemOutOfRange, Some(format!("{a}–{b}"))),
        Problem::TooMany(n) => (Key::ProblemTooMany, Some(n.to_string())),
        Problem::Invalid => (Key::ProblemInvalid, None),
    };
    let s = text(lang, key);
    match n {
        Some(n) => s.replace("{n}", &n),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_distinct_text_in_each_language() {
        let all = words::all();
        for &key in &all {
            for lang in Lang::ALL {
                assert!(!text(lang, key).trim().is_empty(), "{key:?} is empty in {lang:?}");
            }
        }
        // Words German uses as they are; anything else the same in both
        // languages was forgotten.
        let loanwords = [
            Key::StatusFilterLabel,
            Key::SiteBoardLabel,
            Key::NavRoadmap,
            Key::RoadmapHeading,
        ];
        let same: Vec<_> = all
            .iter()
            .filter(|&&k| text(Lang::En, k) == text(Lang::De, k) && !loanwords.contains(&k))
            .collect();
        assert!(same.is_empty(), "untranslated German strings: {same:?}");
    }

    #[test]
    fn language_tags_are_recognised() {
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
    }
}

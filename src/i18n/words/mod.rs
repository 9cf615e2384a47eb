//! Every visible string of the customer app, its English and German words
//! side by side (`board.rs`, `account.rs`, `team.rs`).
//!
//! A key is a constant, not an enum variant looked up in one `match` over
//! all of them: a bundle carries the words of the keys its code uses, and
//! no others. (With one `match`, the board's first load carried every
//! page's words in both languages.) A key without both languages does not
//! compile.

/// A visible string: its English and German words (`i18n::text` picks one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key(pub(super) &'static [&'static str; 2]);

/// `Name: "English", "Deutsch";` for each key, giving `Key::Name`, and the
/// file's keys as `ALL` for the tests.
macro_rules! words {
    ($($name:ident: $en:literal, $de:literal;)*) => {
        // Named as the enum variants they replaced (`Key::SignIn`), and
        // each bundle uses only some of them.
        #[allow(non_upper_case_globals, dead_code)]
        impl super::Key {
            $(pub const $name: super::Key = super::Key(&[$en, $de]);)*
        }

        #[cfg(test)]
        pub(super) const ALL: &[super::Key] = &[$(super::Key::$name),*];
    };
}

mod account;
mod board;
mod team;

/// Every key, for the completeness tests.
#[cfg(test)]
pub fn all() -> Vec<Key> {
    [board::ALL, account::ALL, team::ALL].concat()
}

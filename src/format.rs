//! Dates and numbers in the reader's language.
//!
//! Written here rather than through the browser's Intl (or chrono, which
//! would add 8-15 KB to the bundle): the first Intl formatter a page makes
//! loads the locale's data, and on the board that happened while its first
//! list was rendered, ~31 ms of script before the first card was painted
//! (Chromium's profiler, 2-core machine). For whole numbers and numeric
//! dates, our two languages need only what is below, and it gives what Intl
//! gives for them ("1,234" / "1.234", "12/1/2026" / "1.12.2026").

use crate::i18n::{text, Key, Lang};
use wasm_bindgen::JsValue;

/// The date of an ISO 8601 time in the reader's time zone, as Intl's
/// default numeric date for the language.
pub fn date(iso: &str, lang: Lang) -> String {
    let d = js_sys::Date::new(&JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return iso.to_owned();
    }
    let (year, month, day) = (d.get_full_year(), d.get_month() + 1, d.get_date());
    match lang {
        Lang::En => format!("{month}/{day}/{year}"),
        Lang::De => format!("{day}.{month}.{year}"),
    }
}

/// A whole number with the language's thousands separator.
pub fn number(n: i64, lang: Lang) -> String {
    let separator = match lang {
        Lang::En => ',',
        Lang::De => '.',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// "1 comment", "3 comments": the count with the noun in the right number.
pub fn counted(n: i64, one: Key, many: Key, lang: Lang) -> String {
    let noun = text(lang, if n == 1 { one } else { many });
    format!("{} {noun}", number(n, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands_in_each_language() {
        assert_eq!(number(0, Lang::En), "0");
        assert_eq!(number(999, Lang::De), "999");
        assert_eq!(number(1234, Lang::En), "1,234");
        assert_eq!(number(1234, Lang::De), "1.234");
        assert_eq!(number(-1234567, Lang::En), "-1,234,567");
        assert_eq!(number(100000, Lang::De), "100.000");
    }
}

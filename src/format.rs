//! Dates and numbers in the reader's language, through the browser's Intl
//! (js_sys) rather than chrono, which would add 8-15 KB to the bundle.

use crate::i18n::{text, Key, Lang};
use wasm_bindgen::JsValue;

pub fn date(iso: &str, lang: Lang) -> String {
    let d = js_sys::Date::new(&JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return iso.to_owned();
    }
    d.to_locale_date_string(lang.tag(), &JsValue::UNDEFINED).into()
}

pub fn number(n: i64, lang: Lang) -> String {
    js_sys::Number::from(n as f64).to_locale_string(lang.tag()).into()
}

/// "1 comment", "3 comments": the count with the noun in the right number.
pub fn counted(n: i64, one: Key, many: Key, lang: Lang) -> String {
    let noun = text(lang, if n == 1 { one } else { many });
    format!("{} {noun}", number(n, lang))
}

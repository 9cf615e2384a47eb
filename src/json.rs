//! JSON through the browser's own `JSON.parse` and `JSON.stringify`, with
//! serde-wasm-bindgen between the JS values and our types, instead of
//! serde_json's parser and printer compiled into the wasm.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Parses `text` as `T`; the message says what did not fit.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|_| "invalid JSON".to_owned())?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// `value` as JSON text (maps as objects, as serde_json writes them).
pub fn encode<T: Serialize>(value: &T) -> Result<String, String> {
    let value = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&value)
        .map(String::from)
        .map_err(|_| "not serialisable".to_owned())
}

//! Answers that `index.html` asked for before the wasm ran.
//!
//! A cold visit spends its first ~150 ms fetching and compiling the wasm,
//! while the network and the server sit idle. Only after that did the app
//! ask for the current user, the boards, the statuses and the first page of
//! ideas, and their answers came back as separate tasks: the browser laid
//! out the page's skeleton first and built the cards only in a later task
//! (Chromium trace of a cold load, `make bench`'s first list paint). So a
//! small inline script in `index.html` asks for the same URLs at once, and
//! `api::fetch_text` takes each answer from here, once, instead of asking
//! again. Answered by the time the app mounts, the first page is built in
//! the mount's own task.
//!
//! What the script asks for must be exactly what the app would ask for
//! (URL, method GET, no bearer token); a URL it guessed wrong is simply not
//! taken, and the app asks as before. Whatever is not taken before the
//! first frame is dropped ([`forget_after_first_frame`]), so no answer is
//! ever served late, after a write could have changed it.
//!
//! Hand-written: the script must run before any bundle has loaded, and the
//! Rust side is a property lookup.

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where `index.html`'s script keeps its answers: absolute URL → a promise
/// of `[status, body]` (status 0 for a network failure; it never rejects).
const KEY: &str = "__schwarmEarly";

fn answers(window: &web_sys::Window) -> Option<JsValue> {
    let answers = Reflect::get(window, &JsValue::from_str(KEY)).ok()?;
    answers.is_object().then_some(answers)
}

/// The early answer to a GET of `url` (absolute, as `Request::url` gives
/// it), taken so that nobody gets it twice.
pub fn take(url: &str) -> Option<EarlyAnswer> {
    let answers = answers(&web_sys::window()?)?;
    let key = JsValue::from_str(url);
    let promise = Reflect::get(&answers, &key).ok()?.dyn_into::<Promise>().ok()?;
    let _ = Reflect::delete_property(answers.unchecked_ref::<Object>(), &key);
    Some(EarlyAnswer(promise))
}

pub struct EarlyAnswer(Promise);

impl EarlyAnswer {
    /// The status and body, or why the network failed.
    pub async fn get(self) -> Result<(u16, String), String> {
        let answer = JsFuture::from(self.0).await.unwrap_or(JsValue::NULL);
        let answer = Array::from(&answer);
        let body = answer.get(1).as_string().unwrap_or_default();
        match answer.get(0).as_f64().unwrap_or(0.0) as u16 {
            0 => Err(body),
            status => Ok((status, body)),
        }
    }
}

/// Resolves once every early answer is in, or after `most_ms`, whichever
/// comes first. The app mounts after it: an answer that is in when the
/// wasm is ready was still handed over in a task of its own, after the
/// mount's task had drawn the skeleton (trace), so the list came a frame
/// later. Waiting is bounded so that a slow server still gets the skeleton.
pub async fn settled(most_ms: i32) {
    let Some(window) = web_sys::window() else { return };
    let Some(answers) = answers(&window) else { return };
    let all = Promise::all(&Object::values(answers.unchecked_ref::<Object>()));
    let timer = Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, most_ms);
    });
    let _ = JsFuture::from(Promise::race(&Array::of2(&all, &timer))).await;
}

/// Drops the answers the first page did not take, once its first frame is
/// due: everything it asks for at mount is asked for in the mount's task.
pub fn forget_after_first_frame() {
    leptos::prelude::request_animation_frame(|| {
        if let Some(window) = web_sys::window() {
            let _ = Reflect::delete_property(window.unchecked_ref::<Object>(), &JsValue::from_str(KEY));
        }
    });
}

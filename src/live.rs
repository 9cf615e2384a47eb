//! The live stream: one EventSource for the whole app. The browser
//! reconnects by itself and sends `Last-Event-ID`, so nothing is missed.

use crate::state::AppState;
use leptos::prelude::*;
use schwarm_wire::LiveEvent;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

pub fn connect(state: AppState) {
    let Ok(source) = EventSource::new("/api/v1/events") else {
        return;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |message: MessageEvent| {
        if let Some(event) = message
            .data()
            .as_string()
            .and_then(|text| serde_json::from_str::<LiveEvent>(&text).ok())
        {
            state.live.set(Some(event));
        }
    });
    source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Both live as long as the page: the stream is never closed on purpose.
    on_message.forget();
    std::mem::forget(source);
}

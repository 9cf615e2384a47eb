//! The live stream: one EventSource for the whole app. The browser
//! reconnects by itself and sends `Last-Event-ID`, so nothing is missed.

use crate::state::AppState;
use leptos::prelude::*;
use schwarm_wire::LiveEvent;
use std::cell::RefCell;
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
            .and_then(|text| crate::json::decode::<LiveEvent>(&text).ok())
        {
            state.live.set(Some(event));
        }
    });
    source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Both live as long as the app: the stream is closed only when the app
    // is unmounted (the board's, when the `more` bundle takes over).
    STREAM.with(|stream| *stream.borrow_mut() = Some((source, on_message)));
    on_cleanup(|| {
        if let Some((source, _)) = STREAM.with(|stream| stream.borrow_mut().take()) {
            source.close();
        }
    });
}

/// The open stream and its handler.
type Stream = (EventSource, Closure<dyn FnMut(MessageEvent)>);

thread_local! {
    /// Kept here: neither is `Send`, which `on_cleanup` asks of what it holds.
    static STREAM: RefCell<Option<Stream>> = const { RefCell::new(None) };
}

//! From the board's bundle to the `more` bundle, in the same document.
//!
//! The board's bundle holds the board only (`pages::load_in_full` says
//! why). When the visitor moves to another page, it imports the `more`
//! bundle's boot script (`/more/boot.js`, which the server takes from
//! `dist/more/index.html`). That bundle starts, calls the hook the board
//! left on `window`, which unmounts the board's app (its router, stream and
//! timers end with it), and mounts itself at the address the board's
//! router has already pushed. So the move is client-side: no document is
//! loaded, the history and the page's script state stay, and only the
//! `more` bundle's files are fetched (once; they are cached immutable).
//!
//! Hand-made because Leptos' own code splitting (`#[lazy]`, wasm-split)
//! needs a build step between the linker and wasm-bindgen that Trunk 0.21
//! does not have (trunk-rs/trunk#1022).

use leptos::mount::UnmountHandle;
use leptos::prelude::Owner;
use leptos::tachys::view::Mountable;

/// The `window` property through which the `more` bundle unmounts the
/// board's app.
const HOOK: &str = "__schwarmHandOver";

#[cfg(not(feature = "more"))]
pub use self::board::{mounted, start_more};

#[cfg(not(feature = "more"))]
mod board {
    use super::*;
    use std::any::Any;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    thread_local! {
        /// The board's mounted app and its root owner, kept so they can be
        /// unmounted and cleaned up.
        static APP: RefCell<Option<(Owner, Box<dyn Any>)>> = const { RefCell::new(None) };
    }

    #[wasm_bindgen(inline_js = "export function import_module(url) { return import(url); }")]
    extern "C" {
        #[wasm_bindgen(catch)]
        fn import_module(url: &str) -> Result<js_sys::Promise, JsValue>;
    }

    /// Keeps the mounted app until the `more` bundle takes over.
    pub fn mounted<M: Mountable + 'static>(root: Owner, handle: UnmountHandle<M>) {
        APP.with(|app| *app.borrow_mut() = Some((root, Box::new(handle))));
    }

    /// Leaves the hook, then starts the `more` bundle; resolves once it
    /// runs. An error means it could not be fetched or started.
    pub async fn start_more() -> Result<(), JsValue> {
        let unmount = Closure::once_into_js(|| {
            if let Some((root, view)) = APP.with(|app| app.borrow_mut().take()) {
                // The view leaves the page; then every cleanup runs: the
                // router's listeners, the live stream, the timers.
                drop(view);
                root.cleanup();
            }
        });
        js_sys::Reflect::set(&leptos::prelude::window(), &HOOK.into(), &unmount)?;
        JsFuture::from(import_module("/more/boot.js")?).await.map(drop)
    }
}

/// Unmounts the board's app if it started this bundle (see the module
/// doc); called just before this app mounts.
#[cfg(feature = "more")]
pub fn take_over() {
    use wasm_bindgen::JsCast;
    let window = leptos::prelude::window();
    let hook = js_sys::Reflect::get(&window, &HOOK.into()).ok();
    if let Some(unmount) = hook.as_ref().and_then(|h| h.dyn_ref::<js_sys::Function>()) {
        let _ = js_sys::Reflect::delete_property(&window, &HOOK.into());
        let _ = unmount.call0(&wasm_bindgen::JsValue::NULL);
    }
}

/// This bundle's app lives as long as the page.
#[cfg(feature = "more")]
pub fn mounted<M: Mountable + 'static>(root: Owner, handle: UnmountHandle<M>) {
    handle.forget();
    std::mem::forget(root);
}

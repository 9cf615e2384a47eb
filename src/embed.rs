//! The app as a widget inside another site (`/embed/{board}`, inserted by
//! `/embed.js`). It talks to its host page with `postMessage`, and only to
//! the origin the server confirms may embed this board: it tells its
//! height, re-announces what the member did (the host sees DOM events), and
//! takes a signed-login token. Its session is a bearer token in memory,
//! since browsers block cookies in cross-site frames.

use crate::api;
use crate::i18n::Key;
use crate::state::AppState;
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use schwarm_wire::EmbedTheme;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, ResizeObserver};

#[derive(Clone, Debug, PartialEq)]
pub struct Embed {
    pub board: String,
    /// The host page's origin, once the server has confirmed it.
    pub host: Option<String>,
}

/// The widget's board when the page is `/embed/{board}…`.
///
/// The server answers those paths with the `more` bundle, which holds the
/// idea page and the sign-in the widget moves to: a hand-over from the
/// board's bundle (`hand_over`) would lose the widget's in-memory session.
/// The board's bundle is never the widget, so there its code is left out.
/// (Inlined, so that the compiler sees the `None` and drops `start`.)
#[cfg(not(feature = "more"))]
#[inline(always)]
pub fn detect() -> Option<String> {
    None
}

/// The widget's board when the page is `/embed/{board}…`.
#[cfg(feature = "more")]
pub fn detect() -> Option<String> {
    let path = web_sys::window()?.location().pathname().ok()?;
    let board = path.strip_prefix("/embed/")?.split('/').next()?;
    (!board.is_empty()).then(|| board.to_owned())
}

/// Whether the widget was inserted by a host page (not a preview).
pub fn has_host() -> bool {
    query("host").is_some()
}

fn query(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// Sets up the widget: theme, the host's confirmation, the messages.
pub fn start(app: AppState, board: String) {
    app.embed.set(Some(Embed {
        board: board.clone(),
        host: None,
    }));
    if let Some(root) = document_element() {
        let _ = root.set_attribute("data-embedded", "");
    }
    // The admin page's preview passes a whole theme; the loader a mode.
    apply_theme_from_query();
    let Some(host) = query("host") else { return };
    leptos::task::spawn_local(async move {
        // Without the server's word that `host` may embed this board, the
        // widget never speaks to its parent.
        let Ok(config) = api::embed_config(&board, &host).await else {
            return;
        };
        apply_theme(&config.theme);
        // The host page's own `data-theme` wins over the site's default.
        apply_theme_from_query();
        app.embed.set(Some(Embed {
            board,
            host: Some(config.origin.clone()),
        }));
        listen(app, config.origin.clone());
        report_height(config.origin.clone());
        post(&config.origin, "schwarm:ready", &[]);
    });
}

fn document_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

fn apply_theme(theme: &EmbedTheme) {
    let Some(root) = document_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    let style = root.style();
    let _ = style.set_property("--accent", &theme.accent);
    let _ = style.set_property("--focus", &theme.accent);
    let _ = style.set_property("--radius", &format!("{}px", theme.radius.min(24)));
    if !theme.font.is_empty() {
        let _ = style.set_property("--font", &theme.font);
    }
    set_mode(theme.mode.as_str());
}

fn set_mode(mode: &str) {
    if let Some(root) = document_element() {
        let _ = match mode {
            "light" | "dark" => root.set_attribute("data-theme", mode),
            _ => root.remove_attribute("data-theme"),
        };
    }
}

/// `?theme=` (light, dark, auto) and, for the preview, `?accent=`,
/// `?font=`, `?radius=`. Values go through the CSSOM, which ignores what is
/// not a valid value; nothing is written into a style sheet.
fn apply_theme_from_query() {
    if let Some(mode) = query("theme") {
        set_mode(&mode);
    }
    let Some(root) = document_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    let style = root.style();
    if let Some(accent) = query("accent").filter(|a| a.len() == 7 && a.starts_with('#')) {
        let _ = style.set_property("--accent", &accent);
        let _ = style.set_property("--focus", &accent);
    }
    if let Some(font) = query("font").filter(|f| !f.is_empty()) {
        let _ = style.set_property("--font", &font);
    }
    if let Some(radius) = query("radius").and_then(|r| r.parse::<u8>().ok()) {
        let _ = style.set_property("--radius", &format!("{}px", radius.min(24)));
    }
}

/// Sends `{type, …fields}` to the host page, and only to its origin.
fn post(host: &str, kind: &str, fields: &[(&str, JsValue)]) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &kind.into());
    for (key, value) in fields {
        let _ = Reflect::set(&message, &(*key).into(), value);
    }
    let _ = parent.post_message(&message, host);
}

/// Tells the host page what the member did: `schwarm:idea-created`,
/// `schwarm:voted`, `schwarm:signed-in`. A no-op outside a confirmed host.
pub fn emit(app: AppState, name: &str, detail: &[(&str, JsValue)]) {
    let Some(host) = app.embed.with_untracked(|e| e.as_ref().and_then(|e| e.host.clone())) else {
        return;
    };
    let object = Object::new();
    for (key, value) in detail {
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    post(
        &host,
        "schwarm:event",
        &[("name", name.into()), ("detail", object.into())],
    );
}

/// Messages from the host: only its origin's, only `schwarm:sso`.
fn listen(app: AppState, host: String) {
    let Some(window) = web_sys::window() else { return };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        if e.origin() != host {
            return;
        }
        let data = e.data();
        let kind = Reflect::get(&data, &"type".into()).ok().and_then(|v| v.as_string());
        let token = Reflect::get(&data, &"token".into()).ok().and_then(|v| v.as_string());
        if let (Some("schwarm:sso"), Some(token)) = (kind.as_deref(), token) {
            leptos::task::spawn_local(sign_in(app, token));
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    // Lives as long as the page.
    on_message.forget();
}

async fn sign_in(app: AppState, token: String) {
    match api::sso(&token).await {
        Ok(session) => signed_in(app, session),
        Err(_) => app.alert(Key::SsoFailed),
    }
}

/// Keeps a bearer session and tells the host.
pub fn signed_in(app: AppState, session: schwarm_wire::TokenSession) {
    api::set_bearer(Some(session.token));
    let name = session.user.display_name.clone();
    app.user.set(Some(session.user));
    app.user_known.set(true);
    emit(app, "schwarm:signed-in", &[("name", name.into())]);
}

/// Reports the document's height whenever it changes, so the host sizes
/// the iframe to it (no inner scrollbar).
fn report_height(host: String) {
    let body = || web_sys::window()?.document()?.body();
    let Some(observed) = body() else { return };
    // The body is as tall as its content (the html element would be at
    // least as tall as the frame, so it could never shrink).
    let measure = move || {
        if let Some(body) = body() {
            post(
                &host,
                "schwarm:resize",
                &[("height", f64::from(body.offset_height()).into())],
            );
        }
    };
    measure();
    let callback = Closure::<dyn FnMut()>::new(measure);
    if let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&observed);
        std::mem::forget(observer);
    }
    callback.forget();
}

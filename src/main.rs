//! Schwarm's web app: mounts the router-driven single-page app.

mod api;
mod app;
mod components;
mod embed;
mod format;
mod i18n;
mod live;
mod pages;
#[cfg(feature = "pm")]
mod pm;
mod state;

fn main() {
    leptos::mount::mount_to_body(app::App);
}

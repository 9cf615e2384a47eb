//! The form of an embedding site (origin, board, widget theme), with a live
//! preview of the widget in that theme.

use crate::i18n::{problem, text, tr, Key};
use crate::state::use_app;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use schwarm_wire::embed::RADIUS_MAX;
use schwarm_wire::{EmbedTheme, FieldErrors, SiteInput, ThemeMode};

/// `on_save` gets the input; it answers with the server's field problems
/// (empty when saved).
#[component]
pub fn SiteForm(
    /// Makes the fields' ids unique when several forms share a page.
    #[prop(into)]
    prefix: String,
    initial: SiteInput,
    #[prop(into)] submit_label: Signal<String>,
    on_save: Callback<SiteInput>,
    errors: RwSignal<FieldErrors>,
    pending: Signal<bool>,
) -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(initial.name);
    let origin = RwSignal::new(initial.origin);
    let board = RwSignal::new(initial.board);
    let accent = RwSignal::new(initial.theme.accent);
    let mode = RwSignal::new(initial.theme.mode);
    let font = RwSignal::new(initial.theme.font);
    let radius = RwSignal::new(initial.theme.radius);
    // The first board is the default choice.
    Effect::new(move |_| {
        if board.read().is_empty() {
            if let Some(first) = app.boards.read().first() {
                board.set(first.slug.clone());
            }
        }
    });
    let input = move || SiteInput {
        name: name.get(),
        origin: origin.get(),
        board: board.get(),
        theme: EmbedTheme {
            accent: accent.get(),
            mode: mode.get(),
            font: font.get(),
            radius: radius.get(),
        },
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let site = input();
        match site.validate() {
            Ok(_) => {
                errors.set(FieldErrors::default());
                on_save.run(site);
            }
            Err(bad) => errors.set(bad),
        }
    };
    let error = move |field: &'static str| move || errors.read().get(field).map(|p| problem(app.lang.get(), p));
    // The widget itself, same origin, in the chosen theme.
    let preview = move || {
        let site = input();
        let encode = |s: &str| String::from(js_sys::encode_uri_component(s));
        format!(
            "/embed/{}?theme={}&accent={}&font={}&radius={}",
            encode(&site.board),
            site.theme.mode.as_str(),
            encode(&site.theme.accent),
            encode(&site.theme.font),
            site.theme.radius
        )
    };
    let id = move |field: &str| format!("{prefix}-{field}");
    view! {
        <form class="site-form" on:submit=on_submit novalidate>
            <label for=id("name")>{tr(Key::SiteNameLabel)}</label>
            <input id=id("name") bind:value=name maxlength="60" />
            <p class="field-error">{error("name")}</p>
            <label for=id("origin")>{tr(Key::SiteOriginLabel)}</label>
            <input id=id("origin") type="url" bind:value=origin placeholder="https://www.example.com" />
            <p class="field-error">{error("origin")}</p>
            <label for=id("board")>{tr(Key::SiteBoardLabel)}</label>
            <select id=id("board") prop:value=move || board.get() on:change:target=move |ev| board.set(ev.target().value())>
                {move || app.boards.get().into_iter().map(|b| view! { <option value=b.slug.clone()>{b.name}</option> }).collect_view()}
            </select>
            <p class="field-error">{error("board")}</p>
            <div class="theme-fields">
                <label>{tr(Key::AccentLabel)}
                    <input type="color" prop:value=move || accent.get() on:input:target=move |ev| accent.set(ev.target().value()) />
                </label>
                <label>{tr(Key::ModeLabel)}
                    <select prop:value=move || mode.get().as_str() on:change:target=move |ev| {
                        mode.set(ThemeMode::parse(&ev.target().value()).unwrap_or_default())
                    }>
                        <option value="auto">{tr(Key::ModeAuto)}</option>
                        <option value="light">{tr(Key::ModeLight)}</option>
                        <option value="dark">{tr(Key::ModeDark)}</option>
                    </select>
                </label>
                <label>{tr(Key::FontLabel)}
                    <input bind:value=font maxlength="80" placeholder="Inter, sans-serif" />
                </label>
                <label>{tr(Key::RadiusLabel)}
                    <input type="number" min="0" max=RADIUS_MAX.to_string() prop:value=move || radius.get().to_string()
                        on:input:target=move |ev| radius.set(ev.target().value().parse().unwrap_or(0).min(RADIUS_MAX)) />
                </label>
            </div>
            <p class="field-error">{error("theme.accent")} {error("theme.font")} {error("theme.radius")}</p>
            <button type="submit" class="primary" disabled=move || pending.get()>{move || submit_label.get()}</button>
            <h3>{tr(Key::PreviewLabel)}</h3>
            <iframe class="widget-preview" title=move || text(app.lang.get(), Key::PreviewLabel) src=preview></iframe>
        </form>
    }
}

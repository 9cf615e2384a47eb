//! For admins: the statuses ideas can have, renamed, recoloured, reordered,
//! flagged for the roadmap, and new ones added (`/admin/statuses`).

use crate::api::ApiError;
use crate::i18n::Key;
use crate::pm::api;
use crate::pm::board_settings::BoardApprovals;
use crate::pm::i18n::l;
use crate::pm::nav::{PmNav, StaffOnly};
use crate::state::{use_app, AppState};
use leptos::prelude::*;
use schwarm_wire::{StatusDef, StatusInput, StatusOrder};

#[component]
pub fn StatusesPage() -> impl IntoView {
    view! {
        <PmNav />
        <section class="statuses-admin">
            <h1>{l("Statuses", "Status")}</h1>
            <StaffOnly admin=true>
                <Statuses />
                <BoardApprovals />
            </StaffOnly>
        </section>
    }
}

/// A save's result: the new list, or the message and fields to mark.
fn saved(app: AppState, result: Result<Vec<StatusDef>, ApiError>, error: RwSignal<Option<ApiError>>) -> bool {
    match result {
        Ok(all) => {
            app.statuses.set(all);
            error.set(None);
            app.announce(Key::Saved);
            true
        }
        Err(e) => {
            error.set(Some(e));
            app.alert(Key::GenericError);
            false
        }
    }
}

#[component]
fn Statuses() -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<ApiError>);
    let reorder = Action::new_local(move |keys: &Vec<String>| {
        let order = StatusOrder { keys: keys.clone() };
        async move { saved(app, api::reorder_statuses(&order).await, error) }
    });
    let add = Action::new_local(move |input: &StatusInput| {
        let input = input.clone();
        async move { saved(app, api::add_status(&input).await, error) }
    });
    let move_by = move |key: String, step: isize| {
        let mut keys: Vec<String> = app.statuses.get_untracked().into_iter().map(|s| s.key).collect();
        let Some(at) = keys.iter().position(|k| *k == key) else {
            return;
        };
        let to = at as isize + step;
        if to < 0 || to as usize >= keys.len() {
            return;
        }
        keys.swap(at, to as usize);
        reorder.dispatch(keys);
    };
    view! {
        <p>{l(
            "Names in English and German, a colour, and whether the public roadmap shows the status as a column.",
            "Namen auf Englisch und Deutsch, eine Farbe, und ob die öffentliche Roadmap den Status als Spalte zeigt.",
        )}</p>
        {move || error.get().map(|e| view! { <p class="card error" role="alert">{e.detail.message.clone()}</p> })}
        <Show when=move || !app.statuses.read().is_empty() fallback=|| view! { <div class="skeleton"><div class="bar"></div></div> }>
            <ol class="status-admin-list">
                <For each=move || app.statuses.get() key=|s| format!("{s:?}") let(status)>
                    {
                        let (up, down) = (status.key.clone(), status.key.clone());
                        view! {
                            <li class="card">
                                <StatusForm initial=status.clone() error />
                                <div class="actions">
                                    <button type="button" on:click=move |_| move_by(up.clone(), -1)>{l("Move up", "Nach oben")}</button>
                                    <button type="button" on:click=move |_| move_by(down.clone(), 1)>{l("Move down", "Nach unten")}</button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ol>
        </Show>
        <section class="card">
            <h2>{l("Add a status", "Status hinzufügen")}</h2>
            <NewStatus add />
        </section>
    }
}

/// Editing one status: labels, colour, roadmap and closed flags.
#[component]
fn StatusForm(initial: StatusDef, error: RwSignal<Option<ApiError>>) -> impl IntoView {
    let app = use_app();
    let key = initial.key.clone();
    let input = RwSignal::new(StatusInput {
        key: initial.key.clone(),
        label_en: initial.label_en,
        label_de: initial.label_de,
        colour: initial.colour,
        on_roadmap: initial.on_roadmap,
        closed: initial.closed,
    });
    let save = Action::new_local(move |value: &StatusInput| {
        let (key, value) = (key.clone(), value.clone());
        async move { saved(app, api::edit_status(&key, &value).await, error) }
    });
    view! {
        <form class="status-form" on:submit=move |ev| { ev.prevent_default(); save.dispatch(input.get_untracked()); }>
            <p><code>{initial.key.clone()}</code></p>
            <StatusFields prefix=format!("status-{}", initial.key.replace(' ', "-")) input />
            <button type="submit">{l("Save", "Speichern")}</button>
        </form>
    }
}

#[component]
fn NewStatus(add: Action<StatusInput, bool>) -> impl IntoView {
    let blank = || StatusInput {
        colour: "#6b7280".into(),
        ..Default::default()
    };
    let input = RwSignal::new(blank());
    Effect::new(move |_| {
        if add.value().get() == Some(true) {
            input.set(blank());
        }
    });
    view! {
        <form class="status-form" on:submit=move |ev| { ev.prevent_default(); add.dispatch(input.get_untracked()); }>
            <label for="new-status-key">{l("Key (lower case, never changes)", "Schlüssel (klein, ändert sich nie)")}</label>
            <input id="new-status-key" prop:value=move || input.read().key.clone()
                on:input:target=move |ev| input.update(|i| i.key = ev.target().value()) />
            <StatusFields prefix="new-status".to_owned() input />
            <button type="submit" class="primary">{l("Add status", "Status hinzufügen")}</button>
        </form>
    }
}

#[component]
fn StatusFields(prefix: String, input: RwSignal<StatusInput>) -> impl IntoView {
    let id = move |name: &str| format!("{prefix}-{name}");
    view! {
        <label for=id("en")>{l("Name in English", "Name auf Englisch")}</label>
        <input id=id("en") required prop:value=move || input.read().label_en.clone()
            on:input:target=move |ev| input.update(|i| i.label_en = ev.target().value()) />
        <label for=id("de")>{l("Name in German", "Name auf Deutsch")}</label>
        <input id=id("de") required prop:value=move || input.read().label_de.clone()
            on:input:target=move |ev| input.update(|i| i.label_de = ev.target().value()) />
        <label for=id("colour")>{l("Colour", "Farbe")}</label>
        <input id=id("colour") type="color" prop:value=move || input.read().colour.clone()
            on:input:target=move |ev| input.update(|i| i.colour = ev.target().value()) />
        <label class="check">
            <input type="checkbox" prop:checked=move || input.read().on_roadmap
                on:change:target=move |ev| input.update(|i| i.on_roadmap = ev.target().checked()) />
            {l("Column on the roadmap", "Spalte auf der Roadmap")}
        </label>
        <label class="check">
            <input type="checkbox" prop:checked=move || input.read().closed
                on:change:target=move |ev| input.update(|i| i.closed = ev.target().checked()) />
            {l("Closed (nothing more will happen)", "Abgeschlossen (es passiert nichts mehr)")}
        </label>
    }
}

//! One idea in the triage list: its numbers, status, priority, tags and
//! merge, each changeable in place.

use crate::components::status_badge::StatusBadge;
use crate::format;
use crate::i18n::{status_label, Key};
use crate::pm::api;
use crate::pm::i18n::{l, pick};
use crate::pm::merge_box::MergeBox;
use crate::pm::moderation_buttons::{ModerationBadges, ModerationButtons};
use crate::state::use_app;
use leptos::html;
use leptos::prelude::*;
use schwarm_wire::{PriorityInput, StatusChange, TagsChange, TriageIdea};
use std::collections::BTreeSet;

/// What a keyboard shortcut asks of the current row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowCommand {
    Status,
    Merge,
    Tags,
}

#[component]
pub fn TriageRow(
    item: TriageIdea,
    index: usize,
    cursor: RwSignal<usize>,
    selected: RwSignal<BTreeSet<i64>>,
    command: RwSignal<Option<(i64, RowCommand)>>,
    rows: RwSignal<Vec<TriageIdea>>,
) -> impl IntoView {
    let app = use_app();
    let id = item.idea.id;
    let item = RwSignal::new(item);
    let current = move || cursor.get() == index;
    let asked = move |c: RowCommand| command.get() == Some((id, c));
    let link = NodeRef::<html::A>::new();
    let status_select = NodeRef::<html::Select>::new();
    Effect::new(move |_| {
        if current() {
            if let Some(a) = link.get() {
                let _ = a.focus();
            }
        }
    });
    Effect::new(move |_| {
        if asked(RowCommand::Status) {
            if let Some(select) = status_select.get() {
                let _ = select.focus();
            }
        }
    });
    let replace = move |fresh: TriageIdea| {
        item.set(fresh.clone());
        rows.update(|all| {
            if let Some(slot) = all.iter_mut().find(|t| t.idea.id == id) {
                *slot = fresh;
            }
        });
    };
    let set_status = Action::new_local(move |status: &String| {
        let change = StatusChange {
            status: status.clone(),
            response: None,
        };
        async move {
            match api::set_status(id, &change).await {
                Ok(idea) => {
                    let mut fresh = item.get_untracked();
                    fresh.idea = idea;
                    replace(fresh);
                    app.announce(Key::Saved);
                }
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    // The status chosen in the select, saved on Enter or with the button.
    let chosen = RwSignal::new(None::<String>);
    let save_chosen = move || {
        if let Some(status) = chosen.get_untracked() {
            if status != item.get_untracked().idea.status {
                set_status.dispatch(status);
            }
        }
    };
    let set_priority = Action::new_local(move |input: &PriorityInput| {
        let input = input.clone();
        async move {
            match api::set_priority(id, &input).await {
                Ok(fresh) => {
                    replace(fresh);
                    app.announce(Key::Saved);
                }
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let priority_select = move |impact: bool| {
        let value = move || {
            let t = item.read();
            let v = if impact { t.impact } else { t.effort };
            v.map(|v| v.to_string()).unwrap_or_default()
        };
        let on_change = move |ev: leptos::ev::Targeted<leptos::ev::Event, web_sys::HtmlSelectElement>| {
            let v = ev.target().value().parse::<i64>().ok();
            let t = item.get_untracked();
            let input = if impact {
                PriorityInput {
                    impact: v,
                    effort: t.effort,
                }
            } else {
                PriorityInput {
                    impact: t.impact,
                    effort: v,
                }
            };
            set_priority.dispatch(input);
        };
        view! {
            <label>
                <span>{if impact { l("Impact", "Wirkung") } else { l("Effort", "Aufwand") }}</span>
                <select on:change:target=on_change>
                    <option value="" selected=move || value().is_empty()>"–"</option>
                    {(1..=5).map(|n| view! { <option value=n.to_string() selected=move || value() == n.to_string()>{n}</option> }).collect_view()}
                </select>
            </label>
        }
    };
    let title = item.get_untracked().idea.title.clone();
    let toggle = move |_| {
        selected.update(|s| {
            if !s.remove(&id) {
                s.insert(id);
            }
        })
    };
    let status = item.get_untracked().idea.status.clone();
    view! {
        <li class="card triage-row" class:current=current class:selected=move || selected.read().contains(&id)>
            <div class="triage-head">
                <input type="checkbox" prop:checked=move || selected.read().contains(&id) on:change=toggle
                    aria-label=format!("{title} ✓") />
                <a node_ref=link href=format!("/pm/ideas/{id}") on:focus=move |_| cursor.set(index)>
                    {move || item.read().idea.title.clone()}
                </a>
            </div>
            <p class="idea-meta">
                <StatusBadge idea_id=id status />
                <span>{move || format::counted(item.read().idea.vote_count, Key::VoteOne, Key::Votes, app.lang.get())}</span>
                <span>{move || format::counted(item.read().idea.comment_count, Key::CommentOne, Key::Comments, app.lang.get())}</span>
                <span>{move || {
                    let n = item.read().internal_notes;
                    let noun = match n { 1 => pick(app.lang.get(), "internal note", "interne Notiz"), _ => pick(app.lang.get(), "internal notes", "interne Notizen") };
                    format!("{} {noun}", format::number(n, app.lang.get()))
                }}</span>
                <span class="board-name">{move || item.read().idea.board.name.clone()}</span>
                <span>{move || format::date(&item.read().idea.created_at, app.lang.get())}</span>
                {move || item.read().idea.tags.iter().map(|t| view! { <span class="tag">{t.name.clone()}</span> }).collect_view()}
                <ModerationBadges item=Signal::derive(move || Some(item.get())) />
            </p>
            <div class="triage-controls">
                <label>
                    <span>{l("Status", "Status")}</span>
                    // Arrow keys change a select's value (and fire `change`):
                    // the choice is saved with Enter or the button, so moving
                    // through the list tells the followers nothing.
                    <select node_ref=status_select
                        on:change:target=move |ev| chosen.set(Some(ev.target().value()))
                        on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); save_chosen(); }>
                        {move || app.statuses.get().into_iter().map(|s| {
                            let (key, this) = (s.key.clone(), s.key.clone());
                            let selected = move || item.read().idea.status == this;
                            view! { <option value=s.key selected=selected>{move || status_label(app.lang.get(), &key)}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <Show when=move || chosen.read().as_ref().is_some_and(|c| *c != item.read().idea.status)>
                    <button type="button" class="primary" on:click=move |_| save_chosen()>{l("Save status", "Status speichern")}</button>
                </Show>
                {priority_select(true)}
                {priority_select(false)}
                <span class="priority" title=l("(votes + 1) × impact ÷ effort", "(Stimmen + 1) × Wirkung ÷ Aufwand")>
                    {l("Priority", "Priorität")} " " {move || format!("{:.1}", item.read().priority)}
                </span>
                <button type="button" on:click=move |_| command.set(Some((id, RowCommand::Tags)))>{l("Tags…", "Tags…")}</button>
                <button type="button" on:click=move |_| command.set(Some((id, RowCommand::Merge)))>{l("Merge…", "Zusammenführen…")}</button>
                <ModerationButtons item=Signal::derive(move || Some(item.get())) on_change=Callback::new(replace) />
            </div>
            <Show when=move || asked(RowCommand::Tags)>
                <TagPicker item command replace />
            </Show>
            <Show when=move || asked(RowCommand::Merge)>
                <MergeBox
                    idea=item.get_untracked().idea
                    on_close=Callback::new(move |merged: bool| {
                        command.set(None);
                        if merged {
                            rows.update(|all| all.retain(|t| t.idea.id != id));
                        }
                    })
                />
            </Show>
        </li>
    }
}

/// The tags of the idea's board as checkboxes.
#[component]
fn TagPicker(
    item: RwSignal<TriageIdea>,
    command: RwSignal<Option<(i64, RowCommand)>>,
    replace: impl Fn(TriageIdea) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let idea = item.get_untracked().idea;
    let id = idea.id;
    let chosen = RwSignal::new(idea.tags.iter().map(|t| t.name.clone()).collect::<BTreeSet<_>>());
    let board_tags = move || {
        app.boards
            .read()
            .iter()
            .find(|b| b.slug == idea.board.slug)
            .map(|b| b.tags.iter().map(|t| t.name.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    // Opened by a shortcut: the keyboard goes straight to the first tag.
    let fieldset = NodeRef::<html::Fieldset>::new();
    Effect::new(move |_| {
        let first = fieldset.get().and_then(|f| f.query_selector("input").ok().flatten());
        if let Some(input) = first.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let _ = input.focus();
        }
    });
    let save = Action::new_local(move |_: &()| {
        let change = TagsChange {
            tags: chosen.get_untracked().into_iter().collect(),
        };
        async move {
            match api::set_tags(id, &change).await {
                Ok(fresh) => {
                    let mut t = item.get_untracked();
                    t.idea = fresh;
                    replace(t);
                    command.set(None);
                    app.announce(Key::Saved);
                }
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    view! {
        <fieldset class="tag-picker" node_ref=fieldset>
            <legend>{l("Tags", "Tags")}</legend>
            {move || board_tags().into_iter().map(|name| {
                let checked = { let name = name.clone(); move || chosen.read().contains(&name) };
                let toggle = { let name = name.clone(); move |_| chosen.update(|c| if !c.remove(&name) { c.insert(name.clone()); }) };
                view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=checked on:change=toggle />
                        {name}
                    </label>
                }
            }).collect_view()}
            <button type="button" class="primary" on:click=move |_| { save.dispatch(()); }>{l("Save tags", "Tags speichern")}</button>
            <button type="button" class="link" on:click=move |_| command.set(None)>{l("Cancel", "Abbrechen")}</button>
        </fieldset>
    }
}

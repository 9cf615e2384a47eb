//! Bulk changes on the triage list's selection: one status or one more tag
//! for every selected idea.

use crate::pm::api;
use crate::pm::i18n::l;
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::{StatusChange, TagsChange, TriageIdea};
use std::collections::BTreeSet;

/// Status or tag for every selected idea at once.
#[component]
pub fn BulkBar(
    rows: RwSignal<Vec<TriageIdea>>,
    selected: RwSignal<BTreeSet<i64>>,
    retry: RwSignal<u32>,
) -> impl IntoView {
    let app = use_app();
    let apply_status = Action::new_local(move |status: &String| {
        let (status, ids) = (status.clone(), selected.get_untracked());
        async move {
            let change = StatusChange { status, response: None };
            let mut failed = false;
            for id in ids {
                failed |= api::set_status(id, &change).await.is_err();
            }
            finish(app, failed, selected, retry);
        }
    });
    let add_tag = Action::new_local(move |tag: &String| {
        let (tag, ids) = (tag.clone(), selected.get_untracked());
        async move {
            let mut failed = false;
            for id in ids {
                let Some(mut tags) =
                    rows.with_untracked(|r| r.iter().find(|t| t.idea.id == id).map(|t| t.idea.tags.clone()))
                else {
                    continue;
                };
                if !tags.iter().any(|t| t.name == tag) {
                    tags.push(schwarm_wire::Tag {
                        name: tag.clone(),
                        colour: String::new(),
                    });
                }
                let change = TagsChange {
                    tags: tags.into_iter().map(|t| t.name).collect(),
                };
                failed |= api::set_tags(id, &change).await.is_err();
            }
            finish(app, failed, selected, retry);
        }
    });
    let bulk_status = RwSignal::new(String::new());
    let all_tags = move || {
        let mut names: Vec<String> = app
            .boards
            .read()
            .iter()
            .flat_map(|b| b.tags.iter().map(|t| t.name.clone()))
            .collect();
        names.sort();
        names.dedup();
        names
    };
    view! {
        <Show when=move || !selected.read().is_empty()>
            <div class="bulk-bar card" role="region" aria-label=l("Selected ideas", "Ausgewählte Ideen")>
                <strong>{move || selected.read().len()} " " {l("selected", "ausgewählt")}</strong>
                <label>
                    <span>{l("Set status", "Status setzen")}</span>
                    <select on:change:target=move |ev| bulk_status.set(ev.target().value())>
                        <option value="">"—"</option>
                        {move || app.statuses.get().into_iter().map(|s| {
                            let key = s.key.clone();
                            let label = move || crate::i18n::status_label(app.lang.get(), &key);
                            view! { <option value=s.key>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" class="primary" disabled=move || bulk_status.read().is_empty()
                    on:click=move |_| { apply_status.dispatch(bulk_status.get_untracked()); }>
                    {l("Apply", "Anwenden")}
                </button>
                <label>
                    <span>{l("Add tag", "Tag hinzufügen")}</span>
                    <select on:change:target=move |ev| { let v = ev.target().value(); if !v.is_empty() { add_tag.dispatch(v); } }>
                        <option value="">"—"</option>
                        {move || all_tags().into_iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" class="link" on:click=move |_| selected.set(BTreeSet::new())>
                    {l("Clear selection", "Auswahl aufheben")}
                </button>
            </div>
        </Show>
    }
}

fn finish(app: crate::state::AppState, failed: bool, selected: RwSignal<BTreeSet<i64>>, retry: RwSignal<u32>) {
    if failed {
        app.alert(crate::i18n::Key::GenericError);
    } else {
        app.announce(crate::i18n::Key::Saved);
        selected.set(BTreeSet::new());
    }
    retry.update(|n| *n += 1);
}

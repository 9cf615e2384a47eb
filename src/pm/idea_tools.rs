//! On an idea's page, for product managers: status with a public response,
//! impact and effort, merge and its undo.

use crate::api as customer_api;
use crate::components::field::Field;
use crate::i18n::{status_label, Key};
use crate::pm::api;
use crate::pm::i18n::l;
use crate::pm::merge_box::MergeBox;
use crate::pm::moderation_buttons::{ModerationBadges, ModerationButtons};
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::validate::BODY_MAX;
use schwarm_wire::{Idea, PriorityInput, Problem, Role, StatusChange, TriageIdea};

#[component]
pub fn IdeaTools(idea: RwSignal<Idea>) -> impl IntoView {
    let app = use_app();
    let staff = move || {
        app.user
            .read()
            .as_ref()
            .is_some_and(|u| matches!(u.role, Role::Pm | Role::Admin))
    };
    view! {
        <Show when=staff>
            <Tools idea />
        </Show>
    }
}

#[component]
fn Tools(idea: RwSignal<Idea>) -> impl IntoView {
    let app = use_app();
    let id = idea.get_untracked().id;
    let status = RwSignal::new(idea.get_untracked().status);
    let response = RwSignal::new(String::new());
    let response_error = RwSignal::new(None::<Problem>);
    let priority = RwSignal::new(PriorityInput::default());
    let score = RwSignal::new(None::<f64>);
    let loaded = LocalResource::new(move || api::triage_idea(id));
    let triage = RwSignal::new(None::<TriageIdea>);
    Effect::new(move |_| {
        if let Some(Ok(t)) = loaded.get() {
            priority.set(PriorityInput {
                impact: t.impact,
                effort: t.effort,
            });
            score.set(Some(t.priority));
            triage.set(Some(t));
        }
    });
    let author_id = idea.get_untracked().author.id;
    let block = Action::new_local(move |blocked: &bool| {
        let blocked = *blocked;
        async move {
            match api::block(author_id, blocked).await {
                Ok(()) => app.announce(Key::Saved),
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let refresh = move || {
        leptos::task::spawn_local(async move {
            if let Ok(fresh) = customer_api::idea(id).await {
                idea.set(fresh);
            }
        })
    };
    let change_status = Action::new_local(move |change: &StatusChange| {
        let change = change.clone();
        async move {
            match api::set_status(id, &change).await {
                Ok(fresh) => {
                    idea.set(fresh);
                    response.set(String::new());
                    app.announce(Key::Saved);
                }
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let save_priority = Action::new_local(move |input: &PriorityInput| {
        let input = input.clone();
        async move {
            match api::set_priority(id, &input).await {
                Ok(t) => {
                    score.set(Some(t.priority));
                    app.announce(Key::Saved);
                }
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let unmerge = Action::new_local(move |_: &()| async move {
        match api::unmerge(id).await {
            Ok(fresh) => {
                idea.set(fresh);
                app.announce(Key::Saved);
            }
            Err(_) => app.alert(Key::GenericError),
        }
    });
    let merging = RwSignal::new(false);
    let on_status = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let change = StatusChange {
            status: status.get_untracked(),
            response: Some(response.get_untracked()),
        };
        match change.validate() {
            Ok(_) => {
                response_error.set(None);
                change_status.dispatch(change);
            }
            Err(bad) => response_error.set(bad.get("response")),
        }
    };
    let level = move |impact: bool| {
        let value = move || {
            let p = priority.read();
            (if impact { p.impact } else { p.effort })
                .map(|v| v.to_string())
                .unwrap_or_default()
        };
        let on_change = move |ev: leptos::ev::Targeted<leptos::ev::Event, web_sys::HtmlSelectElement>| {
            let v = ev.target().value().parse::<i64>().ok();
            priority.update(|p| if impact { p.impact = v } else { p.effort = v });
            save_priority.dispatch(priority.get_untracked());
        };
        let id = if impact { "tool-impact" } else { "tool-effort" };
        view! {
            <label for=id>{if impact { l("Impact", "Wirkung") } else { l("Effort", "Aufwand") }}</label>
            <select id=id on:change:target=on_change>
                <option value="" selected=move || value().is_empty()>"–"</option>
                {(1..=5).map(|n| view! { <option value=n.to_string() selected=move || value() == n.to_string()>{n}</option> }).collect_view()}
            </select>
        }
    };
    view! {
        <section class="card idea-tools" aria-labelledby="idea-tools-heading">
            <h2 id="idea-tools-heading">{l("Triage", "Sichtung")}</h2>
            <form class="status-change" on:submit=on_status novalidate>
                <label for="tool-status">{l("Status", "Status")}</label>
                <select id="tool-status" on:change:target=move |ev| status.set(ev.target().value())>
                    {move || app.statuses.get().into_iter().map(|s| {
                        let (key, chosen) = (s.key.clone(), s.key.clone());
                        let selected = move || status.get() == chosen;
                        view! { <option value=s.key selected=selected>{move || status_label(app.lang.get(), &key)}</option> }
                    }).collect_view()}
                </select>
                <Field id="tool-response".to_owned() label=Key::ResponseLabel value=response error=response_error multiline=true max_chars=BODY_MAX />
                <button type="submit" class="primary" disabled=move || change_status.pending().get()>
                    {l("Change status", "Status ändern")}
                </button>
            </form>
            <div class="priority-tools">
                {level(true)}
                {level(false)}
                <span class="priority">{l("Priority", "Priorität")} " " {move || score.get().map(|s| format!("{s:.1}")).unwrap_or_default()}</span>
            </div>
            <div class="actions">
                <ModerationBadges item=triage.into() />
                <ModerationButtons item=triage.into() on_change=Callback::new(move |t: TriageIdea| {
                    idea.set(t.idea.clone());
                    triage.set(Some(t));
                }) />
                <button type="button" on:click=move |_| { block.dispatch(true); }>{l("Block the author", "Autor sperren")}</button>
                <button type="button" class="link" on:click=move |_| { block.dispatch(false); }>{l("Unblock", "Entsperren")}</button>
            </div>
            {move || match idea.read().merged_into.clone() {
                Some(_) => view! {
                    <button type="button" on:click=move |_| { unmerge.dispatch(()); }>{l("Undo merge", "Zusammenführung rückgängig machen")}</button>
                }.into_any(),
                None => view! {
                    <Show when=move || merging.get() fallback=move || view! {
                        <button type="button" on:click=move |_| merging.set(true)>{l("Merge into another idea…", "Mit einer anderen Idee zusammenführen…")}</button>
                    }>
                        <MergeBox idea=idea.get_untracked() on_close=Callback::new(move |merged: bool| {
                            merging.set(false);
                            if merged { refresh(); }
                        }) />
                    </Show>
                }.into_any(),
            }}
        </section>
    }
}

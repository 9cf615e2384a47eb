//! Release notes for product managers (`/pm/changelog`): drafts and
//! published entries, written in Markdown, linked to the ideas they ship.

use crate::api as customer_api;
use crate::components::load_error::LoadError;
use crate::format;
use crate::i18n::Key;
use crate::pm::api;
use crate::pm::i18n::l;
use crate::pm::nav::{PmNav, StaffOnly};
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::{ChangelogEntry, ChangelogInput, IdeaLink};

#[component]
pub fn ChangelogEditorPage() -> impl IntoView {
    view! {
        <PmNav />
        <section class="changelog-editor">
            <h1>{l("Release notes", "Versionshinweise")}</h1>
            <StaffOnly><Entries /></StaffOnly>
        </section>
    }
}

#[component]
fn Entries() -> impl IntoView {
    let retry = RwSignal::new(0u32);
    let entries = LocalResource::new(move || {
        retry.track();
        api::changelog_entries()
    });
    // The entry being edited; `None` writes a new one.
    let editing = RwSignal::new(None::<ChangelogEntry>);
    view! {
        <p>
            {l("Published notes appear on the public changelog and its Atom feed; followers of the linked ideas are told.",
               "Veröffentlichte Hinweise erscheinen in den öffentlichen Neuigkeiten und ihrem Atom-Feed; Follower der verknüpften Ideen werden benachrichtigt.")}
            " " <a href="/changelog">{l("Open the changelog", "Neuigkeiten öffnen")}</a>
        </p>
        // A fresh form for each entry chosen, and after each save.
        {move || {
            retry.track();
            view! { <EntryForm initial=editing.get() retry editing /> }
        }}
        <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"><div class="bar"></div></div> }>
            <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                {move || Suspend::new(async move {
                    entries.await.map(|list| {
                        if list.is_empty() {
                            view! { <p class="card empty">{l("No release notes yet: write the first above.", "Noch keine Versionshinweise: oben den ersten schreiben.")}</p> }.into_any()
                        } else {
                            list.into_iter().map(|entry| view! { <EntryCard entry retry editing /> }).collect_view().into_any()
                        }
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn EntryCard(entry: ChangelogEntry, retry: RwSignal<u32>, editing: RwSignal<Option<ChangelogEntry>>) -> impl IntoView {
    let app = use_app();
    let id = entry.id;
    let remove = Action::new_local(move |_: &()| async move {
        match api::delete_changelog(id).await {
            Ok(()) => {
                retry.update(|n| *n += 1);
                app.announce(Key::Saved);
            }
            Err(_) => app.alert(Key::GenericError),
        }
    });
    let published = entry.published_at.clone();
    let for_edit = entry.clone();
    view! {
        <article class="card changelog-entry">
            <h2>{entry.title.clone()}</h2>
            <p class="idea-meta">
                {match published {
                    Some(at) => view! { <span>{l("Published", "Veröffentlicht")} " " {move || format::date(&at, app.lang.get())}</span> }.into_any(),
                    None => view! { <span class="flag">{l("Draft", "Entwurf")}</span> }.into_any(),
                }}
                {entry.ideas.iter().map(|i| view! { <span class="tag">"#" {i.id} " " {i.title.clone()}</span> }).collect_view()}
            </p>
            <div class="prose" inner_html=entry.body_html.clone()></div>
            <div class="actions">
                <button type="button" on:click=move |_| editing.set(Some(for_edit.clone()))>{l("Edit", "Bearbeiten")}</button>
                <button type="button" class="danger" on:click=move |_| { remove.dispatch(()); }>{l("Delete", "Löschen")}</button>
            </div>
        </article>
    }
}

#[component]
fn EntryForm(
    initial: Option<ChangelogEntry>,
    retry: RwSignal<u32>,
    editing: RwSignal<Option<ChangelogEntry>>,
) -> impl IntoView {
    let app = use_app();
    let id = initial.as_ref().map(|e| e.id);
    let was_published = initial.as_ref().is_some_and(|e| e.published_at.is_some());
    let title = RwSignal::new(initial.as_ref().map(|e| e.title.clone()).unwrap_or_default());
    let body = RwSignal::new(initial.as_ref().map(|e| e.body.clone()).unwrap_or_default());
    let ideas = RwSignal::new(initial.map(|e| e.ideas).unwrap_or_default());
    let publish = RwSignal::new(was_published);
    let error = RwSignal::new(None::<String>);
    let search = RwSignal::new(String::new());
    let found = LocalResource::new(move || {
        let text = search.get();
        async move {
            if text.trim().len() < 2 {
                return Vec::new();
            }
            customer_api::similar(text).await.map(|p| p.items).unwrap_or_default()
        }
    });
    let save = Action::new_local(move |input: &ChangelogInput| {
        let input = input.clone();
        async move {
            let result = match id {
                Some(id) => api::update_changelog(id, &input).await,
                None => api::create_changelog(&input).await,
            };
            match result {
                Ok(_) => {
                    editing.set(None);
                    retry.update(|n| *n += 1);
                    app.announce(Key::Saved);
                }
                Err(e) => {
                    error.set(Some(
                        e.detail
                            .fields
                            .iter()
                            .map(|(k, v)| format!("{k}: {v}"))
                            .collect::<Vec<_>>()
                            .join("; "),
                    ));
                    app.alert(Key::GenericError);
                }
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(ChangelogInput {
            title: title.get_untracked(),
            body: body.get_untracked(),
            idea_ids: ideas.get_untracked().iter().map(|i| i.id).collect(),
            publish: publish.get_untracked(),
        });
    };
    view! {
        <form class="card status-form changelog-form" on:submit=on_submit novalidate>
            <h2>{if id.is_some() { l("Edit the release note", "Versionshinweis bearbeiten") } else { l("Write a release note", "Versionshinweis schreiben") }}</h2>
            <label for="note-title">{l("Title", "Titel")}</label>
            <input id="note-title" prop:value=title on:input:target=move |ev| title.set(ev.target().value()) />
            <label for="note-body">{l("What shipped (Markdown)", "Was neu ist (Markdown)")}</label>
            <textarea id="note-body" rows="6" prop:value=body on:input:target=move |ev| body.set(ev.target().value())></textarea>
            <p>{l("Ideas it ships:", "Umgesetzte Ideen:")}</p>
            <ul class="linked-ideas">
                <For each=move || ideas.get() key=|i| i.id let(idea)>
                    <li>
                        "#" {idea.id} " " {idea.title.clone()} " "
                        <button type="button" class="link" on:click=move |_| ideas.update(|all| all.retain(|i| i.id != idea.id))>
                            {l("Remove", "Entfernen")}
                        </button>
                    </li>
                </For>
            </ul>
            <label for="note-search">{l("Find an idea to link", "Idee zum Verknüpfen suchen")}</label>
            <input id="note-search" type="search" prop:value=search on:input:target=move |ev| search.set(ev.target().value()) />
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = found.await;
                    view! {
                        <ul class="merge-candidates">
                            {list.into_iter().map(|c| {
                                let link = IdeaLink { id: c.id, title: c.title.clone() };
                                view! {
                                    <li>
                                        <span>"#" {c.id} " " {c.title}</span>
                                        <button type="button" on:click=move |_| {
                                            let link = link.clone();
                                            ideas.update(|all| if !all.iter().any(|i| i.id == link.id) { all.push(link) });
                                        }>{l("Link", "Verknüpfen")}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                })}
            </Transition>
            <label class="check">
                <input type="checkbox" prop:checked=publish disabled=was_published on:change:target=move |ev| publish.set(ev.target().checked()) />
                {l("Publish (followers of the linked ideas are told)", "Veröffentlichen (Follower der verknüpften Ideen werden benachrichtigt)")}
            </label>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary" disabled=move || save.pending().get()>{l("Save", "Speichern")}</button>
                {id.is_some().then(|| view! {
                    <button type="button" class="link" on:click=move |_| editing.set(None)>{l("Cancel", "Abbrechen")}</button>
                })}
            </div>
        </form>
    }
}

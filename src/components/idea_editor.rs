//! The author's own tools on an idea page: edit title and description, or
//! delete the idea, until a product manager has taken it up.

use crate::api;
use crate::components::field::Field;
use crate::i18n::{text, tr, Key};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use schwarm_wire::error::codes;
use schwarm_wire::validate::{BODY_MAX, TITLE_MAX};
use schwarm_wire::{FieldErrors, Idea, IdeaEdit};

/// Edit and Delete, for the author of an idea that is not triaged yet.
#[component]
pub fn OwnerActions(idea: RwSignal<Idea>, editing: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let mine = move || {
        let idea = idea.read();
        !idea.triaged && app.user.read().as_ref().is_some_and(|u| u.id == idea.author.id)
    };
    let delete = Action::new_local(move |id: &i64| {
        let (id, navigate) = (*id, navigate.clone());
        async move {
            match api::delete_idea(id).await {
                Ok(()) => {
                    app.announce(Key::IdeaDeleted);
                    navigate(&app.path("/"), Default::default());
                }
                Err(e) if e.code() == codes::IDEA_LOCKED => app.alert(Key::IdeaLocked),
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let on_delete = move |_| {
        let question = text(app.lang.get_untracked(), Key::ConfirmDeleteIdea);
        if web_sys::window().is_some_and(|w| w.confirm_with_message(question).unwrap_or(false)) {
            delete.dispatch(idea.read_untracked().id);
        }
    };
    view! {
        <Show when=move || mine() && !editing.get()>
            <div class="actions">
                <button type="button" class="link" on:click=move |_| editing.set(true)>{tr(Key::Edit)}</button>
                <button type="button" class="link" disabled=move || delete.pending().get() on:click=on_delete>
                    {tr(Key::Delete)}
                </button>
            </div>
        </Show>
    }
}

/// The form that replaces title and description while editing.
#[component]
pub fn IdeaEditor(idea: RwSignal<Idea>, editing: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let (title, body) = idea.with_untracked(|i| (RwSignal::new(i.title.clone()), RwSignal::new(i.body.clone())));
    let errors = RwSignal::new(FieldErrors::default());
    let save = Action::new_local(move |edit: &IdeaEdit| {
        let (edit, id) = (edit.clone(), idea.read_untracked().id);
        async move {
            match api::edit_idea(id, &edit).await {
                Ok(saved) => {
                    idea.set(saved);
                    editing.set(false);
                    app.announce(Key::IdeaSaved);
                }
                Err(e) if e.code() == codes::IDEA_LOCKED => app.alert(Key::IdeaLocked),
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let on_save = move |_| {
        let edit = IdeaEdit {
            title: Some(title.get_untracked()),
            body: Some(body.get_untracked()),
        };
        match edit.validate() {
            Ok(_) => {
                errors.set(FieldErrors::default());
                save.dispatch(edit);
            }
            Err(bad) => errors.set(bad),
        }
    };
    let error_of = move |field: &'static str| Signal::derive(move || errors.read().get(field));
    view! {
        <div class="idea-editor">
            <Field id="edit-title" label=Key::TitleLabel value=title error=error_of("title") max_chars=TITLE_MAX />
            <Field id="edit-body" label=Key::BodyLabel value=body error=error_of("body") multiline=true max_chars=BODY_MAX />
            <div class="actions">
                <button type="button" class="primary" disabled=move || save.pending().get() on:click=on_save>{tr(Key::Save)}</button>
                <button type="button" on:click=move |_| editing.set(false)>{tr(Key::Cancel)}</button>
            </div>
        </div>
    }
}

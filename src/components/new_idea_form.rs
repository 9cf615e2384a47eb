//! The form to share an idea. Checks the same rules as the server before
//! sending, and keeps the text when the request fails.

use crate::api;
use crate::components::field::Field;
use crate::components::similar_ideas::SimilarIdeas;
use crate::i18n::{tr, Key};
use crate::state::use_app;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use schwarm_wire::validate::{BODY_MAX, TITLE_MAX};
use schwarm_wire::{FieldErrors, NewIdea, Problem};

#[component]
pub fn NewIdeaForm() -> impl IntoView {
    let app = use_app();
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let navigate = use_navigate();
    let submit = Action::new_local(move |new: &NewIdea| {
        let new = new.clone();
        let navigate = navigate.clone();
        async move {
            match api::create_idea(&new).await {
                Ok(idea) => {
                    title.set(String::new());
                    body.set(String::new());
                    app.announce(Key::IdeaPosted);
                    navigate(&format!("/ideas/{}", idea.id), Default::default());
                }
                Err(e) if e.is_unauthorized() => {
                    app.user.set(None);
                    app.alert(Key::SessionExpired);
                }
                Err(e) if e.status == 0 => app.alert(Key::NetworkError),
                Err(e) => {
                    // The client checks the same rules, so a 422 is rare (a
                    // stale app, say); mark the fields the server named.
                    let mut marked = FieldErrors::default();
                    for field in e.detail.fields.keys() {
                        marked.insert(field, Problem::Invalid);
                    }
                    errors.set(marked);
                    app.alert(Key::PostFailed);
                }
            }
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let new = NewIdea {
            title: title.get_untracked(),
            body: body.get_untracked(),
        };
        match new.validate() {
            Ok(_) => {
                errors.set(FieldErrors::default());
                submit.dispatch(new);
            }
            Err(bad) => errors.set(bad),
        }
    };
    let error_of = move |field: &'static str| Signal::derive(move || errors.read().get(field));
    view! {
        <form class="card new-idea" on:submit=on_submit novalidate>
            <h2>{tr(Key::NewIdeaHeading)}</h2>
            <Field id="idea-title" label=Key::TitleLabel value=title error=error_of("title") max_chars=TITLE_MAX />
            <SimilarIdeas title />
            <Field id="idea-body" label=Key::BodyLabel value=body error=error_of("body") multiline=true max_chars=BODY_MAX />
            <button type="submit" class="primary" disabled=move || submit.pending().get()>
                {move || if submit.pending().get() { tr(Key::Posting)() } else { tr(Key::PostIdea)() }}
            </button>
        </form>
    }
}

//! The form to share an idea. Checks the same rules as the server before
//! sending, and keeps the text when the request fails.

use crate::api;
use crate::components::field::Field;
use crate::components::similar_ideas::SimilarIdeas;
use crate::i18n::{problem, tr, Key};
use crate::state::use_app;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use schwarm_wire::validate::{BODY_MAX, TITLE_MAX};
use schwarm_wire::{FieldErrors, NewIdea, Problem};

#[component]
pub fn NewIdeaForm() -> impl IntoView {
    let app = use_app();
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    // The board shown on the page is the one posted to, unless changed.
    let embedded = app.embed.with_untracked(|e| e.as_ref().map(|e| e.board.clone()));
    let board =
        RwSignal::new(embedded.unwrap_or_else(|| use_query_map().get_untracked().get("board").unwrap_or_default()));
    let tags = RwSignal::new(Vec::<String>::new());
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
                    tags.set(Vec::new());
                    app.announce(Key::IdeaPosted);
                    crate::embed::emit(
                        app,
                        "schwarm:idea-created",
                        &[("id", (idea.id as f64).into()), ("title", idea.title.clone().into())],
                    );
                    navigate(&app.path(&format!("/ideas/{}", idea.id)), Default::default());
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
                    app.alert(crate::api::refusal(&e).unwrap_or(Key::PostFailed));
                }
            }
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let new = NewIdea {
            title: title.get_untracked(),
            body: body.get_untracked(),
            board: board.get_untracked(),
            tags: tags.get_untracked(),
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
            <BoardAndTags board tags error=error_of("tags") />
            <button type="submit" class="primary" disabled=move || submit.pending().get()>
                {move || if submit.pending().get() { tr(Key::Posting)() } else { tr(Key::PostIdea)() }}
            </button>
        </form>
    }
}

/// Which board the idea goes to (when there are several) and its tags.
#[component]
fn BoardAndTags(board: RwSignal<String>, tags: RwSignal<Vec<String>>, error: Signal<Option<Problem>>) -> impl IntoView {
    let app = use_app();
    // An empty slug means the first board.
    let board_tags = move || {
        let slug = board.get();
        app.boards.with(|all| {
            all.iter()
                .find(|b| b.slug == slug)
                .or(all.first())
                .map(|b| b.tags.clone())
                .unwrap_or_default()
        })
    };
    let options = move || {
        let current = board.get();
        app.boards
            .get()
            .into_iter()
            .map(|b| {
                let selected = b.slug == current;
                view! { <option value=b.slug.clone() selected=selected>{b.name}</option> }
            })
            .collect_view()
    };
    let toggle = move |name: String, on: bool| {
        tags.update(|list| {
            list.retain(|t| *t != name);
            if on {
                list.push(name);
            }
        })
    };
    view! {
        <Show when=move || app.boards.with(|b| b.len() > 1)>
            <div class="field">
                <label for="idea-board">{tr(Key::BoardLabel)}</label>
                <select id="idea-board" on:change:target=move |ev| {
                    board.set(ev.target().value());
                    tags.set(Vec::new());
                }>{options}</select>
            </div>
        </Show>
        <Show when=move || !board_tags().is_empty()>
            <fieldset class="field tag-options" aria-describedby="idea-tags-error">
                <legend>{tr(Key::TagsLabel)}</legend>
                {move || {
                    board_tags()
                        .into_iter()
                        .map(|t| {
                            let name = t.name.clone();
                            let checked = {
                                let name = name.clone();
                                move || tags.read().contains(&name)
                            };
                            view! {
                                <label class="tag-option">
                                    <input type="checkbox" prop:checked=checked
                                        on:change:target=move |ev| toggle(name.clone(), ev.target().checked()) />
                                    {t.name}
                                </label>
                            }
                        })
                        .collect_view()
                }}
                <p class="field-error" id="idea-tags-error">
                    {move || error.get().map(|p| problem(app.lang.get(), p))}
                </p>
            </fieldset>
        </Show>
    }
}

//! The board: the idea list with its search, sort and status filter in the
//! URL (so links can be shared and Back restores the view), "load more", and
//! the form to share an idea.

use crate::api::{self, ListView};
use crate::components::idea_card::IdeaCard;
use crate::components::list_controls::{ListControls, SearchBox};
use crate::components::load_error::{IdeaSkeleton, LoadError};
use crate::components::load_more::LoadMore;
#[cfg(feature = "more")]
use crate::components::new_idea_form::NewIdeaForm;
use crate::i18n::{tr, Key};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_query;
use leptos_router::params::Params;
use schwarm_wire::{ListedIdea, LiveEvent, Page, Sort};

#[derive(Params, Clone, Debug, PartialEq, Default)]
struct BoardQuery {
    sort: Option<String>,
    status: Option<String>,
    q: Option<String>,
    board: Option<String>,
    tag: Option<String>,
}

#[component]
pub fn BoardPage() -> impl IntoView {
    let query = use_query::<BoardQuery>();
    // The widget shows its own board only.
    let embedded_board = use_app().embed.with_untracked(|e| e.as_ref().map(|e| e.board.clone()));
    let view = Memo::new(move |_| {
        let query = query.get().unwrap_or_default();
        let non_empty = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        let q = non_empty(query.q);
        // Trending first, as visitors expect from an idea board; the best
        // match first when searching.
        let default = if q.is_some() { Sort::Relevance } else { Sort::Trending };
        let sort = query.sort.and_then(|s| Sort::parse(&s)).unwrap_or(default);
        let sort = if sort == Sort::Relevance && q.is_none() {
            Sort::Trending
        } else {
            sort
        };
        let board = embedded_board.clone().or_else(|| non_empty(query.board));
        // A tag belongs to a board: without one it means nothing.
        let tag = non_empty(query.tag).filter(|_| board.is_some());
        ListView {
            sort,
            status: non_empty(query.status),
            q,
            board,
            tag,
        }
    });
    let retry = RwSignal::new(0u32);
    let first_page = LocalResource::new(move || {
        retry.track();
        api::list_ideas(view.get(), None)
    });
    // New ideas arrive live, but are only shown on request, so the list
    // never moves under the reader's eyes or pointer.
    let app = use_app();
    let arrived = RwSignal::new(0i64);
    Effect::new(move |first_run_done: Option<()>| {
        let created = app.live.read().as_ref().is_some_and(|e| e.kind == "idea.created");
        // The event already there when the page opened is not news.
        if created && first_run_done.is_some() {
            arrived.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        view.track();
        arrived.set(0);
    });
    // Back after missing too much: the list is reloaded (the form above it
    // keeps what is typed).
    Effect::new(move |_| {
        if app.live.read().as_ref().is_some_and(|e| e.kind == LiveEvent::RESET) {
            arrived.set(0);
            retry.update(|n| *n += 1);
        }
    });
    view! {
        <section class="board">
            <header class="page-head">
                <h1>{tr(Key::BoardHeading)}</h1>
                <p class="lead">{tr(Key::BoardIntro)}</p>
            </header>
            <ShareIdea />
            <SearchBox view />
            <ListControls view />
            <Show when=move || arrived.get().is_positive()>
                <button type="button" class="new-ideas" on:click=move |_| {
                    arrived.set(0);
                    retry.update(|n| *n += 1);
                }>
                    {tr(Key::ShowNewIdeas)} " (" {move || crate::format::number(arrived.get(), app.lang.get())} ")"
                </button>
            </Show>
            <Transition fallback=IdeaSkeleton>
                <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                    {move || Suspend::new(async move {
                        first_page.await.map(|page| view! { <IdeaList page view=view.get_untracked() /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

/// The form for signed-in users, an invitation for everybody else.
#[component]
fn ShareIdea() -> impl IntoView {
    let app = use_app();
    move || {
        // Only the `more` bundle has members (`pages::load_in_full`).
        #[cfg(feature = "more")]
        if app.user.read().is_some() {
            return view! { <NewIdeaForm /> }.into_any();
        }
        if app.user_known.get() {
            view! {
                <p class="card cta">
                    {tr(Key::SignInToPost)} " "
                    <a href=app.path("/login")>{tr(Key::SignIn)}</a> " · "
                    <a href=app.path("/register")>{tr(Key::Register)}</a>
                </p>
            }
            .into_any()
        } else {
            ().into_any()
        }
    }
}

/// The loaded ideas; "load more" appends the next page after the cursor.
#[component]
fn IdeaList(page: Page<ListedIdea>, view: ListView) -> impl IntoView {
    let searching = view.q.is_some();
    let app = use_app();
    let items = RwSignal::new(page.items);
    let cursor = RwSignal::new(page.next_cursor);
    let more = Action::new_local(move |c: &String| {
        let (c, view) = (c.clone(), view.clone());
        async move {
            match api::list_ideas(view, Some(c)).await {
                Ok(next) => {
                    items.update(|list| {
                        // Keyset pages never overlap; this only guards the view.
                        let fresh: Vec<ListedIdea> = next
                            .items
                            .into_iter()
                            .filter(|i| !list.iter().any(|have| have.id == i.id))
                            .collect();
                        list.extend(fresh);
                    });
                    cursor.set(next.next_cursor);
                }
                Err(_) => app.alert(Key::LoadFailed),
            }
        }
    });
    view! {
        <Show
            when=move || !items.read().is_empty()
            fallback=move || {
                let key = if searching { Key::NoResults } else { Key::EmptyBoard };
                view! { <p class="empty card">{tr(key)}</p> }
            }
        >
            <ol class="idea-list">
                <For each=move || items.get() key=|idea| idea.id children=|idea| view! { <IdeaCard idea /> } />
            </ol>
        </Show>
        <LoadMore cursor more />
    }
}

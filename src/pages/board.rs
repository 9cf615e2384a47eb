//! The board: the idea list with its sort in the URL, "load more", and the
//! form to share an idea.

use crate::api;
use crate::components::idea_card::IdeaCard;
use crate::components::load_error::{IdeaSkeleton, LoadError};
use crate::components::new_idea_form::NewIdeaForm;
use crate::i18n::{tr, Key};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_query;
use leptos_router::params::Params;
use schwarm_wire::{Idea, Page, Sort};

#[derive(Params, Clone, Debug, PartialEq, Default)]
struct BoardQuery {
    sort: Option<String>,
}

#[component]
pub fn BoardPage() -> impl IntoView {
    let query = use_query::<BoardQuery>();
    let sort = Memo::new(move |_| {
        query
            .get()
            .ok()
            .and_then(|q| q.sort)
            .and_then(|s| Sort::parse(&s))
            .unwrap_or_default()
    });
    let retry = RwSignal::new(0u32);
    let first_page = LocalResource::new(move || {
        retry.track();
        api::list_ideas(sort.get(), None)
    });
    view! {
        <section class="board">
            <header class="page-head">
                <h1>{tr(Key::BoardHeading)}</h1>
                <p class="lead">{tr(Key::BoardIntro)}</p>
            </header>
            <ShareIdea />
            <SortTabs sort />
            <Transition fallback=IdeaSkeleton>
                <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                    {move || Suspend::new(async move {
                        first_page.await.map(|page| view! { <IdeaList page sort=sort.get_untracked() /> })
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
        if app.user.read().is_some() {
            view! { <NewIdeaForm /> }.into_any()
        } else if app.user_known.get() {
            view! {
                <p class="card cta">
                    {tr(Key::SignInToPost)} " "
                    <a href="/login">{tr(Key::SignIn)}</a> " · "
                    <a href="/register">{tr(Key::Register)}</a>
                </p>
            }
            .into_any()
        } else {
            ().into_any()
        }
    }
}

#[component]
fn SortTabs(sort: Memo<Sort>) -> impl IntoView {
    let tab = move |s: Sort, key: Key| {
        let current = move || (sort.get() == s).then_some("page");
        view! { <a href=format!("/?sort={}", s.as_str()) aria-current=current>{tr(key)}</a> }
    };
    view! {
        <nav class="sort-tabs" aria-label=tr(Key::SortLabel)>
            {tab(Sort::New, Key::SortNew)}
            {tab(Sort::Top, Key::SortTop)}
        </nav>
    }
}

/// The loaded ideas; "load more" appends the next page after the cursor.
#[component]
fn IdeaList(page: Page<Idea>, sort: Sort) -> impl IntoView {
    let app = use_app();
    let items = RwSignal::new(page.items);
    let cursor = RwSignal::new(page.next_cursor);
    let more = Action::new_local(move |c: &String| {
        let c = c.clone();
        async move {
            match api::list_ideas(sort, Some(c)).await {
                Ok(next) => {
                    items.update(|list| {
                        // Keyset pages never overlap; this only guards the view.
                        let fresh: Vec<Idea> = next
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
            fallback=|| view! { <p class="empty card">{tr(Key::EmptyBoard)}</p> }
        >
            <ol class="idea-list">
                <For each=move || items.get() key=|idea| idea.id children=|idea| view! { <IdeaCard idea /> } />
            </ol>
        </Show>
        <Show when=move || cursor.read().is_some()>
            <button
                type="button"
                class="load-more"
                disabled=move || more.pending().get()
                on:click=move |_| {
                    if let Some(c) = cursor.get_untracked() {
                        more.dispatch(c);
                    }
                }
            >
                {move || if more.pending().get() { tr(Key::Loading)() } else { tr(Key::LoadMore)() }}
            </button>
        </Show>
    }
}

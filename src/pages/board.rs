//! The board: the idea list with its sort and status filter in the URL (so
//! links can be shared and Back restores the view), "load more", and the
//! form to share an idea.

use crate::api;
use crate::components::idea_card::IdeaCard;
use crate::components::load_error::{IdeaSkeleton, LoadError};
use crate::components::new_idea_form::NewIdeaForm;
use crate::i18n::{tr, Key};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query};
use leptos_router::params::Params;
use schwarm_wire::{Idea, Page, Sort};

#[derive(Params, Clone, Debug, PartialEq, Default)]
struct BoardQuery {
    sort: Option<String>,
    status: Option<String>,
}

/// The statuses a visitor can filter by, with their labels.
const STATUSES: [(&str, Key); 6] = [
    ("open", Key::StatusOpen),
    ("under review", Key::StatusUnderReview),
    ("planned", Key::StatusPlanned),
    ("in progress", Key::StatusInProgress),
    ("done", Key::StatusDone),
    ("declined", Key::StatusDeclined),
];

/// The board's URL for a view; the default sort is left out.
fn board_url(sort: Sort, status: Option<&str>) -> String {
    let mut url = format!("/?sort={}", sort.as_str());
    if let Some(s) = status {
        url.push_str("&status=");
        url.push_str(&String::from(js_sys::encode_uri_component(s)));
    }
    url
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
            // Trending first, as visitors expect from an idea board.
            .unwrap_or(Sort::Trending)
    });
    let status = Memo::new(move |_| query.get().ok().and_then(|q| q.status).filter(|s| !s.is_empty()));
    let retry = RwSignal::new(0u32);
    let first_page = LocalResource::new(move || {
        retry.track();
        api::list_ideas(sort.get(), status.get(), None)
    });
    view! {
        <section class="board">
            <header class="page-head">
                <h1>{tr(Key::BoardHeading)}</h1>
                <p class="lead">{tr(Key::BoardIntro)}</p>
            </header>
            <ShareIdea />
            <ListControls sort status />
            <Transition fallback=IdeaSkeleton>
                <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                    {move || Suspend::new(async move {
                        first_page.await.map(|page| view! { <IdeaList page sort=sort.get_untracked() status=status.get_untracked() /> })
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

/// Sort tabs and the status filter; both only change the URL.
#[component]
fn ListControls(sort: Memo<Sort>, status: Memo<Option<String>>) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let tab = move |s: Sort, key: Key| {
        let current = move || (sort.get() == s).then_some("page");
        let href = move || board_url(s, status.get().as_deref());
        view! { <a href=href aria-current=current>{tr(key)}</a> }
    };
    let on_status = move |ev: leptos::ev::Targeted<leptos::ev::Event, web_sys::HtmlSelectElement>| {
        let value = ev.target().value();
        let chosen = (!value.is_empty()).then_some(value);
        navigate(&board_url(sort.get_untracked(), chosen.as_deref()), Default::default());
    };
    view! {
        <div class="list-controls">
            <nav class="sort-tabs" aria-label=tr(Key::SortLabel)>
                {tab(Sort::Trending, Key::SortTrending)}
                {tab(Sort::Top, Key::SortTop)}
                {tab(Sort::New, Key::SortNew)}
                {tab(Sort::Discussed, Key::SortDiscussed)}
            </nav>
            <label class="status-filter">
                <span>{tr(Key::StatusFilterLabel)}</span>
                <select prop:value=move || status.get().unwrap_or_default() on:change:target=on_status>
                    <option value="">{tr(Key::AllStatuses)}</option>
                    {STATUSES
                        .into_iter()
                        .map(|(value, key)| {
                            let selected = move || status.read().as_deref() == Some(value);
                            view! { <option value=value selected=selected>{move || crate::i18n::text(app.lang.get(), key)}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}

/// The loaded ideas; "load more" appends the next page after the cursor.
#[component]
fn IdeaList(page: Page<Idea>, sort: Sort, status: Option<String>) -> impl IntoView {
    let app = use_app();
    let items = RwSignal::new(page.items);
    let cursor = RwSignal::new(page.next_cursor);
    let more = Action::new_local(move |c: &String| {
        let (c, status) = (c.clone(), status.clone());
        async move {
            match api::list_ideas(sort, status, Some(c)).await {
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

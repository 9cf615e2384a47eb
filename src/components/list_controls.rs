//! The board's search box, sort tabs and status filter. They only change
//! the URL; the board reads its view from there, so links can be shared and
//! Back restores what was shown.

use crate::api::ListView;
use crate::i18n::{status_label, text, tr, Key};
use crate::state::{use_app, AppState};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use schwarm_wire::ideas::STATUSES;
use schwarm_wire::Sort;

/// The board's URL for a view (the widget's own when embedded).
pub fn board_url(app: AppState, view: &ListView) -> String {
    format!("{}?{}", app.path("/"), view.query())
}

#[component]
pub fn SearchBox(view: Memo<ListView>) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let text = RwSignal::new(view.get_untracked().q.unwrap_or_default());
    // Back and forward change the URL under the box: follow it.
    Effect::new(move |_| text.set(view.read().q.clone().unwrap_or_default()));
    let go = move |q: Option<String>| {
        let sort = if q.is_some() { Sort::Relevance } else { Sort::Trending };
        let next = ListView {
            sort,
            q,
            ..view.get_untracked()
        };
        navigate(&board_url(app, &next), Default::default());
    };
    let on_submit = {
        let go = go.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let q = text.get_untracked().trim().to_owned();
            go((!q.is_empty()).then_some(q));
        }
    };
    view! {
        <form class="search" role="search" on:submit=on_submit>
            <label for="search" class="sr-only">{tr(Key::SearchLabel)}</label>
            <input id="search" type="search" bind:value=text placeholder=tr(Key::SearchLabel) maxlength="200" />
            <button type="submit">{tr(Key::SearchButton)}</button>
            <Show when=move || view.read().q.is_some()>
                <button type="button" class="link" on:click={
                    let go = go.clone();
                    move |_| go(None)
                }>{tr(Key::ClearSearch)}</button>
            </Show>
        </form>
    }
}

#[component]
pub fn ListControls(view: Memo<ListView>) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let tab = move |s: Sort, key: Key| {
        let current = move || (view.read().sort == s).then_some("page");
        let href = move || board_url(app, &ListView { sort: s, ..view.get() });
        view! { <a href=href aria-current=current>{tr(key)}</a> }
    };
    let on_status = move |ev: leptos::ev::Targeted<leptos::ev::Event, web_sys::HtmlSelectElement>| {
        let value = ev.target().value();
        let next = ListView {
            status: (!value.is_empty()).then_some(value),
            ..view.get_untracked()
        };
        navigate(&board_url(app, &next), Default::default());
    };
    view! {
        <BoardPicker view />
        <div class="list-controls">
            <nav class="sort-tabs" aria-label=tr(Key::SortLabel)>
                <Show when=move || view.read().q.is_some()>{tab(Sort::Relevance, Key::SortRelevance)}</Show>
                {tab(Sort::Trending, Key::SortTrending)}
                {tab(Sort::Top, Key::SortTop)}
                {tab(Sort::New, Key::SortNew)}
                {tab(Sort::Discussed, Key::SortDiscussed)}
            </nav>
            <label class="status-filter">
                <span>{tr(Key::StatusFilterLabel)}</span>
                <select prop:value=move || view.read().status.clone().unwrap_or_default() on:change:target=on_status>
                    <option value="">{tr(Key::AllStatuses)}</option>
                    {move || {
                        let keys: Vec<String> = match app.statuses.read().as_slice() {
                            [] => STATUSES.iter().map(|s| s.to_string()).collect(),
                            all => all.iter().map(|s| s.key.clone()).collect(),
                        };
                        keys.into_iter()
                            .map(|value| {
                                let label = value.clone();
                                let selected = {
                                    let value = value.clone();
                                    move || view.read().status.as_deref() == Some(value.as_str())
                                };
                                view! {
                                    <option value=value selected=selected>
                                        {move || status_label(app.lang.get(), &label)}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        </div>
    }
}

/// Board tabs (when there is more than one board) and the chosen board's
/// tags as filter chips.
#[component]
fn BoardPicker(view: Memo<ListView>) -> impl IntoView {
    let app = use_app();
    let link = move |board: Option<String>, tag: Option<String>| {
        board_url(
            app,
            &ListView {
                board,
                tag,
                ..view.get()
            },
        )
    };
    let board_tab = move |slug: Option<String>, name: Option<String>| {
        let current = {
            let slug = slug.clone();
            move || (view.read().board == slug).then_some("page")
        };
        let label = move || {
            name.clone()
                .unwrap_or_else(|| text(app.lang.get(), Key::AllBoards).to_owned())
        };
        let href = move || link(slug.clone(), None);
        view! { <a href=href aria-current=current>{label}</a> }
    };
    let tags = move || {
        let chosen = view.read().board.clone()?;
        app.boards
            .read()
            .iter()
            .find(|b| b.slug == chosen)
            .map(|b| b.tags.clone())
    };
    view! {
        <Show when=move || { app.boards.read().len() > 1 }>
            <nav class="board-tabs" aria-label=tr(Key::BoardLabel)>
                {board_tab(None, None)}
                {move || app.boards.get().into_iter().map(|b| board_tab(Some(b.slug), Some(b.name))).collect_view()}
            </nav>
        </Show>
        <Show when=move || tags().is_some_and(|t| !t.is_empty())>
            <nav class="tag-filter" aria-label=tr(Key::TagsLabel)>
                {move || {
                    let board = view.read().board.clone();
                    let all_current = move || view.read().tag.is_none().then_some("page");
                    let all = view! { <a class="tag" href=link(board.clone(), None) aria-current=all_current>{tr(Key::AllTags)}</a> };
                    let chips = tags().unwrap_or_default().into_iter().map(|t| {
                        let name = t.name.clone();
                        let current = move || (view.read().tag.as_deref() == Some(name.as_str())).then_some("page");
                        // Colours would need inline styles, which the CSP forbids.
                        let href = link(board.clone(), Some(t.name.clone()));
                        view! { <a class="tag" href=href aria-current=current>{t.name}</a> }
                    }).collect_view();
                    view! { {all} {chips} }
                }}
            </nav>
        </Show>
    }
}

//! The triage inbox (`/pm`: ideas without a status yet, oldest first) and
//! the list of all ideas (`/pm/ideas`), with keyboard shortcuts and bulk
//! changes on a selection.

use crate::components::load_error::LoadError;
use crate::pm::api;
use crate::pm::bulk_bar::BulkBar;
use crate::pm::i18n::l;
use crate::pm::nav::{PmNav, StaffOnly};
use crate::pm::triage_row::{RowCommand, TriageRow};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use schwarm_wire::TriageIdea;
use std::collections::BTreeSet;

/// The sorts a product manager can choose, with their labels.
const SORTS: [(&str, &str, &str); 5] = [
    ("oldest", "Oldest first", "Älteste zuerst"),
    ("priority", "Priority", "Priorität"),
    ("top", "Most votes", "Meiste Stimmen"),
    ("new", "Newest", "Neueste"),
    ("trending", "Trending", "Im Trend"),
];

#[component]
pub fn InboxPage() -> impl IntoView {
    view! { <StaffOnly><Triage all=false /></StaffOnly> }
}

#[component]
pub fn AllIdeasPage() -> impl IntoView {
    view! { <StaffOnly><Triage all=true /></StaffOnly> }
}

#[component]
fn Triage(all: bool) -> impl IntoView {
    let query = use_query_map();
    let sort = Memo::new(move |_| query.read().get("sort").unwrap_or_else(|| "oldest".into()));
    // The list of all ideas can narrow to the moderation queues.
    let show = Memo::new(move |_| query.read().get("view").filter(|_| all).unwrap_or_else(|| "all".into()));
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let retry = RwSignal::new(0u32);
    let params = Memo::new(move |_| {
        let view = if all { show.get() } else { "inbox".into() };
        let mut params = format!("view={view}&sort={}&limit=100", sort.get());
        if !q.get().is_empty() {
            params.push_str("&q=");
            params.push_str(&String::from(js_sys::encode_uri_component(&q.get())));
        }
        params
    });
    let items = LocalResource::new(move || {
        retry.track();
        let params = params.get();
        async move { api::triage_ideas(&params).await }
    });
    let rows = RwSignal::new(Vec::<TriageIdea>::new());
    let next = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok(page)) = items.get() {
            rows.set(page.items);
            next.set(page.next_cursor);
        }
    });
    let load_more = Action::new_local(move |_: &()| {
        let query = format!(
            "{}&cursor={}",
            params.get_untracked(),
            next.get_untracked().unwrap_or_default()
        );
        async move {
            if let Ok(page) = api::triage_ideas(&query).await {
                rows.update(|r| r.extend(page.items));
                next.set(page.next_cursor);
            }
        }
    });
    let cursor = RwSignal::new(0usize);
    let selected = RwSignal::new(BTreeSet::<i64>::new());
    let command = RwSignal::new(None::<(i64, RowCommand)>);
    let help = RwSignal::new(false);
    keyboard(rows, cursor, selected, command, help);
    let navigate = use_navigate();
    let go = move |sort: String, view: String, q: String| {
        let base = if all {
            format!("/pm/ideas?view={view}&")
        } else {
            "/pm?".into()
        };
        let q = String::from(js_sys::encode_uri_component(&q));
        navigate(&format!("{base}sort={sort}&q={q}"), Default::default());
    };
    let set_sort = {
        let go = go.clone();
        move |value: String| go(value, show.get_untracked(), q.get_untracked())
    };
    let set_show = {
        let go = go.clone();
        move |value: String| go(sort.get_untracked(), value, q.get_untracked())
    };
    let search_text = RwSignal::new(q.get_untracked());
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go(sort.get_untracked(), show.get_untracked(), search_text.get_untracked());
    };
    let heading = if all {
        l("All ideas", "Alle Ideen")
    } else {
        l("Triage inbox", "Eingang zur Sichtung")
    };
    view! {
        <PmNav />
        <section class="triage">
            <h1>{heading}</h1>
            <p class="muted">
                {if all {
                    l("Every idea on every board.", "Jede Idee auf jedem Board.")
                } else {
                    l("Ideas nobody has given a status yet, oldest first.", "Ideen ohne Status, die ältesten zuerst.")
                }}
                " " <button type="button" class="link" on:click=move |_| help.set(true)>
                    {l("Keyboard shortcuts (?)", "Tastenkürzel (?)")}
                </button>
            </p>
            <form class="search" role="search" on:submit=search>
                <label for="triage-search">{l("Search ideas", "Ideen suchen")}</label>
                <input id="triage-search" type="search" prop:value=search_text
                    on:input:target=move |ev| search_text.set(ev.target().value()) />
                <button type="submit">{l("Search", "Suchen")}</button>
            </form>
            <label class="status-filter">
                <span>{l("Sort by", "Sortieren nach")}</span>
                <select on:change:target=move |ev| set_sort(ev.target().value())>
                    {SORTS.into_iter().map(|(value, en, de)| {
                        view! { <option value=value selected=move || sort.get() == value>{l(en, de)}</option> }
                    }).collect_view()}
                </select>
            </label>
            {all.then(|| view! {
                <label class="status-filter">
                    <span>{l("Show", "Zeigen")}</span>
                    <select on:change:target=move |ev| set_show(ev.target().value())>
                        {[("all", "Every idea", "Alle Ideen"), ("pending", "Waiting for approval", "Wartet auf Freigabe"), ("hidden", "Hidden and spam", "Verborgen und Spam")]
                            .into_iter()
                            .map(|(value, en, de)| view! { <option value=value selected=move || show.get() == value>{l(en, de)}</option> })
                            .collect_view()}
                    </select>
                </label>
            })}
            {all.then(|| view! { <ExportLinks q /> })}
            <BulkBar rows selected retry />
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"><div class="bar"></div><div class="bar short"></div></div> }>
                <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                    {move || Suspend::new(async move {
                        items.await.map(|_| view! {
                            <Show
                                when=move || !rows.read().is_empty()
                                fallback=move || view! {
                                    <p class="card empty">
                                        {if all {
                                            l("No ideas yet.", "Noch keine Ideen.")
                                        } else {
                                            l("Inbox zero: every idea has a status.", "Alles gesichtet: jede Idee hat einen Status.")
                                        }}
                                    </p>
                                }
                            >
                                <ol class="triage-list">
                                    <For each=move || rows.get().into_iter().enumerate() key=|(_, t)| t.idea.id let((index, item))>
                                        <TriageRow item index cursor selected command rows />
                                    </For>
                                </ol>
                            </Show>
                        })
                    })}
                </ErrorBoundary>
            </Transition>
            <Show when=move || next.read().is_some()>
                <button type="button" class="load-more" on:click=move |_| { load_more.dispatch(()); }>
                    {l("Load more", "Mehr laden")}
                </button>
            </Show>
            <Show when=move || help.get()>
                <ShortcutHelp help />
            </Show>
        </section>
    }
}

/// j/k move, x selects, s status, m merge, t tags, ? help, Escape closes.
/// Keys typed into a field are the field's.
fn keyboard(
    rows: RwSignal<Vec<TriageIdea>>,
    cursor: RwSignal<usize>,
    selected: RwSignal<BTreeSet<i64>>,
    command: RwSignal<Option<(i64, RowCommand)>>,
    help: RwSignal<bool>,
) {
    let handle = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            help.set(false);
            command.set(None);
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let count = rows.with_untracked(Vec::len);
        let current = rows.with_untracked(|r| r.get(cursor.get_untracked()).map(|t| t.idea.id));
        let run = |c: RowCommand| {
            if let Some(id) = current {
                command.set(Some((id, c)));
            }
        };
        match ev.key().as_str() {
            "j" if count > 0 => cursor.update(|c| *c = (*c + 1).min(count - 1)),
            "k" => cursor.update(|c| *c = c.saturating_sub(1)),
            "x" => {
                if let Some(id) = current {
                    selected.update(|s| {
                        if !s.remove(&id) {
                            s.insert(id);
                        }
                    });
                }
            }
            "s" => run(RowCommand::Status),
            "m" => run(RowCommand::Merge),
            "t" => run(RowCommand::Tags),
            "?" => help.update(|h| *h = !*h),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
}

#[component]
fn ShortcutHelp(help: RwSignal<bool>) -> impl IntoView {
    let keys = [
        ("j / k", "next / previous idea", "nächste / vorige Idee"),
        ("x", "select or deselect it", "aus- oder abwählen"),
        ("s", "change its status", "Status ändern"),
        (
            "m",
            "merge it into another idea",
            "mit einer anderen Idee zusammenführen",
        ),
        ("t", "change its tags", "Tags ändern"),
        ("?", "show or hide this help", "diese Hilfe zeigen oder schließen"),
        ("Esc", "close", "schließen"),
    ];
    view! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="shortcuts-heading">
            <div class="card dialog">
                <h2 id="shortcuts-heading">{l("Keyboard shortcuts", "Tastenkürzel")}</h2>
                <dl class="shortcuts">
                    {keys.into_iter().map(|(k, en, de)| view! { <dt><kbd>{k}</kbd></dt><dd>{l(en, de)}</dd> }).collect_view()}
                </dl>
                <button type="button" autofocus on:click=move |_| help.set(false)>{l("Close", "Schließen")}</button>
            </div>
        </div>
    }
}

/// The matching ideas as a file (the list's search applies).
#[component]
fn ExportLinks(q: Memo<String>) -> impl IntoView {
    let href = move |kind: &str| {
        let q = q.get();
        let query = if q.is_empty() {
            String::new()
        } else {
            format!("?q={}", js_sys::encode_uri_component(&q))
        };
        format!("/api/v1/export.{kind}{query}")
    };
    view! {
        <p class="export-links">
            {l("Download", "Herunterladen")} ": "
            <a href=move || href("csv") download="ideas.csv" rel="external">"CSV"</a> " · "
            <a href=move || href("json") download="ideas.json" rel="external">"JSON"</a>
        </p>
    }
}

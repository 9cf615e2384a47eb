//! The public changelog (`/changelog`): release notes, newest first, each
//! with the ideas it shipped; an Atom feed to subscribe.

use crate::api;
use crate::components::load_error::LoadError;
use crate::format;
use crate::i18n::{tr, Key};
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::ChangelogEntry;

#[component]
pub fn ChangelogPage() -> impl IntoView {
    let app = use_app();
    let retry = RwSignal::new(0u32);
    let first = LocalResource::new(move || {
        retry.track();
        api::changelog(None)
    });
    let more = RwSignal::new(Vec::<ChangelogEntry>::new());
    let cursor = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok(page)) = first.get() {
            more.set(Vec::new());
            cursor.set(page.next_cursor);
        }
    });
    let load_more = Action::new_local(move |_: &()| async move {
        match api::changelog(cursor.get_untracked()).await {
            Ok(page) => {
                more.update(|m| m.extend(page.items));
                cursor.set(page.next_cursor);
            }
            Err(_) => app.alert(Key::LoadFailed),
        }
    });
    view! {
        <section class="changelog-page">
            <h1>{tr(Key::ChangelogHeading)}</h1>
            <p class="muted">
                {tr(Key::ChangelogIntro)} " "
                <a href="/changelog.atom" rel="external" type="application/atom+xml">{tr(Key::ChangelogFeed)}</a>
            </p>
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"><div class="bar"></div><div class="bar short"></div></div> }>
                <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                    {move || Suspend::new(async move {
                        first.await.map(|page| {
                            if page.items.is_empty() {
                                view! { <p class="card empty">{tr(Key::ChangelogEmpty)} " " <a href="/roadmap">{tr(Key::NavRoadmap)}</a></p> }.into_any()
                            } else {
                                view! {
                                    <ol class="changelog">
                                        {page.items.into_iter().map(|entry| view! { <Entry entry /> }).collect_view()}
                                        <For each=move || more.get() key=|e| e.id let(entry)><Entry entry /></For>
                                    </ol>
                                }.into_any()
                            }
                        })
                    })}
                </ErrorBoundary>
            </Transition>
            <Show when=move || cursor.read().is_some()>
                <button type="button" class="load-more" on:click=move |_| { load_more.dispatch(()); }>{tr(Key::LoadMore)}</button>
            </Show>
        </section>
    }
}

#[component]
fn Entry(entry: ChangelogEntry) -> impl IntoView {
    let app = use_app();
    let at = entry.published_at.clone().unwrap_or_default();
    let has_ideas = !entry.ideas.is_empty();
    view! {
        <li class="card changelog-entry" id=format!("entry-{}", entry.id)>
            <h2>{entry.title}</h2>
            <p class="idea-meta"><span>{move || format::date(&at, app.lang.get())}</span></p>
            // Rendered and sanitised by the server.
            <div class="prose" inner_html=entry.body_html></div>
            {has_ideas.then(|| view! {
                <h3>{tr(Key::ShipsIdeas)}</h3>
                <ul class="shipped">
                    {entry.ideas.into_iter().map(|i| view! { <li><a href=format!("/ideas/{}", i.id)>{i.title}</a></li> }).collect_view()}
                </ul>
            })}
        </li>
    }
}

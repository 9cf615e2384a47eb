//! The public roadmap (`/roadmap`): a column per status the team shows
//! there, each idea with its votes and tags.

use crate::api;
use crate::components::load_error::LoadError;
use crate::format;
use crate::i18n::{status_label, tr, Key};
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::RoadmapColumn;

#[component]
pub fn RoadmapPage() -> impl IntoView {
    let retry = RwSignal::new(0u32);
    let columns = LocalResource::new(move || {
        retry.track();
        api::roadmap()
    });
    view! {
        <section class="roadmap-page">
            <h1>{tr(Key::RoadmapHeading)}</h1>
            <p class="muted">{tr(Key::RoadmapIntro)}</p>
            <Transition fallback=|| view! { <div class="roadmap skeleton" aria-busy="true"><div class="bar"></div><div class="bar"></div></div> }>
                <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                    {move || Suspend::new(async move {
                        columns.await.map(|columns| {
                            if columns.iter().all(|c| c.ideas.is_empty()) {
                                view! { <p class="card empty">{tr(Key::RoadmapEmpty)} " " <a href="/">{tr(Key::NavIdeas)}</a></p> }.into_any()
                            } else {
                                view! {
                                    <div class="roadmap">
                                        {columns.into_iter().map(|column| view! { <Column column /> }).collect_view()}
                                    </div>
                                }.into_any()
                            }
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn Column(column: RoadmapColumn) -> impl IntoView {
    let app = use_app();
    let key = column.status.key.clone();
    let heading_id = format!("roadmap-{}", key.replace(' ', "-"));
    let empty = column.ideas.is_empty();
    let labelled_by = heading_id.clone();
    view! {
        <section class="roadmap-column" aria-labelledby=labelled_by style:--status-colour=column.status.colour.clone()>
            <h2 id=heading_id>{move || status_label(app.lang.get(), &key)} " (" {column.ideas.len()} ")"</h2>
            {empty.then(|| view! { <p class="muted">{tr(Key::RoadmapEmptyColumn)}</p> })}
            <ol class="roadmap-cards">
                {column.ideas.into_iter().map(|idea| {
                    let votes = idea.vote_count;
                    view! {
                        <li class="card roadmap-card">
                            <a href=format!("/ideas/{}", idea.id)>{idea.title}</a>
                            <p class="idea-meta">
                                <span>{move || format::counted(votes, Key::VoteOne, Key::Votes, app.lang.get())}</span>
                                {idea.tags.into_iter().map(|t| view! { <span class="tag">{t.name}</span> }).collect_view()}
                            </p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

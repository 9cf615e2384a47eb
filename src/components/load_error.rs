//! What a failed load shows: the problem in plain words and a retry.

use crate::i18n::{tr, Key};
use leptos::prelude::*;

/// `retry` is bumped to refetch (resources track it).
#[component]
pub fn LoadError(retry: RwSignal<u32>) -> impl IntoView {
    view! {
        <div class="load-error" role="alert">
            <p>{tr(Key::LoadFailed)}</p>
            <button type="button" on:click=move |_| retry.update(|n| *n += 1)>
                {tr(Key::Retry)}
            </button>
        </div>
    }
}

/// Grey placeholders shaped like idea cards, while the first page loads.
#[component]
pub fn IdeaSkeleton() -> impl IntoView {
    view! {
        <ol class="idea-list skeleton" aria-busy="true">
            <span class="sr-only">{tr(Key::Loading)}</span>
            {(0..4).map(|_| view! { <li class="idea-card"><div class="bar"></div><div class="bar short"></div></li> }).collect_view()}
        </ol>
    }
}

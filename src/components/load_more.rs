//! "Load more" under a list paged by cursor.

use crate::i18n::{tr, Key};
use leptos::prelude::*;

/// Shown while there is a next page; `more` fetches the page after `cursor`.
#[component]
pub fn LoadMore(cursor: RwSignal<Option<String>>, more: Action<String, ()>) -> impl IntoView {
    view! {
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

//! Duplicate hints: while a new idea's title is typed, up to five similar
//! ideas appear, each with its votes and a one-click vote, so the crowd backs
//! an existing idea instead of splitting its votes over a duplicate.

use crate::api;
use crate::components::vote_button::VoteButton;
use crate::i18n::{tr, Key};
use leptos::prelude::*;
use std::time::Duration;

/// Waits this long after the last keystroke before asking the server.
const DEBOUNCE: Duration = Duration::from_millis(300);
/// Shorter titles say too little to compare.
const MIN_CHARS: usize = 3;

#[component]
pub fn SimilarIdeas(title: RwSignal<String>) -> impl IntoView {
    let settled = RwSignal::new(String::new());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let typed = title.get();
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(set_timeout_with_handle(move || settled.set(typed), DEBOUNCE).ok());
    });
    let hints = LocalResource::new(move || {
        let text = settled.get();
        async move {
            if text.trim().chars().count() < MIN_CHARS {
                return Vec::new();
            }
            // Hints are a help, not a must: if they fail, none are shown.
            api::similar(text).await.map(|page| page.items).unwrap_or_default()
        }
    });
    let shown = move || hints.get().unwrap_or_default();
    view! {
        <div class="similar-ideas" aria-live="polite">
            <Show when=move || !shown().is_empty()>
                <p>{tr(Key::SimilarHeading)}</p>
                <ul>
                    // At most five, redrawn only when the title settles:
                    // no keyed list needed, and a `<For>` of its own would
                    // add 0.6 KB brotli (measured when this form was still
                    // in the board's bundle; it is in `more`'s now).
                    {move || {
                        shown()
                            .into_iter()
                            .map(|idea| {
                                view! {
                                    <li>
                                        <VoteButton idea_id=idea.id count=idea.vote_count voted=idea.voted />
                                        <a href=crate::state::use_app().path(&format!("/ideas/{}", idea.id))>{idea.title}</a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </div>
    }
}

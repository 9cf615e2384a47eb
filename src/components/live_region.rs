//! Announces results (vote counted, idea posted, errors) to screen readers
//! and shows them as a toast; clears itself after a few seconds.

use crate::i18n::text;
use crate::state::use_app;
use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn LiveRegion() -> impl IntoView {
    let app = use_app();
    Effect::new(move |_| {
        if let Some(notice) = app.notice.get() {
            set_timeout(
                move || {
                    if app.notice.get_untracked().as_ref() == Some(&notice) {
                        app.notice.set(None);
                    }
                },
                Duration::from_secs(6),
            );
        }
    });
    let message = move |errors: bool| {
        app.notice
            .get()
            .filter(|n| n.is_error == errors)
            .map(|n| text(app.lang.get(), n.key))
    };
    view! {
        <div class="toasts">
            <p class="toast" role="status" aria-live="polite" class:shown=move || message(false).is_some()>
                {move || message(false)}
            </p>
            <p class="toast toast-error" role="alert" class:shown=move || message(true).is_some()>
                {move || message(true)}
            </p>
        </div>
    }
}

//! Hide a comment or mark it as spam, from the discussion itself.

use crate::i18n::Key;
use crate::pm::api;
use crate::pm::i18n::l;
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::{CommentModerationInput, Role};

#[component]
pub fn CommentModeration(id: i64, removed: Callback<i64>) -> impl IntoView {
    let app = use_app();
    let staff = move || {
        app.user
            .read()
            .as_ref()
            .is_some_and(|u| matches!(u.role, Role::Pm | Role::Admin))
    };
    let moderate = Action::new_local(move |spam: &bool| {
        let input = CommentModerationInput {
            hidden: true,
            spam: *spam,
        };
        async move {
            match api::moderate_comment(id, &input).await {
                Ok(()) => {
                    removed.run(id);
                    app.announce(Key::Saved);
                }
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    view! {
        <Show when=staff>
            <button type="button" class="link" on:click=move |_| { moderate.dispatch(false); }>{l("Hide", "Verbergen")}</button>
            <button type="button" class="link" on:click=move |_| { moderate.dispatch(true); }>{l("Spam", "Spam")}</button>
        </Show>
    }
}

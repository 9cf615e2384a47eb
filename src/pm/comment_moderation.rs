//! Hide a comment, mark it as spam, or restore it, from the discussion
//! itself (the team still sees hidden comments, marked).

use crate::i18n::Key;
use crate::pm::api;
use crate::pm::i18n::l;
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::{CommentModerationInput, Role};

#[component]
pub fn CommentModeration(id: i64, hidden: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let staff = move || {
        app.user
            .read()
            .as_ref()
            .is_some_and(|u| matches!(u.role, Role::Pm | Role::Admin))
    };
    let moderate = Action::new_local(move |input: &CommentModerationInput| {
        let input = input.clone();
        async move {
            match api::moderate_comment(id, &input).await {
                Ok(()) => {
                    hidden.set(input.hidden || input.spam);
                    app.announce(Key::Saved);
                }
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    view! {
        <Show when=staff>
            <Show
                when=move || hidden.get()
                fallback=move || view! {
                    <button type="button" class="link" on:click=move |_| { moderate.dispatch(CommentModerationInput { hidden: true, spam: false }); }>
                        {l("Hide", "Verbergen")}
                    </button>
                    <button type="button" class="link" on:click=move |_| { moderate.dispatch(CommentModerationInput { hidden: true, spam: true }); }>
                        {l("Spam", "Spam")}
                    </button>
                }
            >
                <button type="button" class="link" on:click=move |_| { moderate.dispatch(CommentModerationInput::default()); }>
                    {l("Restore", "Wiederherstellen")}
                </button>
            </Show>
        </Show>
    }
}

//! Hide, restore, mark as spam, approve: one idea's moderation, wherever
//! the team sees it (triage list, idea page).

use crate::i18n::Key;
use crate::pm::api;
use crate::pm::i18n::l;
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::{IdeaModerationInput, TriageIdea};

#[component]
pub fn ModerationBadges(item: Signal<Option<TriageIdea>>) -> impl IntoView {
    let flag = move |f: fn(&TriageIdea) -> bool| move || item.read().as_ref().is_some_and(f);
    view! {
        <Show when=flag(|t| t.spam)><span class="flag">{l("Spam", "Spam")}</span></Show>
        <Show when=flag(|t| t.hidden && !t.spam)><span class="flag">{l("Hidden", "Verborgen")}</span></Show>
        <Show when=flag(|t| t.idea.pending)><span class="flag">{l("Waiting for approval", "Wartet auf Freigabe")}</span></Show>
    }
}

#[component]
pub fn ModerationButtons(item: Signal<Option<TriageIdea>>, on_change: Callback<TriageIdea>) -> impl IntoView {
    let app = use_app();
    let moderate = Action::new_local(move |input: &IdeaModerationInput| {
        let (input, id) = (input.clone(), item.get_untracked().map(|t| t.idea.id));
        async move {
            let Some(id) = id else { return };
            match api::moderate_idea(id, &input).await {
                Ok(fresh) => {
                    on_change.run(fresh);
                    app.announce(Key::Saved);
                }
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let flag = move |f: fn(&TriageIdea) -> bool| move || item.read().as_ref().is_some_and(f);
    let send = move |input: IdeaModerationInput| {
        moderate.dispatch(input);
    };
    view! {
        <Show when=flag(|t| t.idea.pending)>
            <button type="button" on:click=move |_| send(IdeaModerationInput { approved: Some(true), ..Default::default() })>
                {l("Approve", "Freigeben")}
            </button>
        </Show>
        <Show
            when=flag(|t| t.hidden)
            fallback=move || view! {
                <button type="button" on:click=move |_| send(IdeaModerationInput { hidden: Some(true), ..Default::default() })>
                    {l("Hide", "Verbergen")}
                </button>
                <button type="button" on:click=move |_| send(IdeaModerationInput { spam: Some(true), ..Default::default() })>
                    {l("Spam", "Spam")}
                </button>
            }
        >
            <button type="button" on:click=move |_| send(IdeaModerationInput { hidden: Some(false), spam: Some(false), ..Default::default() })>
                {l("Restore", "Wiederherstellen")}
            </button>
        </Show>
    }
}

//! The vote button: counts at once (optimistic), then settles on the
//! server's answer, or rolls back with a message if the server refuses.

#[cfg(feature = "more")]
use crate::api;
use crate::format;
use crate::i18n::{text, Key};
use crate::state::use_app;
#[cfg(feature = "more")]
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn VoteButton(idea_id: i64, count: i64, voted: bool) -> impl IntoView {
    let app = use_app();
    let count = RwSignal::new(count);
    let voted = RwSignal::new(voted);
    let navigate = use_navigate();
    // Only members vote, and only the `more` bundle has members
    // (`pages::load_in_full`): a visitor's click leads to sign-in.
    #[cfg(feature = "more")]
    let toggle = cast(app, idea_id, count, voted);
    #[cfg(feature = "more")]
    let pending: Signal<bool> = toggle.pending().into();
    #[cfg(not(feature = "more"))]
    let pending = Signal::stored(false);
    // Votes of others arrive live; while this button's own request is out,
    // its answer is the one to trust.
    Effect::new(move |_| {
        let Some(event) = app.live.get() else { return };
        if event.concerns("vote.", idea_id) && !pending.get_untracked() {
            if let Some(n) = event.payload.vote_count {
                count.set(n);
            }
        }
    });
    let on_click = move |_| {
        if app.user.get_untracked().is_none() {
            app.alert(Key::SignInToVote);
            navigate(&app.path("/login"), Default::default());
        } else {
            #[cfg(feature = "more")]
            toggle.dispatch(());
        }
    };
    // The accessible name comes from the content ("Vote 6 votes"), so it
    // contains the visible count (WCAG 2.5.3); aria-pressed tells the state.
    let verb = move || text(app.lang.get(), Key::Vote);
    let noun = move || {
        let lang = app.lang.get();
        text(lang, if count.get() == 1 { Key::VoteOne } else { Key::Votes })
    };
    view! {
        <button
            type="button"
            class="vote"
            class:voted=move || voted.get()
            data-idea=idea_id
            aria-pressed=move || voted.get().to_string()
            disabled=move || pending.get()
            on:click=on_click
        >
            <span class="vote-arrow" aria-hidden="true">"▲"</span>
            <span class="sr-only">{verb} " "</span>
            <span class="vote-count">{move || format::number(count.get(), app.lang.get())}</span>
            <span class="sr-only">" " {noun}</span>
        </button>
    }
}

/// Casting or taking back a vote: counts at once, then settles on the
/// server's answer, or rolls back.
#[cfg(feature = "more")]
fn cast(app: AppState, idea_id: i64, count: RwSignal<i64>, voted: RwSignal<bool>) -> Action<(), ()> {
    Action::new_local(move |_: &()| {
        let before = (count.get_untracked(), voted.get_untracked());
        let on = !before.1;
        voted.set(on);
        count.set(before.0 + if on { 1 } else { -1 });
        async move {
            match api::vote(idea_id, on).await {
                Ok(state) => {
                    count.set(state.vote_count);
                    voted.set(state.voted);
                    app.announce(if on { Key::VoteSaved } else { Key::VoteRemoved });
                    crate::embed::emit(
                        app,
                        "schwarm:voted",
                        &[
                            ("idea_id", (idea_id as f64).into()),
                            ("voted", state.voted.into()),
                            ("vote_count", (state.vote_count as f64).into()),
                        ],
                    );
                }
                Err(e) => {
                    count.set(before.0);
                    voted.set(before.1);
                    if e.is_unauthorized() {
                        app.user.set(None);
                        app.alert(Key::SessionExpired);
                    } else {
                        app.alert(crate::api::refusal(&e).unwrap_or(Key::VoteFailed));
                    }
                }
            }
        }
    })
}

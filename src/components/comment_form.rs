//! The box to write a comment or a reply. Keeps the text when the request
//! fails.

use crate::api;
use crate::components::field::Field;
use crate::i18n::{tr, Key};
use crate::state::use_app;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use schwarm_wire::validate::COMMENT_MAX;
use schwarm_wire::{Comment, NewComment, Problem, Role};

#[component]
pub fn CommentForm(
    idea_id: i64,
    /// The comment this answers, for a reply.
    #[prop(optional)]
    parent_id: Option<i64>,
    on_posted: Callback<Comment>,
) -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Problem>);
    // Product managers may write internal notes (never replies).
    let internal = RwSignal::new(false);
    let can_note = move || {
        parent_id.is_none()
            && app
                .user
                .read()
                .as_ref()
                .is_some_and(|u| matches!(u.role, Role::Pm | Role::Admin))
    };
    let submit = Action::new_local(move |new: &NewComment| {
        let new = new.clone();
        async move {
            match api::create_comment(idea_id, &new).await {
                Ok(comment) => {
                    text.set(String::new());
                    app.announce(Key::CommentPosted);
                    on_posted.run(comment);
                }
                Err(e) if e.is_unauthorized() => {
                    app.user.set(None);
                    app.alert(Key::SessionExpired);
                }
                Err(e) if e.status == 0 => app.alert(Key::NetworkError),
                Err(e) => app.alert(crate::api::refusal(&e).unwrap_or(Key::CommentFailed)),
            }
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let new = NewComment {
            body: text.get_untracked(),
            parent_id,
            internal: internal.get_untracked() && can_note(),
        };
        match new.validate() {
            Ok(_) => {
                error.set(None);
                submit.dispatch(new);
            }
            Err(bad) => error.set(bad.get("body")),
        }
    };
    let (id, label) = match parent_id {
        Some(p) => (format!("reply-{p}"), Key::ReplyLabel),
        None => ("comment-new".to_owned(), Key::CommentLabel),
    };
    view! {
        <form class="comment-form" on:submit=on_submit novalidate>
            <Field id label value=text error=error multiline=true max_chars=COMMENT_MAX />
            <Show when=can_note>
                <label class="check">
                    <input type="checkbox" prop:checked=internal on:change:target=move |ev| internal.set(ev.target().checked()) />
                    {tr(Key::InternalNote)} " – " {tr(Key::InternalNoteHint)}
                </label>
            </Show>
            <button type="submit" class="primary" disabled=move || submit.pending().get()>
                {move || if submit.pending().get() { tr(Key::Posting)() } else { tr(Key::PostComment)() }}
            </button>
        </form>
    }
}

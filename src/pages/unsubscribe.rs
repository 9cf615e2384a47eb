//! Where an email's unsubscribe link leads: it turns that kind of email off
//! at once, without signing in (the link's token is the permission). The
//! request is sent by the page, not by opening the link, so mail scanners
//! that follow links do not unsubscribe anyone.

use crate::api;
use crate::i18n::{tr, Key};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use schwarm_wire::{EmailKind, Unsubscribe};

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let request = match (
        query.get("token"),
        query.get("kind").as_deref().and_then(EmailKind::parse),
    ) {
        (Some(token), Some(kind)) if !token.is_empty() => Some(Unsubscribe { token, kind }),
        _ => None,
    };
    let send = Action::new_local(|request: &Unsubscribe| {
        let request = request.clone();
        async move { api::unsubscribe(&request).await }
    });
    if let Some(request) = request.clone() {
        send.dispatch(request);
    }
    let outcome = move || {
        if request.is_none() {
            return view! { <p role="alert">{tr(Key::UnsubscribeInvalid)}</p> }.into_any();
        }
        match send.value().get() {
            None => view! { <p aria-busy="true">{tr(Key::Unsubscribing)}</p> }.into_any(),
            Some(Ok(done)) => {
                let key = match done.kind {
                    EmailKind::StatusChanges => Key::UnsubscribedStatus,
                    EmailKind::Replies => Key::UnsubscribedReplies,
                };
                view! { <p role="status" class="done">{tr(key)}</p> }.into_any()
            }
            Some(Err(e)) if e.status == 404 || e.status == 422 => {
                view! { <p role="alert">{tr(Key::UnsubscribeInvalid)}</p> }.into_any()
            }
            Some(Err(_)) => {
                let request = request.clone();
                view! {
                    <div class="load-error" role="alert">
                        <p>{tr(Key::UnsubscribeFailed)}</p>
                        <button type="button" on:click=move |_| {
                            if let Some(r) = request.clone() {
                                send.dispatch(r);
                            }
                        }>{tr(Key::Retry)}</button>
                    </div>
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="card unsubscribe-page">
            <h1>{tr(Key::UnsubscribeHeading)}</h1>
            {outcome}
            <p><a href="/account">{tr(Key::ManageEmail)}</a></p>
        </section>
    }
}

//! On the account page: which follower emails to get, and in which language.

use crate::api;
use crate::components::load_error::LoadError;
use crate::i18n::{tr, Key};
use crate::state::use_app;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use schwarm_wire::{EmailLanguage, EmailPreferences};

#[component]
pub fn EmailSettings() -> impl IntoView {
    let retry = RwSignal::new(0u32);
    let prefs = LocalResource::new(move || {
        retry.track();
        api::email_preferences()
    });
    view! {
        <section class="card email-settings">
            <h2>{tr(Key::EmailHeading)}</h2>
            <Transition fallback=|| view! { <div class="skeleton"><div class="bar"></div></div> }>
                <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                    {move || Suspend::new(async move { prefs.await.map(|p| view! { <EmailForm prefs=p /> }) })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn EmailForm(prefs: EmailPreferences) -> impl IntoView {
    let app = use_app();
    let status_changes = RwSignal::new(prefs.status_changes);
    let replies = RwSignal::new(prefs.replies);
    let language = RwSignal::new(prefs.language);
    let save = Action::new_local(move |prefs: &EmailPreferences| {
        let prefs = *prefs;
        async move {
            match api::set_email_preferences(&prefs).await {
                Ok(_) => app.announce(Key::EmailSaved),
                Err(e) if e.is_unauthorized() => app.alert(Key::SessionExpired),
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        save.dispatch(EmailPreferences {
            status_changes: status_changes.get_untracked(),
            replies: replies.get_untracked(),
            language: language.get_untracked(),
        });
    };
    let checkbox = move |id: &'static str, label: Key, value: RwSignal<bool>| {
        view! {
            <label class="check" for=id>
                <input type="checkbox" id=id prop:checked=move || value.get()
                    on:change:target=move |ev| value.set(ev.target().checked()) />
                {tr(label)}
            </label>
        }
    };
    view! {
        <form on:submit=on_submit>
            <p>{tr(Key::EmailIntro)}</p>
            {checkbox("email-status", Key::EmailStatusChanges, status_changes)}
            {checkbox("email-replies", Key::EmailReplies, replies)}
            <label for="email-language">{tr(Key::EmailLanguageLabel)}</label>
            <select id="email-language" prop:value=move || language.get().as_str()
                on:change:target=move |ev| language.set(EmailLanguage::parse(&ev.target().value()))>
                <option value="en">"English"</option>
                <option value="de">"Deutsch"</option>
            </select>
            <button type="submit" class="primary" disabled=move || save.pending().get()>{tr(Key::Save)}</button>
        </form>
    }
}

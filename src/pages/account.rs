//! The member's own account: display name, password, email settings, their
//! ideas, votes and comments, a data download and deleting the account.

use crate::api;
use crate::components::email_settings::EmailSettings;
use crate::components::field::Field;
use crate::components::my_activity::{DataControls, MyActivity};
use crate::i18n::{tr, Key};
use crate::state::use_app;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use schwarm_wire::{FieldErrors, PasswordChange, Problem, ProfileEdit};

#[component]
pub fn AccountPage() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="account-page">
            <h1>{tr(Key::AccountHeading)}</h1>
            {move || match (app.user.read().is_some(), app.user_known.get()) {
                (true, _) => view! { <NameForm /> <PasswordForm /> <EmailSettings /> <MyActivity /> <DataControls /> }.into_any(),
                (false, true) => view! {
                    <p class="card cta"><a href="/login?next=/account">{tr(Key::SignInForAccount)}</a></p>
                }
                .into_any(),
                (false, false) => ().into_any(),
            }}
        </section>
    }
}

/// Shows the server's field problems (422) on the form's fields.
fn apply_field_errors(errors: RwSignal<FieldErrors>, e: &api::ApiError) {
    let mut marked = FieldErrors::default();
    for (field, message) in &e.detail.fields {
        let problem = if field == "current_password" && !message.is_empty() {
            Problem::WrongPassword
        } else {
            Problem::Invalid
        };
        marked.insert(field, problem);
    }
    errors.set(marked);
}

#[component]
fn NameForm() -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(app.user.get_untracked().map(|u| u.display_name).unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::default());
    let save = Action::new_local(move |edit: &ProfileEdit| {
        let edit = edit.clone();
        async move {
            match api::edit_profile(&edit).await {
                Ok(user) => {
                    app.user.set(Some(user));
                    app.announce(Key::ProfileSaved);
                }
                Err(e) if e.status == 422 => apply_field_errors(errors, &e),
                Err(e) if e.is_unauthorized() => app.alert(Key::SessionExpired),
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let edit = ProfileEdit {
            display_name: name.get_untracked(),
        };
        match edit.validate() {
            Ok(_) => {
                errors.set(FieldErrors::default());
                save.dispatch(edit);
            }
            Err(bad) => errors.set(bad),
        }
    };
    view! {
        <form class="card" on:submit=on_submit novalidate>
            <Field id="display-name" label=Key::DisplayNameLabel value=name autocomplete="nickname"
                error=Signal::derive(move || errors.read().get("display_name")) />
            <button type="submit" class="primary" disabled=move || save.pending().get()>{tr(Key::Save)}</button>
        </form>
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    let app = use_app();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let change = Action::new_local(move |change: &PasswordChange| {
        let change = change.clone();
        async move {
            match api::change_password(&change).await {
                Ok(()) => {
                    current.set(String::new());
                    new.set(String::new());
                    app.announce(Key::PasswordChanged);
                }
                Err(e) if e.status == 422 => apply_field_errors(errors, &e),
                Err(e) if e.is_unauthorized() => app.alert(Key::SessionExpired),
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let request = PasswordChange {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        match request.validate() {
            Ok(_) => {
                errors.set(FieldErrors::default());
                change.dispatch(request);
            }
            Err(bad) => errors.set(bad),
        }
    };
    let error_of = move |field: &'static str| Signal::derive(move || errors.read().get(field));
    view! {
        <form class="card" on:submit=on_submit novalidate>
            <h2>{tr(Key::ChangePasswordHeading)}</h2>
            <Field id="current-password" label=Key::CurrentPasswordLabel value=current kind="password"
                autocomplete="current-password" error=error_of("current_password") />
            <Field id="new-password" label=Key::NewPasswordLabel value=new kind="password"
                autocomplete="new-password" hint=Key::PasswordHint error=error_of("new_password") />
            <button type="submit" class="primary" disabled=move || change.pending().get()>
                {tr(Key::ChangePasswordHeading)}
            </button>
        </form>
    }
}

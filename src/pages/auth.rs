//! Sign-in and registration.

use crate::api::{self, ApiResult};
use crate::components::field::Field;
use crate::i18n::{tr, Key};
use crate::state::{use_app, AppState};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use schwarm_wire::error::codes;
use schwarm_wire::{FieldErrors, LoginRequest, Problem, RegisterRequest, User};

/// Where to go after signing in: `?next=` if it is a path on this site,
/// else the board (the widget's, when embedded).
fn next_path(app: AppState) -> String {
    use_query_map()
        .get_untracked()
        .get("next")
        .filter(|p| p.starts_with('/') && !p.starts_with("//"))
        .unwrap_or_else(|| app.path("/"))
}

/// Signs in: with the session cookie, or inside the widget (where the
/// browser may block cookies) with a bearer token kept in memory.
async fn sign_in(app: AppState, req: &LoginRequest) -> ApiResult<User> {
    if app.embed.with_untracked(Option::is_none) {
        return api::login(req).await;
    }
    let session = api::login_token(req).await?;
    let user = session.user.clone();
    crate::embed::signed_in(app, session);
    Ok(user)
}

/// Applies a sign-in or registration answer: on success the user is set
/// and the page moves on; on failure the form learns what went wrong.
fn settle(
    app: AppState,
    result: ApiResult<User>,
    errors: RwSignal<FieldErrors>,
    form_error: RwSignal<Option<Key>>,
) -> bool {
    match result {
        Ok(user) => {
            app.user.set(Some(user));
            app.user_known.set(true);
            app.announce(Key::SignedIn);
            true
        }
        Err(e) => {
            let key = match (e.status, e.code()) {
                (0, _) => Key::NetworkError,
                (_, codes::INVALID_CREDENTIALS) => Key::WrongCredentials,
                (_, codes::EMAIL_TAKEN) => {
                    errors.update(|f| f.insert("email", Problem::Invalid));
                    Key::EmailTaken
                }
                (422, _) => {
                    errors.update(|f| {
                        for field in e.detail.fields.keys() {
                            f.insert(field, Problem::Invalid);
                        }
                    });
                    Key::GenericError
                }
                _ => Key::GenericError,
            };
            form_error.set(Some(key));
            false
        }
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let app = use_app();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Key>);
    let navigate = use_navigate();
    let next = next_path(app);
    let action = Action::new_local(move |req: &LoginRequest| {
        let req = req.clone();
        let (navigate, next) = (navigate.clone(), next.clone());
        async move {
            if settle(app, sign_in(app, &req).await, errors, form_error) {
                navigate(&next, Default::default());
            }
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        let req = LoginRequest {
            email: email.get_untracked(),
            password: password.get_untracked(),
        };
        match req.validate() {
            Ok(()) => {
                errors.set(FieldErrors::default());
                action.dispatch(req);
            }
            Err(bad) => errors.set(bad),
        }
    };
    let error_of = move |field: &'static str| Signal::derive(move || errors.read().get(field));
    view! {
        <form class="card auth" on:submit=on_submit novalidate>
            <h1>{tr(Key::SignInHeading)}</h1>
            <FormError form_error />
            <Field id="email" label=Key::EmailLabel value=email error=error_of("email") kind="email" autocomplete="email" />
            <Field id="password" label=Key::PasswordLabel value=password error=error_of("password") kind="password" autocomplete="current-password" />
            <button type="submit" class="primary" disabled=move || action.pending().get()>
                {move || if action.pending().get() { tr(Key::SigningIn)() } else { tr(Key::SignIn)() }}
            </button>
            <p class="switch">{tr(Key::NoAccountYet)} " " <a href=app.path("/register")>{tr(Key::Register)}</a></p>
        </form>
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let app = use_app();
    let email = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let form_error = RwSignal::new(None::<Key>);
    let navigate = use_navigate();
    let next = next_path(app);
    let action = Action::new_local(move |req: &RegisterRequest| {
        let req = req.clone();
        let (navigate, next) = (navigate.clone(), next.clone());
        async move {
            let mut result = api::register(&req).await;
            if result.is_ok() && app.embed.with_untracked(Option::is_some) {
                // The registration's cookie may be blocked here: sign in
                // again for a bearer session.
                let login = LoginRequest {
                    email: req.email.clone(),
                    password: req.password.clone(),
                };
                result = sign_in(app, &login).await;
            }
            if settle(app, result, errors, form_error) {
                navigate(&next, Default::default());
            }
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        let req = RegisterRequest {
            email: email.get_untracked(),
            password: password.get_untracked(),
            display_name: display_name.get_untracked(),
        };
        match req.validate() {
            Ok(_) => {
                errors.set(FieldErrors::default());
                action.dispatch(req);
            }
            Err(bad) => errors.set(bad),
        }
    };
    let error_of = move |field: &'static str| Signal::derive(move || errors.read().get(field));
    view! {
        <form class="card auth" on:submit=on_submit novalidate>
            <h1>{tr(Key::RegisterHeading)}</h1>
            <FormError form_error />
            <Field id="email" label=Key::EmailLabel value=email error=error_of("email") kind="email" autocomplete="email" />
            <Field id="display-name" label=Key::DisplayNameLabel value=display_name error=error_of("display_name") autocomplete="nickname" />
            <Field id="password" label=Key::PasswordLabel value=password error=error_of("password") kind="password" autocomplete="new-password" hint=Key::PasswordHint />
            <button type="submit" class="primary" disabled=move || action.pending().get()>
                {move || if action.pending().get() { tr(Key::SigningIn)() } else { tr(Key::Register)() }}
            </button>
            <p class="switch">{tr(Key::HaveAccount)} " " <a href=app.path("/login")>{tr(Key::SignIn)}</a></p>
        </form>
    }
}

#[component]
fn FormError(form_error: RwSignal<Option<Key>>) -> impl IntoView {
    let lang = use_app().lang;
    view! {
        <p class="form-error" role="alert">
            {move || form_error.get().map(|k| crate::i18n::text(lang.get(), k))}
        </p>
    }
}

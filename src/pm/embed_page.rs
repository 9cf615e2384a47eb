//! For admins: the sites that embed a board, each with its snippet, a new
//! SSO secret on demand (shown once), its theme and a live preview.

use crate::api::ApiError;
use crate::components::load_error::LoadError;
use crate::i18n::{text, tr, Key};
use crate::pm::api;
use crate::pm::site_form::SiteForm;
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::error::codes;
use schwarm_wire::{FieldErrors, Problem, Role, Site, SiteInput};

#[component]
pub fn AdminEmbedPage() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="admin-embed">
            <h1>{tr(Key::SitesHeading)}</h1>
            {move || match app.user.get() {
                Some(user) if user.role == Role::Admin => view! { <Sites /> }.into_any(),
                _ if app.user_known.get() => view! { <p class="card cta">{tr(Key::AdminOnly)}</p> }.into_any(),
                _ => ().into_any(),
            }}
        </section>
    }
}

/// The server's 422 fields (or a taken origin) onto the form.
fn mark(errors: RwSignal<FieldErrors>, e: &ApiError) {
    let mut marked = FieldErrors::default();
    for field in e.detail.fields.keys() {
        marked.insert(field, Problem::Invalid);
    }
    if e.code() == codes::CONFLICT {
        marked.insert("origin", Problem::Invalid);
    }
    errors.set(marked);
}

#[component]
fn Sites() -> impl IntoView {
    let app = use_app();
    let retry = RwSignal::new(0u32);
    let sites = LocalResource::new(move || {
        retry.track();
        api::sites()
    });
    // A secret is shown once, right after it was made.
    let secret = RwSignal::new(None::<(String, String)>);
    let errors = RwSignal::new(FieldErrors::default());
    let form_key = RwSignal::new(0u32);
    let create = Action::new_local(move |input: &SiteInput| {
        let input = input.clone();
        async move {
            match api::create_site(&input).await {
                Ok(made) => {
                    secret.set(Some((made.site.name, made.sso_secret)));
                    app.announce(Key::SiteSaved);
                    form_key.update(|k| *k += 1);
                    retry.update(|n| *n += 1);
                }
                Err(e) if e.status == 422 || e.status == 409 => {
                    mark(errors, &e);
                    app.alert(if e.status == 409 {
                        Key::OriginTaken
                    } else {
                        Key::GenericError
                    });
                }
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    view! {
        <p>{tr(Key::SitesIntro)}</p>
        {move || secret.get().map(|(site, value)| view! {
            <div class="card secret" role="status">
                <p><strong>{site}</strong> ": " {tr(Key::SecretOnce)}</p>
                <CopyField value />
            </div>
        })}
        <Transition fallback=|| view! { <div class="skeleton"><div class="bar"></div></div> }>
            <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                {move || Suspend::new(async move {
                    sites.await.map(|list| {
                        if list.is_empty() {
                            view! { <p class="card empty">{tr(Key::NoSites)}</p> }.into_any()
                        } else {
                            list.into_iter()
                                .map(|site| view! { <SiteCard site retry secret /> })
                                .collect_view()
                                .into_any()
                        }
                    })
                })}
            </ErrorBoundary>
        </Transition>
        <section class="card">
            <h2>{tr(Key::AddSiteHeading)}</h2>
            {move || {
                form_key.track();
                view! {
                    <SiteForm
                        prefix="new-site"
                        initial=SiteInput::default()
                        submit_label=Signal::derive(move || text(app.lang.get(), Key::AddSite).to_owned())
                        on_save=Callback::new(move |input| { create.dispatch(input); })
                        errors
                        pending=create.pending().into()
                    />
                }
            }}
        </section>
    }
}

#[component]
fn SiteCard(site: Site, retry: RwSignal<u32>, secret: RwSignal<Option<(String, String)>>) -> impl IntoView {
    let app = use_app();
    let id = site.id;
    let errors = RwSignal::new(FieldErrors::default());
    let editing = RwSignal::new(false);
    let board_origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let snippet = format!(
        r#"<script src="{board_origin}/embed.js" data-board="{}" async></script>"#,
        site.board
    );
    let save = Action::new_local(move |input: &SiteInput| {
        let input = input.clone();
        async move {
            match api::update_site(id, &input).await {
                Ok(_) => {
                    app.announce(Key::SiteSaved);
                    retry.update(|n| *n += 1);
                }
                Err(e) if e.status == 422 || e.status == 409 => mark(errors, &e),
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let confirmed = move |key: Key| {
        let question = text(app.lang.get_untracked(), key);
        web_sys::window().is_some_and(|w| w.confirm_with_message(question).unwrap_or(false))
    };
    let name = site.name.clone();
    let rotate = Action::new_local(move |_: &()| {
        let name = name.clone();
        async move {
            match api::rotate_site_secret(id).await {
                Ok(made) => secret.set(Some((name, made.sso_secret))),
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let remove = Action::new_local(move |_: &()| async move {
        match api::delete_site(id).await {
            Ok(()) => {
                app.announce(Key::SiteDeleted);
                retry.update(|n| *n += 1);
            }
            Err(_) => app.alert(Key::GenericError),
        }
    });
    let initial = SiteInput {
        name: site.name.clone(),
        origin: site.origin.clone(),
        board: site.board.clone(),
        theme: site.theme.clone(),
    };
    view! {
        <article class="card site">
            <h2>{site.name.clone()}</h2>
            <p><code>{site.origin.clone()}</code> " → " <code>{format!("/embed/{}", site.board)}</code></p>
            <p>{tr(Key::SnippetLabel)}</p>
            <CopyField value=snippet />
            <div class="actions">
                <button type="button" on:click=move |_| if confirmed(Key::ConfirmRotate) { rotate.dispatch(()); }>
                    {tr(Key::RotateSecret)}
                </button>
                <button type="button" class="danger" on:click=move |_| if confirmed(Key::ConfirmDeleteSite) { remove.dispatch(()); }>
                    {tr(Key::Delete)}
                </button>
                <button type="button" aria-expanded=move || editing.get().to_string() on:click=move |_| editing.update(|e| *e = !*e)>
                    {tr(Key::Edit)}
                </button>
            </div>
            // The form (and its preview, a whole widget) only when asked for.
            <Show when=move || editing.get()>
                <SiteForm
                    prefix=format!("site-{id}")
                    initial=initial.clone()
                    submit_label=Signal::derive(move || text(app.lang.get(), Key::Save).to_owned())
                    on_save=Callback::new(move |input| { save.dispatch(input); })
                    errors
                    pending=save.pending().into()
                />
            </Show>
        </article>
    }
}

/// A read-only value with a button that copies it.
#[component]
fn CopyField(value: String) -> impl IntoView {
    let app = use_app();
    let copy = {
        let value = value.clone();
        move |_| {
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&value);
                app.announce(Key::Copied);
            }
        }
    };
    view! {
        <div class="copy-field">
            <input readonly prop:value=value aria-label=move || text(app.lang.get(), Key::Copy) />
            <button type="button" on:click=copy>{tr(Key::Copy)}</button>
        </div>
    }
}

//! For admins: webhooks, their signing secret (shown once) and the log of
//! deliveries (`/admin/webhooks`).

use crate::components::load_error::LoadError;
use crate::format;
use crate::i18n::Key;
use crate::pm::api;
use crate::pm::i18n::l;
use crate::pm::nav::{PmNav, StaffOnly};
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::webhooks::WEBHOOK_EVENTS;
use schwarm_wire::{Webhook, WebhookInput};

#[component]
pub fn WebhooksPage() -> impl IntoView {
    view! {
        <PmNav />
        <section class="webhooks-admin">
            <h1>{l("Webhooks", "Webhooks")}</h1>
            <StaffOnly admin=true><Webhooks /></StaffOnly>
        </section>
    }
}

#[component]
fn Webhooks() -> impl IntoView {
    let app = use_app();
    let retry = RwSignal::new(0u32);
    let hooks = LocalResource::new(move || {
        retry.track();
        api::webhooks()
    });
    let url = RwSignal::new(String::new());
    let events = RwSignal::new(WEBHOOK_EVENTS.iter().map(|e| e.to_string()).collect::<Vec<_>>());
    let secret = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let create = Action::new_local(move |input: &WebhookInput| {
        let input = input.clone();
        async move {
            match api::create_webhook(&input).await {
                Ok(made) => {
                    secret.set(Some(made.secret));
                    url.set(String::new());
                    error.set(None);
                    retry.update(|n| *n += 1);
                    app.announce(Key::Saved);
                }
                Err(e) => {
                    error.set(Some(e.detail.fields.values().cloned().collect::<Vec<_>>().join(" ")));
                    app.alert(Key::GenericError);
                }
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(WebhookInput {
            url: url.get_untracked(),
            events: events.get_untracked(),
        });
    };
    view! {
        <p>{l(
            "Each event is sent as JSON in a POST, signed with HMAC-SHA256 of the body in the X-Schwarm-Signature header (sha256=…). Failed deliveries are retried with growing pauses.",
            "Jedes Ereignis geht als JSON per POST, signiert mit HMAC-SHA256 des Inhalts im Header X-Schwarm-Signature (sha256=…). Fehlgeschlagene Zustellungen werden mit wachsenden Pausen wiederholt.",
        )}</p>
        {move || secret.get().map(|s| view! {
            <div class="card secret" role="status">
                <p>{l("The signing secret, shown this once:", "Das Signatur-Geheimnis, nur dieses eine Mal angezeigt:")}</p>
                <input readonly prop:value=s aria-label=l("Signing secret", "Signatur-Geheimnis") />
            </div>
        })}
        <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"><div class="bar"></div></div> }>
            <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                {move || Suspend::new(async move {
                    hooks.await.map(|list| {
                        if list.is_empty() {
                            view! { <p class="card empty">{l("No webhooks yet: add the first below.", "Noch keine Webhooks: unten den ersten hinzufügen.")}</p> }.into_any()
                        } else {
                            list.into_iter().map(|hook| view! { <WebhookCard hook retry /> }).collect_view().into_any()
                        }
                    })
                })}
            </ErrorBoundary>
        </Transition>
        <section class="card">
            <h2>{l("Add a webhook", "Webhook hinzufügen")}</h2>
            <form class="status-form" on:submit=on_submit novalidate>
                <label for="webhook-url">{l("URL (http:// or https://)", "URL (http:// oder https://)")}</label>
                <input id="webhook-url" type="url" prop:value=url on:input:target=move |ev| url.set(ev.target().value()) />
                <fieldset>
                    <legend>{l("Events", "Ereignisse")}</legend>
                    {WEBHOOK_EVENTS.into_iter().map(|event| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || events.read().iter().any(|e| e == event)
                                on:change:target=move |ev| {
                                    let on = ev.target().checked();
                                    events.update(|all| { all.retain(|e| e != event); if on { all.push(event.to_owned()); } });
                                } />
                            <code>{event}</code>
                        </label>
                    }).collect_view()}
                </fieldset>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <button type="submit" class="primary">{l("Add webhook", "Webhook hinzufügen")}</button>
            </form>
        </section>
    }
}

#[component]
fn WebhookCard(hook: Webhook, retry: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    let id = hook.id;
    let open = RwSignal::new(false);
    let log = LocalResource::new(move || async move {
        if open.get() {
            api::deliveries(id).await.map(Some)
        } else {
            Ok(None)
        }
    });
    let remove = Action::new_local(move |_: &()| async move {
        match api::delete_webhook(id).await {
            Ok(()) => {
                retry.update(|n| *n += 1);
                app.announce(Key::Saved);
            }
            Err(_) => app.alert(Key::GenericError),
        }
    });
    view! {
        <article class="card webhook">
            <h2><code>{hook.url.clone()}</code></h2>
            <p class="idea-meta">
                {hook.events.iter().map(|e| view! { <span class="tag">{e.clone()}</span> }).collect_view()}
            </p>
            <p class="idea-meta">
                <span>{l("Delivered", "Zugestellt")} ": " {hook.delivered}</span>
                <span>{l("Failed", "Fehlgeschlagen")} ": " {hook.failed}</span>
                <span>{l("Waiting", "Wartend")} ": " {hook.pending}</span>
            </p>
            <div class="actions">
                <button type="button" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                    {l("Deliveries", "Zustellungen")}
                </button>
                <button type="button" class="danger" on:click=move |_| { remove.dispatch(()); }>{l("Remove", "Entfernen")}</button>
            </div>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    log.await.ok().flatten().map(|rows| view! {
                        <table class="members">
                            <thead><tr>
                                <th scope="col">{l("Event", "Ereignis")}</th>
                                <th scope="col">{l("Status", "Status")}</th>
                                <th scope="col">{l("Attempts", "Versuche")}</th>
                                <th scope="col">{l("When", "Wann")}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|d| {
                                    let state = match (&d.delivered_at, &d.failed_at) {
                                        (Some(_), _) => l("delivered", "zugestellt"),
                                        (_, Some(_)) => l("given up", "aufgegeben"),
                                        _ => l("retrying", "wird wiederholt"),
                                    };
                                    let code = d.last_status.map(|s| s.to_string()).or(d.last_error.clone()).unwrap_or_default();
                                    let at = d.created_at.clone();
                                    view! {
                                        <tr class="delivery">
                                            <td><code>{d.event.clone()}</code></td>
                                            <td>{state} " " {code}</td>
                                            <td>{d.attempts}</td>
                                            <td>{move || format::date(&at, app.lang.get())}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    })
                })}
            </Transition>
        </article>
    }
}

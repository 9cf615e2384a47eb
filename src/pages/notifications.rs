//! The signed-in user's notifications; opening the page marks them read.

use crate::api;
use crate::components::load_error::LoadError;
use crate::components::load_more::LoadMore;
use crate::format;
use crate::i18n::{status_label, text, tr, Key};
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::{MarkRead, Notification, Page};

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let app = use_app();
    let retry = RwSignal::new(0u32);
    let first = LocalResource::new(move || {
        retry.track();
        app.user.track();
        api::notifications(None)
    });
    view! {
        <section class="notifications-page">
            <h1>{tr(Key::NotificationsHeading)}</h1>
            {move || match (app.user.read().is_some(), app.user_known.get()) {
                (false, true) => view! {
                    <p class="card cta"><a href="/login?next=/notifications">{tr(Key::SignInForNotifications)}</a></p>
                }
                .into_any(),
                (false, false) => ().into_any(),
                (true, _) => view! {
                    <Transition fallback=|| view! { <div class="skeleton"><div class="bar"></div><div class="bar short"></div></div> }>
                        <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                            {move || Suspend::new(async move { first.await.map(|page| view! { <NotificationList page /> }) })}
                        </ErrorBoundary>
                    </Transition>
                }
                .into_any(),
            }}
        </section>
    }
}

#[component]
fn NotificationList(page: Page<Notification>) -> impl IntoView {
    let app = use_app();
    let items = RwSignal::new(page.items);
    let cursor = RwSignal::new(page.next_cursor);
    // Seen now: everything shown counts as read from here on.
    let read = Action::new_local(move |_: &()| async move {
        if let Ok(count) = api::mark_read(&MarkRead::default()).await {
            app.unread.set(count.unread);
        }
    });
    read.dispatch(());
    let more = Action::new_local(move |c: &String| {
        let c = c.clone();
        async move {
            match api::notifications(Some(c)).await {
                Ok(next) => {
                    items.update(|list| list.extend(next.items));
                    cursor.set(next.next_cursor);
                }
                Err(_) => app.alert(Key::LoadFailed),
            }
        }
    });
    view! {
        <Show when=move || !items.read().is_empty() fallback=|| view! { <p class="empty card">{tr(Key::NoNotifications)}</p> }>
            <ol class="notification-list">
                <For each=move || items.get() key=|n| n.id children=move |n| view! { <NotificationItem n /> } />
            </ol>
        </Show>
        <LoadMore cursor more />
    }
}

#[component]
fn NotificationItem(n: Notification) -> impl IntoView {
    let lang = use_app().lang;
    let Notification {
        kind,
        idea_id,
        idea_title,
        actor_name,
        detail,
        created_at,
        read,
        ..
    } = n;
    let what = move || {
        let lang = lang.get();
        let actor = actor_name
            .clone()
            .unwrap_or_else(|| text(lang, Key::SomeoneName).to_owned());
        match kind.as_str() {
            "idea.status_changed" => {
                let status = detail.as_deref().map(|s| status_label(lang, s)).unwrap_or_default();
                format!("{} {status}", text(lang, Key::NotifStatus))
            }
            "comment.created" => format!("{} {actor}", text(lang, Key::NotifComment)),
            "idea.merged" => format!("{} {actor}", text(lang, Key::NotifMerged)),
            "changelog.published" => format!(
                "{} “{}”",
                text(lang, Key::NotifChangelog),
                detail.clone().unwrap_or_default()
            ),
            _ => format!("{} {actor}", text(lang, Key::NotifOther)),
        }
    };
    view! {
        <li class="card notification" class:unread=!read>
            <p>{what} ": " <a href=format!("/ideas/{idea_id}")>{idea_title}</a></p>
            <p class="idea-meta">{move || format::date(&created_at, lang.get())}</p>
        </li>
    }
}

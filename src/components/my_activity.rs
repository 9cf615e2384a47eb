//! On the account page: the member's ideas, votes and comments, a download
//! of all their data, and deleting the account.

use crate::api;
use crate::components::load_error::LoadError;
use crate::format;
use crate::i18n::{text, tr, Key};
use crate::state::use_app;
use futures_util::future::join3;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use schwarm_wire::{Comment, Idea, Page};

#[component]
pub fn MyActivity() -> impl IntoView {
    let retry = RwSignal::new(0u32);
    let activity = LocalResource::new(move || {
        retry.track();
        async move {
            match join3(api::my_ideas("ideas"), api::my_ideas("votes"), api::my_comments()).await {
                (Ok(ideas), Ok(votes), Ok(comments)) => Ok((ideas, votes, comments)),
                (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(e),
            }
        }
    });
    view! {
        <Transition fallback=|| view! { <div class="skeleton"><div class="bar"></div><div class="bar short"></div></div> }>
            <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                {move || Suspend::new(async move {
                    activity.await.map(|(ideas, votes, comments)| view! {
                        <IdeaLinks heading=Key::MyIdeas page=ideas />
                        <IdeaLinks heading=Key::MyVotes page=votes />
                        <CommentLinks page=comments />
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn IdeaLinks(heading: Key, page: Page<Idea>) -> impl IntoView {
    let lang = use_app().lang;
    let empty = page.items.is_empty();
    view! {
        <section class="card activity">
            <h2>{tr(heading)}</h2>
            {empty.then(|| view! { <p class="empty">{tr(Key::NothingYet)}</p> })}
            <ul>
                {page.items.into_iter().map(|idea| {
                    let votes = move || format::counted(idea.vote_count, Key::VoteOne, Key::Votes, lang.get());
                    view! { <li><a href=format!("/ideas/{}", idea.id)>{idea.title}</a> " · " {votes}</li> }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn CommentLinks(page: Page<Comment>) -> impl IntoView {
    let lang = use_app().lang;
    let empty = page.items.is_empty();
    view! {
        <section class="card activity">
            <h2>{tr(Key::MyComments)}</h2>
            {empty.then(|| view! { <p class="empty">{tr(Key::NothingYet)}</p> })}
            <ul>
                {page.items.into_iter().map(|c| {
                    let href = format!("/ideas/{}#comment-{}", c.idea_id, c.id);
                    let created = c.created_at.clone();
                    view! {
                        <li>
                            <div class="prose" inner_html=c.body_html></div>
                            <a href=href>{tr(Key::OnIdea)} " #" {c.idea_id}</a>
                            " · " {move || format::date(&created, lang.get())}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Download everything, or leave for good.
#[component]
pub fn DataControls() -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let delete = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            match api::delete_account().await {
                Ok(()) => {
                    app.user.set(None);
                    app.announce(Key::AccountDeleted);
                    navigate("/", Default::default());
                }
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let on_delete = move |_| {
        let question = text(app.lang.get_untracked(), Key::ConfirmDeleteAccount);
        if web_sys::window().is_some_and(|w| w.confirm_with_message(question).unwrap_or(false)) {
            delete.dispatch(());
        }
    };
    view! {
        <section class="card data-controls">
            <p><a href="/api/v1/me/export" download="schwarm-my-data.json">{tr(Key::DownloadData)}</a></p>
            <button type="button" class="danger" disabled=move || delete.pending().get() on:click=on_delete>
                {tr(Key::DeleteAccount)}
            </button>
        </section>
    }
}

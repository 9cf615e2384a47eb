//! One idea and its discussion, at `/ideas/{id}`.

use crate::api;
use crate::components::comments::Comments;
use crate::components::follow_button::FollowButton;
use crate::components::idea_editor::{IdeaEditor, OwnerActions};
use crate::components::load_error::LoadError;
use crate::components::status_badge::StatusBadge;
use crate::components::vote_button::VoteButton;
use crate::components::voters::VoterList;
use crate::format;
use crate::i18n::{author_name, text, tr, Key};
use crate::state::use_app;
use futures_util::future::join3;
use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use schwarm_wire::{Comment, Idea, LiveEvent, LivePayload, Page, Voters};

#[derive(Params, Clone, Debug, PartialEq)]
struct IdeaParams {
    id: Option<i64>,
}

#[component]
pub fn IdeaPage() -> impl IntoView {
    let params = use_params::<IdeaParams>();
    let id = Memo::new(move |_| params.get().ok().and_then(|p| p.id));
    let retry = RwSignal::new(0u32);
    let idea = LocalResource::new(move || {
        retry.track();
        let id = id.get();
        async move {
            match id {
                None => Ok(None),
                // The idea, its discussion and its voters load together: one
                // round trip, one loading state.
                Some(id) => match join3(api::idea(id), api::comments(id, None), api::voters(id)).await {
                    (Ok(idea), Ok(thread), Ok(voters)) => Ok(Some((idea, thread, voters))),
                    (Err(e), _, _) if e.status == 404 => Ok(None),
                    (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(e),
                },
            }
        }
    });
    view! {
        <p class="back"><a href=use_app().path("/")>"← " {tr(Key::BackToBoard)}</a></p>
        <Transition fallback=|| view! { <article class="card idea-detail skeleton" aria-busy="true"><div class="bar"></div><div class="bar short"></div></article> }>
            <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                {move || Suspend::new(async move {
                    idea.await.map(|found| match found {
                        Some((idea, thread, voters)) => view! { <IdeaDetail idea thread voters /> }.into_any(),
                        None => view! { <p class="card empty">{tr(Key::IdeaNotFound)}</p> }.into_any(),
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn IdeaDetail(idea: Idea, thread: Page<Comment>, voters: Voters) -> impl IntoView {
    let lang = use_app().lang;
    let (id, vote_count, voted, comment_count) = (idea.id, idea.vote_count, idea.voted, idea.comment_count);
    let (following, pending) = (idea.following, idea.pending);
    let merged = idea.merged_into.is_some();
    let (board, tags) = (idea.board.name.clone(), idea.tags.clone());
    let (author, status, created_at) = (
        idea.author.display_name.clone(),
        idea.status.clone(),
        idea.created_at.clone(),
    );
    let idea = RwSignal::new(idea);
    let editing = RwSignal::new(false);
    let comment_count = RwSignal::new(comment_count);
    let comments = move || format::counted(comment_count.get(), Key::CommentOne, Key::Comments, lang.get());
    follow_live_changes(id, idea);
    view! {
        <article class="card idea-detail">
            <div class="idea-detail-head">
                {(!merged).then(|| view! { <VoteButton idea_id=id count=vote_count voted=voted /> })}
                <div>
                    <h1>{move || idea.read().title.clone()}</h1>
                    <p class="idea-meta">
                        <StatusBadge idea_id=id status=status />
                        {pending.then(|| view! { <span class="pending">{tr(Key::AwaitingApproval)}</span> })}
                        <span>{tr(Key::By)} " " {move || author_name(lang.get(), &author)}</span>
                        <span>{move || format::date(&created_at, lang.get())}</span>
                        <span>{comments}</span>
                        <span class="board-name">{board}</span>
                        {tags.into_iter().map(|t| view! { <span class="tag">{t.name}</span> }).collect_view()}
                    </p>
                </div>
            </div>
            {move || idea.read().merged_into.clone().map(|target| view! {
                <p class="merged-into" role="note">
                    {tr(Key::MergedInto)} " "
                    <a href=use_app().path(&format!("/ideas/{}", target.id))>{target.title}</a>
                </p>
            })}
            <Show
                when=move || editing.get()
                // Rendered and sanitised by the server (pulldown-cmark +
                // ammonia); the client never parses Markdown.
                fallback=move || view! { <div class="idea-body prose" inner_html=move || idea.read().body_html.clone()></div> }
            >
                <IdeaEditor idea editing />
            </Show>
            {move || idea.read().status_response.clone().map(|r| {
                let at = r.at.clone();
                let who = move || match r.author.as_str() {
                    "" => text(lang.get(), Key::TheTeam).to_owned(),
                    name => name.to_owned(),
                };
                view! {
                    <aside class="status-response">
                        <p class="idea-meta">
                            <strong>{tr(Key::ResponseFrom)} " " {who}</strong>
                            <span>{move || format::date(&at, lang.get())}</span>
                        </p>
                        <div class="prose" inner_html=r.body_html></div>
                    </aside>
                }
            })}
            <div class="idea-actions">
                <FollowButton idea_id=id following />
                <OwnerActions idea editing />
                {triage_link(id)}
            </div>
            <VoterList voters />
        </article>
        {staff_tools(idea)}
        <Comments idea_id=id page=thread count=comment_count closed=merged />
    }
}

/// For product managers in the customer bundle: the same idea in the
/// triage area (a full page load: it is the other bundle).
#[cfg(not(feature = "pm"))]
fn triage_link(id: i64) -> impl IntoView {
    let app = use_app();
    let staff = move || {
        app.embed.read().is_none()
            && app
                .user
                .read()
                .as_ref()
                .is_some_and(|u| matches!(u.role, schwarm_wire::Role::Pm | schwarm_wire::Role::Admin))
    };
    view! {
        <Show when=staff>
            <a class="button" href=format!("/pm/ideas/{id}") rel="external">{tr(Key::NavTriage)}</a>
        </Show>
    }
}

#[cfg(feature = "pm")]
fn triage_link(_id: i64) -> impl IntoView {}

/// The product managers' tools, in the PM bundle only.
#[cfg(feature = "pm")]
fn staff_tools(idea: RwSignal<Idea>) -> impl IntoView {
    view! { <crate::pm::idea_tools::IdeaTools idea /> }
}

#[cfg(not(feature = "pm"))]
fn staff_tools(_idea: RwSignal<Idea>) -> impl IntoView {}

/// A new status brings a new public response: it is fetched and shown in
/// place. After a `reset` (the stream missed too much) the idea is fetched
/// once and its fresh state handed to every live view of it as a `resync`.
/// Neither touches the comment being typed.
fn follow_live_changes(id: i64, idea: RwSignal<Idea>) {
    let app = use_app();
    let refresh = Action::new_local(move |resync: &bool| {
        let resync = *resync;
        async move {
            let Ok(fresh) = api::idea(id).await else { return };
            if resync {
                app.live.set(Some(LiveEvent {
                    kind: LiveEvent::RESYNC.into(),
                    idea_id: Some(id),
                    payload: LivePayload {
                        vote_count: Some(fresh.vote_count),
                        status: Some(fresh.status.clone()),
                    },
                }));
            }
            idea.update(|shown| {
                shown.status = fresh.status;
                shown.status_response = fresh.status_response;
            });
        }
    });
    Effect::new(move |_| {
        let Some(event) = app.live.get() else { return };
        if event.kind == LiveEvent::RESET {
            refresh.dispatch(true);
        } else if event.kind == "idea.status_changed" && event.idea_id == Some(id) {
            refresh.dispatch(false);
        }
    });
}

//! One idea in a list.

use crate::components::status_badge::StatusBadge;
use crate::components::vote_button::VoteButton;
use crate::format;
use crate::i18n::{author_name, tr, Key};
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::ListedIdea;

#[component]
pub fn IdeaCard(idea: ListedIdea) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let ListedIdea {
        id,
        title,
        author,
        status,
        vote_count,
        comment_count,
        voted,
        created_at,
        tags,
        board,
        pending,
    } = idea;
    let comments = move || format::counted(comment_count, Key::CommentOne, Key::Comments, lang.get());
    view! {
        <li class="idea-card">
            <VoteButton idea_id=id count=vote_count voted=voted />
            <div class="idea-main">
                <a class="idea-title" href=app.path(&format!("/ideas/{id}"))>{title}</a>
                <p class="idea-meta">
                    <StatusBadge idea_id=id status=status />
                    {pending.then(|| view! { <span class="pending">{tr(Key::AwaitingApproval)}</span> })}
                    <span>{tr(Key::By)} " " {move || author_name(lang.get(), &author.display_name)}</span>
                    <span>{move || format::date(&created_at, lang.get())}</span>
                    <span>{comments}</span>
                    <span class="board-name">{board.name}</span>
                    {tags.into_iter().map(|t| view! { <span class="tag">{t.name}</span> }).collect_view()}
                </p>
            </div>
        </li>
    }
}

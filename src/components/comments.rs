//! The discussion under an idea: comments with one level of replies,
//! "load more", and editing or deleting one's own. The first page arrives
//! with the idea (see `pages::idea`).

use crate::api;
use crate::components::comment_form::CommentForm;
use crate::components::field::Field;
use crate::components::load_more::LoadMore;
use crate::format;
use crate::i18n::{author_name, text, tr, Key};
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::validate::COMMENT_MAX;
use schwarm_wire::{Comment, CommentEdit, Page, Problem};

/// `count` is the idea's comment counter, kept in step with what happens here.
#[component]
pub fn Comments(
    idea_id: i64,
    page: Page<Comment>,
    count: RwSignal<i64>,
    /// A merged idea takes no new comments (its target does).
    #[prop(optional)]
    closed: bool,
) -> impl IntoView {
    let lang = use_app().lang;
    view! {
        <section class="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading">
                {tr(Key::CommentsHeading)} " (" {move || format::number(count.get(), lang.get())} ")"
            </h2>
            <Thread idea_id page count closed />
        </section>
    }
}

#[component]
fn Thread(idea_id: i64, page: Page<Comment>, count: RwSignal<i64>, closed: bool) -> impl IntoView {
    let app = use_app();
    let items = RwSignal::new(page.items);
    let cursor = RwSignal::new(page.next_cursor);
    let more = Action::new_local(move |c: &String| {
        let c = c.clone();
        async move {
            match api::comments(idea_id, Some(c)).await {
                Ok(next) => {
                    items.update(|list| list.extend(next.items));
                    cursor.set(next.next_cursor);
                }
                Err(_) => app.alert(Key::LoadFailed),
            }
        }
    });
    // The live stream may have brought it already.
    let posted = Callback::new(move |c: Comment| {
        if items.with_untracked(|list| list.iter().all(|have| have.id != c.id)) {
            // Internal notes are not in the public counter.
            let public = i64::from(!c.internal);
            items.update(|list| list.push(c));
            count.update(|n| *n += public);
        }
    });
    let changed = Callback::new(move |c: Comment| {
        items.update(|list| {
            if let Some(slot) = list.iter_mut().find(|x| x.id == c.id) {
                *slot = c;
            }
        })
    });
    let removed = Callback::new(move |id: i64| {
        let public = |list: &Vec<Comment>| list.iter().filter(|c| !c.internal && !c.hidden).count() as i64;
        let before = items.with_untracked(public);
        items.update(|list| list.retain(|c| c.id != id && c.parent_id != Some(id)));
        let gone = before - items.with_untracked(public);
        count.update(|n| *n -= gone);
    });
    // Comments others write arrive live: fetch what came after the newest
    // one shown (the page's own new comments are already there).
    let arrived = Action::new_local(move |after: &i64| {
        let after = *after;
        async move {
            if let Ok(page) = api::comments(idea_id, Some(after.to_string())).await {
                items.update(|list| {
                    for c in page.items {
                        if !list.iter().any(|have| have.id == c.id) {
                            count.update(|n| *n += i64::from(!c.internal));
                            list.push(c);
                        }
                    }
                });
            }
        }
    });
    Effect::new(move |_| {
        let Some(event) = app.live.get() else { return };
        if event.concerns("comment.created", idea_id) && cursor.read_untracked().is_none() {
            let newest = items.with_untracked(|list| list.iter().map(|c| c.id).max().unwrap_or(0));
            arrived.dispatch(newest);
        }
    });
    let replies_to = move |parent: Option<i64>| {
        move || {
            items
                .get()
                .into_iter()
                .filter(|c| c.parent_id == parent)
                .collect::<Vec<_>>()
        }
    };
    let thread_item = move |c: Comment| {
        let id = c.id;
        let replying = RwSignal::new(false);
        let reply_posted = Callback::new(move |c: Comment| {
            replying.set(false);
            posted.run(c);
        });
        view! {
            <li>
                <CommentItem comment=c changed removed replying />
                <ol class="replies">
                    <For
                        each=replies_to(Some(id))
                        key=|c| (c.id, c.body.clone())
                        children=move |c| view! { <li><CommentItem comment=c changed removed /></li> }
                    />
                </ol>
                <Show when=move || replying.get()>
                    <CommentForm idea_id parent_id=id on_posted=reply_posted />
                </Show>
            </li>
        }
    };
    view! {
        <Show when=move || !items.read().is_empty() fallback=|| view! { <p class="empty">{tr(Key::NoComments)}</p> }>
            <ol class="comment-list">
                <For each=replies_to(None) key=|c| (c.id, c.body.clone()) children=thread_item />
            </ol>
        </Show>
        <LoadMore cursor more />
        {move || if closed {
            ().into_any()
        } else if app.user.read().is_some() {
            view! { <CommentForm idea_id on_posted=posted /> }.into_any()
        } else {
            view! { <p class="cta"><a href=app.path("/login")>{tr(Key::SignInToComment)}</a></p> }.into_any()
        }}
    }
}

/// One comment; its author may edit or delete it, and top-level comments
/// (those given `replying`) can be answered.
#[component]
fn CommentItem(
    comment: Comment,
    changed: Callback<Comment>,
    removed: Callback<i64>,
    #[prop(optional)] replying: Option<RwSignal<bool>>,
) -> impl IntoView {
    let app = use_app();
    let Comment {
        id,
        author,
        body,
        body_html,
        created_at,
        edited,
        internal,
        moved_from,
        hidden,
        ..
    } = comment;
    // Only the team ever receives hidden comments; they can restore them.
    let hidden = RwSignal::new(hidden);
    let author_id = author.id;
    let author_display = author.display_name;
    let own = move || app.user.read().as_ref().is_some_and(|u| u.id == author_id);
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(body);
    let error = RwSignal::new(None::<Problem>);
    let save = Action::new_local(move |edit: &CommentEdit| {
        let edit = edit.clone();
        async move {
            match api::edit_comment(id, &edit).await {
                Ok(c) => {
                    app.announce(Key::CommentSaved);
                    changed.run(c);
                }
                Err(_) => app.alert(Key::CommentFailed),
            }
        }
    });
    let delete = Action::new_local(move |_: &()| async move {
        match api::delete_comment(id).await {
            Ok(()) => {
                app.announce(Key::CommentDeleted);
                removed.run(id);
            }
            Err(_) => app.alert(Key::GenericError),
        }
    });
    let on_save = move |_| {
        let edit = CommentEdit {
            body: draft.get_untracked(),
        };
        match edit.validate() {
            Ok(_) => {
                error.set(None);
                save.dispatch(edit);
            }
            Err(bad) => error.set(bad.get("body")),
        }
    };
    let on_delete = move |_| {
        let question = text(app.lang.get_untracked(), Key::ConfirmDelete);
        if web_sys::window().is_some_and(|w| w.confirm_with_message(question).unwrap_or(false)) {
            delete.dispatch(());
        }
    };
    let field_id = format!("edit-{id}");
    view! {
        <article class="comment" class:internal=internal class:hidden-comment=hidden id=format!("comment-{id}")>
            <p class="comment-meta">
                <strong>{move || author_name(app.lang.get(), &author_display)}</strong>
                <span>{move || format::date(&created_at, app.lang.get())}</span>
                {edited.then(|| view! { <span>"(" {tr(Key::Edited)} ")"</span> })}
                {internal.then(|| view! { <span class="internal-label">{tr(Key::InternalNote)}</span> })}
                <Show when=move || hidden.get()><span class="internal-label">{tr(Key::HiddenComment)}</span></Show>
                {moved_from.map(|from| view! {
                    <a class="moved" href=app.path(&format!("/ideas/{from}"))>{tr(Key::MovedFrom)} " #" {from}</a>
                })}
            </p>
            <Show
                when=move || editing.get()
                fallback=move || view! { <div class="prose" inner_html=body_html.clone()></div> }
            >
                <Field id=field_id.clone() label=Key::CommentLabel value=draft error=error multiline=true max_chars=COMMENT_MAX />
                <div class="actions">
                    <button type="button" class="primary" disabled=move || save.pending().get() on:click=on_save>{tr(Key::Save)}</button>
                    <button type="button" on:click=move |_| editing.set(false)>{tr(Key::Cancel)}</button>
                </div>
            </Show>
            <div class="actions">
                {replying.map(|r| view! {
                    <Show when=move || app.user.read().is_some()>
                        <button type="button" class="link" on:click=move |_| r.update(|v| *v = !*v)>{tr(Key::Reply)}</button>
                    </Show>
                })}
                <Show when=move || own() && !editing.get()>
                    <button type="button" class="link" on:click=move |_| editing.set(true)>{tr(Key::Edit)}</button>
                    <button type="button" class="link" disabled=move || delete.pending().get() on:click=on_delete>{tr(Key::Delete)}</button>
                </Show>
                {staff_actions(id, hidden)}
            </div>
        </article>
    }
}

/// Hide, restore or mark as spam, for the team (PM bundle only).
#[cfg(feature = "pm")]
fn staff_actions(id: i64, hidden: RwSignal<bool>) -> impl IntoView {
    view! { <crate::pm::comment_moderation::CommentModeration id hidden /> }
}

#[cfg(not(feature = "pm"))]
fn staff_actions(_id: i64, _hidden: RwSignal<bool>) -> impl IntoView {}

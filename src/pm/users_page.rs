//! For admins: people and their roles (`/admin/users`).

use crate::components::load_error::LoadError;
use crate::i18n::Key;
use crate::pm::api;
use crate::pm::i18n::{l, pick};
use crate::pm::nav::{PmNav, StaffOnly};
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::error::codes;
use schwarm_wire::{Member, Role};

#[component]
pub fn UsersPage() -> impl IntoView {
    view! {
        <PmNav />
        <section class="users-admin">
            <h1>{l("People and roles", "Personen und Rollen")}</h1>
            <StaffOnly admin=true><Members /></StaffOnly>
        </section>
    }
}

#[component]
fn Members() -> impl IntoView {
    let search = RwSignal::new(String::new());
    let retry = RwSignal::new(0u32);
    let members = LocalResource::new(move || {
        retry.track();
        let q = search.get();
        async move { api::members(&q).await }
    });
    view! {
        <p>{l(
            "Product managers triage ideas; admins also manage statuses, people and embedding.",
            "Produktmanager sichten Ideen; Admins verwalten außerdem Status, Personen und das Einbetten.",
        )}</p>
        <label for="member-search">{l("Search by name or email", "Nach Name oder E-Mail suchen")}</label>
        <input id="member-search" type="search" prop:value=search on:input:target=move |ev| search.set(ev.target().value()) />
        <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"><div class="bar"></div></div> }>
            <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                {move || Suspend::new(async move {
                    members.await.map(|list| {
                        if list.is_empty() {
                            view! { <p class="card empty">{l("Nobody matches.", "Niemand passt.")}</p> }.into_any()
                        } else {
                            view! {
                                <table class="members">
                                    <thead><tr>
                                        <th scope="col">{l("Name", "Name")}</th>
                                        <th scope="col">{l("Email", "E-Mail")}</th>
                                        <th scope="col">{l("Role", "Rolle")}</th>
                                        <th scope="col">{l("Blocked", "Gesperrt")}</th>
                                    </tr></thead>
                                    <tbody>
                                        {list.into_iter().map(|m| view! { <MemberRow member=m retry /> }).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        }
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn MemberRow(member: Member, retry: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    let id = member.id;
    let role = RwSignal::new(member.role);
    let change = Action::new_local(move |next: &Role| {
        let next = *next;
        async move {
            match api::set_role(id, next).await {
                Ok(()) => {
                    role.set(next);
                    app.announce(Key::Saved);
                }
                Err(e) => {
                    if e.code() == codes::LAST_ADMIN {
                        let text = pick(
                            app.lang.get_untracked(),
                            "The board needs an admin: make somebody else admin first.",
                            "Das Board braucht einen Admin: mache zuerst jemand anderen zum Admin.",
                        );
                        if let Some(w) = web_sys::window() {
                            let _ = w.alert_with_message(text);
                        }
                    }
                    app.alert(Key::GenericError);
                    retry.update(|n| *n += 1);
                }
            }
        }
    });
    let blocked = RwSignal::new(member.blocked);
    let block = Action::new_local(move |on: &bool| {
        let on = *on;
        async move {
            match api::block(id, on).await {
                Ok(()) => {
                    blocked.set(on);
                    app.announce(Key::Saved);
                }
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let label = format!("{} ({})", member.display_name, member.email);
    let block_label = format!("{label} ✕");
    let roles = [
        (Role::Member, "Member", "Mitglied"),
        (Role::Pm, "Product manager", "Produktmanager"),
        (Role::Admin, "Admin", "Admin"),
    ];
    view! {
        <tr>
            <td>{member.display_name.clone()}</td>
            <td>{member.email.clone()}</td>
            <td>
                <select aria-label=label prop:value=move || role.get().as_str()
                    on:change:target=move |ev| {
                        if let Some(next) = Role::parse(&ev.target().value()) { change.dispatch(next); }
                    }>
                    {roles.into_iter().map(|(r, en, de)| view! {
                        <option value=r.as_str() selected=move || role.get() == r>{l(en, de)}</option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <input type="checkbox" aria-label=block_label prop:checked=blocked disabled=move || role.get() != Role::Member
                    on:change:target=move |ev| { block.dispatch(ev.target().checked()); } />
            </td>
        </tr>
    }
}

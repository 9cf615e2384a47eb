//! For admins: which boards hold new members' ideas for approval.

use crate::i18n::Key;
use crate::pm::api;
use crate::pm::i18n::l;
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::BoardSettings;

#[component]
pub fn BoardApprovals() -> impl IntoView {
    let app = use_app();
    let save = Action::new_local(move |(slug, required): &(String, bool)| {
        let (slug, settings) = (
            slug.clone(),
            BoardSettings {
                approval_required: *required,
            },
        );
        async move {
            match api::board_settings(&slug, &settings).await {
                Ok(board) => {
                    app.boards.update(|all| {
                        if let Some(slot) = all.iter_mut().find(|b| b.slug == board.slug) {
                            *slot = board;
                        }
                    });
                    app.announce(Key::Saved);
                }
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    view! {
        <section class="card">
            <h2>{l("Approval of new members' ideas", "Freigabe der Ideen neuer Mitglieder")}</h2>
            <p>{l(
                "On these boards, ideas of members who have no approved idea yet wait in the approval queue until a product manager approves them.",
                "Auf diesen Boards warten Ideen von Mitgliedern ohne freigegebene Idee, bis ein Produktmanager sie freigibt.",
            )}</p>
            <For each=move || app.boards.get() key=|b| (b.slug.clone(), b.approval_required) let(board)>
                {
                    let slug = board.slug.clone();
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=board.approval_required
                                on:change:target=move |ev| { save.dispatch((slug.clone(), ev.target().checked())); } />
                            {board.name.clone()}
                        </label>
                    }
                }
            </For>
        </section>
    }
}

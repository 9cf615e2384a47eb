//! Merging an idea into another: find the target among similar ideas (or
//! by its number), then merge. The merge can be undone on the idea's page.

use crate::api as customer_api;
use crate::i18n::Key;
use crate::pm::api;
use crate::pm::i18n::l;
use crate::state::use_app;
use leptos::html;
use leptos::prelude::*;
use schwarm_wire::Idea;

#[component]
pub fn MergeBox(idea: Idea, on_close: Callback<bool>) -> impl IntoView {
    let app = use_app();
    let id = idea.id;
    let search = RwSignal::new(idea.title.clone());
    let number = RwSignal::new(String::new());
    let candidates = LocalResource::new(move || {
        let text = search.get();
        async move { customer_api::similar(text).await.map(|p| p.items) }
    });
    let merge = Action::new_local(move |into: &i64| {
        let into = *into;
        async move {
            match api::merge(id, into).await {
                Ok(_) => {
                    app.announce(Key::Saved);
                    on_close.run(true);
                }
                Err(_) => app.alert(Key::GenericError),
            }
        }
    });
    let input = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    let parsed = move || number.read().trim().parse::<i64>().ok();
    let merge_number = move |_| {
        if let Some(n) = parsed() {
            merge.dispatch(n);
        }
    };
    let field = format!("merge-search-{id}");
    let number_field = format!("merge-number-{id}");
    view! {
        <div class="merge-box" role="group" aria-label=l("Merge into another idea", "Mit einer anderen Idee zusammenführen")>
            <label for=field.clone()>{l("Find the idea to merge into", "Idee suchen, in die zusammengeführt wird")}</label>
            <input id=field node_ref=input type="search" prop:value=search on:input:target=move |ev| search.set(ev.target().value()) />
            <Transition fallback=|| view! { <p class="muted">"…"</p> }>
                {move || Suspend::new(async move {
                    let found: Vec<Idea> = candidates.await.unwrap_or_default().into_iter().filter(|c| c.id != id).collect();
                    if found.is_empty() {
                        view! { <p class="muted">{l("No similar ideas found.", "Keine ähnlichen Ideen gefunden.")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="merge-candidates">
                                {found.into_iter().map(|c| {
                                    let target = c.id;
                                    view! {
                                        <li>
                                            <span>"#" {c.id} " " {c.title} " (" {c.vote_count} ")"</span>
                                            <button type="button" on:click=move |_| { merge.dispatch(target); }>
                                                {l("Merge into this", "Hierhin zusammenführen")}
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                })}
            </Transition>
            <label for=number_field.clone()>{l("…or its number", "…oder ihre Nummer")}</label>
            <input id=number_field inputmode="numeric" prop:value=number on:input:target=move |ev| number.set(ev.target().value()) />
            <button type="button" class="primary" disabled=move || parsed().is_none() on:click=merge_number>
                {l("Merge", "Zusammenführen")}
            </button>
            <button type="button" class="link" on:click=move |_| on_close.run(false)>{l("Cancel", "Abbrechen")}</button>
        </div>
    }
}

//! Who backs an idea: initials of the latest voters and how many in all.

use crate::format;
use crate::i18n::{tr, Key};
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::Voters;

/// How many initials are drawn; the rest is a count.
const SHOWN: usize = 12;

/// "Ada Lovelace" → "AL"; "émile" → "é", which the stylesheet shows in
/// capitals (`text-transform`): Rust's Unicode case tables would add ~8 KB
/// of wasm for it.
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect()
}

#[component]
pub fn VoterList(voters: Voters) -> impl IntoView {
    let lang = use_app().lang;
    let Voters { items, total } = voters;
    let hidden = total - items.len().min(SHOWN) as i64;
    if total == 0 {
        return view! { <p class="voters empty">{tr(Key::NoVotersYet)}</p> }.into_any();
    }
    view! {
        <div class="voters">
            <span class="voters-label">{tr(Key::VotersHeading)}</span>
            <ul>
                {items
                    .into_iter()
                    .take(SHOWN)
                    .map(|v| view! { <li title=v.display_name.clone() aria-label=v.display_name.clone()>{initials(&v.display_name)}</li> })
                    .collect_view()}
            </ul>
            {(hidden > 0).then(|| view! { <span>"+" {move || format::number(hidden, lang.get())} " " {tr(Key::MoreVoters)}</span> })}
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    #[test]
    fn initials_take_two_words() {
        assert_eq!(super::initials("Ada Lovelace King"), "AL");
        assert_eq!(super::initials("émile"), "é");
        assert_eq!(super::initials("  "), "");
    }
}

//! A labelled form field with its error, wired for screen readers.

use crate::i18n::{problem, tr, Key};
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::Problem;

#[component]
pub fn Field(
    #[prop(into)] id: String,
    label: Key,
    value: RwSignal<String>,
    /// The field's current problem, if any.
    #[prop(into)]
    error: Signal<Option<Problem>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<Key>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] max_chars: Option<usize>,
) -> impl IntoView {
    let lang = use_app().lang;
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || match (error.get().is_some(), hint.is_some()) {
            (true, _) => Some(error_id.clone()),
            (false, true) => Some(hint_id.clone()),
            _ => None,
        }
    };
    let invalid = move || error.get().is_some().to_string();
    let maxlength = max_chars.map(|n| n.to_string());
    let control_id = id.clone();
    let control = if multiline {
        view! {
            <textarea id=control_id.clone() name=control_id rows="5" bind:value=value aria-invalid=invalid aria-describedby=described_by maxlength=maxlength></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=control_id.clone() name=control_id type=kind autocomplete=autocomplete bind:value=value aria-invalid=invalid aria-describedby=described_by maxlength=maxlength />
        }
        .into_any()
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id>{tr(label)}</label>
            {control}
            {hint.map(|h| view! { <p class="hint" id=hint_id>{tr(h)}</p> })}
            <p class="field-error" id=error_id>
                {move || error.get().map(|p| problem(lang.get(), p))}
            </p>
        </div>
    }
}

//! The profile of the selected actor: its name, a close button, and every sourced claim (rendered by
//! [`crate::html::profile`]).

use super::use_state;
use crate::data;
use crate::html;
use crate::i18n::{t, Msg};
use leptos::prelude::*;

/// Shows the selected actor, or nothing when none is selected.
#[component]
pub fn Profile() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let sel = state.sel;
    view! {
        <p class="visually-hidden" aria-live="polite" data-testid="announcer">
            {move || sel.get().and_then(data::actor).map(|a| a.name.get(lang.get()))}
        </p>
        {move || {
            let l = lang.get();
            sel.get().and_then(data::actor).map(|a| {
                view! {
                    <article class="profile" aria-labelledby="profile-heading" data-testid="profile">
                        <header class="profile-head">
                            <h3 id="profile-heading">{a.name.get(l)}</h3>
                            <button type="button" class="clear" on:click=move |_| sel.set(None)>
                                {t(Msg::ClearSelection, l)}
                            </button>
                        </header>
                        <div class="profile-body" inner_html=html::profile(a, l)></div>
                    </article>
                }
            })
        }}
    }
}

//! A visible, dismissible notice listing URL parameters that fell back to their defaults.

use super::use_state;
use crate::i18n::{bad_param_notice, t, Msg};
use leptos::prelude::*;

/// Shown only while the URL had values the atlas did not understand.
#[component]
pub fn UrlNotice() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let problems = state.problems;
    view! {
        <Show when=move || !problems.with(|p| p.is_empty())>
            <div class="notice" role="status" data-testid="url-notice">
                <strong>{move || t(Msg::NoticeTitle, lang.get())}</strong>
                <ul>
                    {move || {
                        let l = lang.get();
                        problems.get().into_iter().map(|p| view! { <li>{bad_param_notice(p.param, &p.value, l)}</li> }).collect_view()
                    }}
                </ul>
                <button type="button" class="notice-dismiss" on:click=move |_| problems.set(Vec::new())>
                    {move || t(Msg::Dismiss, lang.get())}
                </button>
            </div>
        </Show>
    }
}

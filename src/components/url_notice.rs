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
    move || {
        let l = lang.get();
        let items: Vec<_> = problems.get().iter().map(|p| view! { <li>{bad_param_notice(p.param, &p.value, l)}</li> }).collect();
        (!items.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-testid="url-notice">
                    <strong>{t(Msg::NoticeTitle, l)}</strong>
                    <ul>{items}</ul>
                    <button type="button" class="notice-dismiss" on:click=move |_| problems.set(Vec::new())>
                        {t(Msg::Dismiss, l)}
                    </button>
                </div>
            }
        })
    }
}

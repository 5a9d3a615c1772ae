//! The footer: the dataset's date, its source documents and the download links (rendered by
//! [`crate::html::colophon`]).

use super::{effect_later, use_state};
use crate::{html, web};
use leptos::prelude::*;

/// Data date, sources and downloads.
#[component]
pub fn Colophon() -> impl IntoView {
    let lang = use_state().lang;
    effect_later(move |_| web::set_html("colophon", &html::colophon(lang.get())));
    view! { <footer class="colophon" id="colophon"></footer> }
}

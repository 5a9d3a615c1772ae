//! The footer: the dataset's date, its source documents and the download links (rendered by
//! [`crate::html::colophon`]).

use super::use_state;
use crate::html;
use leptos::prelude::*;

/// Data date, sources and downloads.
#[component]
pub fn Colophon() -> impl IntoView {
    let lang = use_state().lang;
    view! { <footer class="colophon" inner_html=move || html::colophon(lang.get())></footer> }
}

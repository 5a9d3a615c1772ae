//! The footer: the dataset's date, its source documents and the download links.

use super::use_state;
use crate::data::{AS_OF, SEEDS};
use crate::i18n::{t, Msg};
use leptos::prelude::*;

/// Data date, sources and downloads.
#[component]
pub fn Colophon() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    view! {
        <footer class="colophon">
            {move || {
                let l = lang.get();
                view! {
                    <p class="as-of">
                        {t(Msg::AsOf, l)}": "<time datetime=AS_OF.to_string()>{AS_OF.display(l)}</time>
                    </p>
                    <h2>{t(Msg::SourcesHeading, l)}</h2>
                    <ul class="seeds" role="list">
                        {SEEDS.iter().map(|s| view! {
                            <li>{s.title.get(l)}" — "{s.publisher.get(l)}", "{s.year.display(l)}</li>
                        }).collect_view()}
                    </ul>
                    <h2>{t(Msg::DownloadHeading, l)}</h2>
                    <ul class="downloads" role="list">
                        <li><a href="pkg/data/atlas.json" download="ai-strategy-atlas.json">{t(Msg::DownloadJson, l)}</a></li>
                        <li>
                            {t(Msg::DownloadCsv, l)}": "
                            <a href="pkg/data/actors.csv" download>"actors"</a>", "
                            <a href="pkg/data/facets.csv" download>"facets"</a>", "
                            <a href="pkg/data/instruments.csv" download>"instruments"</a>", "
                            <a href="pkg/data/events.csv" download>"events"</a>", "
                            <a href="pkg/data/laws_positions.csv" download>"laws_positions"</a>
                        </li>
                    </ul>
                }
            }}
        </footer>
    }
}

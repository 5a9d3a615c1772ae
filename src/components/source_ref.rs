//! A citation: the seed document and section a claim comes from, or the public page.

use crate::data;
use crate::i18n::{t, Msg};
use crate::model::{Lang, Source, Text};
use leptos::prelude::*;

/// Renders `source` (and an optional correction note) as a small citation line.
#[component]
pub fn SourceRef(
    /// Where the claim comes from.
    source: Source,
    /// Current language (the parent re-renders on change).
    lang: Lang,
    /// A note where the atlas corrects its seed (`None` when there is nothing to correct).
    correction: Option<Text>,
) -> impl IntoView {
    let cite = match source {
        Source::Seed { file, section } => {
            let title = data::seed(file).map(|s| s.title.get(lang)).unwrap_or(file);
            view! {
                <span class="cite-doc" title=file>{title}</span>
                " · "
                <span class="cite-section">{t(Msg::SectionLabel, lang)}" “"{section}"”"</span>
            }
            .into_any()
        }
        Source::Url { url, title } => {
            view! { <a class="cite-link" href=url rel="noopener noreferrer" target="_blank">{title}</a> }.into_any()
        }
    };
    view! {
        <p class="cite">
            <span class="cite-label">{t(Msg::SourceLabel, lang)}": "</span>
            {cite}
        </p>
        {correction.map(|c| view! {
            <p class="correction">
                <span class="correction-label">{t(Msg::CorrectionLabel, lang)}": "</span>
                {c.get(lang)}
            </p>
        })}
    }
}

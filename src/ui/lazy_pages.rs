//! The pages the first screen does not show, each a part of the program of its own: the browser
//! downloads the overview's part first, shows it, and then the other parts in the background
//! (ARCHITECTURE.md, "Size"). Each page here is a split point for `wasm-split-cli`, which the
//! build runs (scripts/split-wasm.mjs); on the host the functions are plain calls.
//!
//! Once every part is in (or has failed), the app forbids all connections, as before: a part
//! that could not be fetched then stays away until a reload, and its page says so in words.

use super::achievements_step::AchievementsStep;
use super::applicants::Applicants;
use super::attachments_step::AttachmentsStep;
use super::composer::ComposeAnyPage;
use super::fields::FormCtx;
use super::info_step::InfoStep;
use super::photo_step::PhotoStep;
use super::pledge_step::PledgeStep;
use super::preview_step::PreviewStep;
use super::privacy::DataPrivacy;
use super::process::Process;
use super::rules_page::RulesPage;
use crate::rules::assess::Assessment;
use crate::rules::draft::Draft;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

/// `part, its preload, fn page(args) => view`: one split point, loaded with its own part.
macro_rules! lazy_page {
    ($($part:ident, $preload:ident, fn $name:ident($($arg:ident: $ty:ty),*) => $view:expr;)*) => {
        $(
            #[leptos::wasm_split::wasm_split(
                pages,
                wasm_split_path = ::leptos::wasm_split,
                fallible,
                preload($preload)
            )]
            pub fn $name($($arg: $ty),*) -> Result<AnyView, SplitLoaderError> {
                Ok($view.into_any())
            }
        )*

        /// Loads every part, all at once, and calls `then` when each has arrived or failed.
        pub fn preload_all(then: impl FnOnce() + 'static) {
            let left = Rc::new(Cell::new(0usize));
            let then: Rc<Cell<Option<Box<dyn FnOnce()>>>> = Rc::new(Cell::new(Some(Box::new(then))));
            $(
                left.set(left.get() + 1);
                {
                    let (left, then) = (left.clone(), then.clone());
                    leptos::task::spawn_local(async move {
                        let _ = $preload().await;
                        left.set(left.get() - 1);
                        if left.get() == 0 {
                            if let Some(then) = then.take() {
                                then();
                            }
                        }
                    });
                }
            )*
        }
    };
}

lazy_page! {
    photo, preload_photo,
        fn photo_page(next_guard: StoredValue<Option<Callback<(), bool>>>) =>
            view! { <PhotoStep next_guard=next_guard/> };
    pledge, preload_pledge,
        fn pledge_page(ctx: FormCtx) => view! { <PledgeStep ctx=ctx/> };
    info, preload_info,
        fn info_page(ctx: FormCtx, assessment: Memo<Assessment>) =>
            view! { <InfoStep ctx=ctx assessment=assessment/> };
    achievements, preload_achievements,
        fn achievements_page(ctx: FormCtx, assessment: Memo<Assessment>) =>
            view! { <AchievementsStep ctx=ctx assessment=assessment/> };
    attachments, preload_attachments,
        fn attachments_page(draft: RwSignal<Draft>) => view! { <AttachmentsStep draft=draft/> };
    preview, preload_preview,
        fn preview_page(draft: RwSignal<Draft>) => view! { <PreviewStep draft=draft/> };
    applicants, preload_applicants, fn applicants_page() => view! { <Applicants/> };
    privacy, preload_privacy, fn privacy_page() => view! { <DataPrivacy/> };
    rules_page, preload_rules_page, fn rules_page() => view! { <RulesPage/> };
    compose, preload_compose, fn compose_page() => view! { <ComposeAnyPage/> };
    process, preload_process, fn process_page() => view! { <Process/> };
}

/// A page from its part: at once when the part is in (the usual case, since every part is fetched
/// right after start), a line while it arrives, and words instead of a broken page when it failed.
pub fn lazily<F>(page: F) -> AnyView
where
    F: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    view! {
        <Suspense fallback=|| view! { <p class="boot" role="status">"正在加载这一页……"</p> }>
            {Suspend::new(async move {
                page.await.unwrap_or_else(|_| {
                    view! {
                        <p class="error-text" role="alert" data-part-failed>
                            "这一页没能下载下来（可能是网络断了）。你填写的内容都已保存在本机，请连上网络后刷新页面再试。"
                        </p>
                    }
                    .into_any()
                })
            })}
        </Suspense>
    }
    .into_any()
}

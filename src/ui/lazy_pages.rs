//! The pages the first screen does not show, in the program's second part: the browser downloads
//! the first part, shows the overview, and then fetches the pages' part in the background
//! (ARCHITECTURE.md, "Size"). Each page here is a split point for `wasm-split-cli`, which the
//! build runs (scripts/split-wasm.mjs); on the host the functions are plain calls.
//!
//! Once the part is in (or has failed), the app forbids all connections, as before: a part that
//! could not be fetched then stays away until a reload, and its pages say so in words.

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

/// `preload, fn page(args) => view;`: one split point of the pages' part. The part is one file for
/// every page (split by page it was 77 files and a fifth more bytes), but each split point has its
/// own loader, which `preload_all` settles, so that no page shows a loading line once it is in.
macro_rules! lazy_page {
    ($($preload:ident, fn $name:ident($($arg:ident: $ty:ty),*) => $view:expr;)*) => {
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

        /// Asks every page's loader for the part at once (the browser fetches it once) and calls
        /// `then` when each has it or has failed.
        pub fn preload_all(then: impl FnOnce() + 'static) {
            let left = Rc::new(Cell::new(0usize));
            let then = Rc::new(Cell::new(Some(then)));
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
    preload_photo,
        fn photo_page(next_guard: StoredValue<Option<Callback<(), bool>>>) =>
            view! { <PhotoStep next_guard=next_guard/> };
    preload_pledge,
        fn pledge_page(ctx: FormCtx) => view! { <PledgeStep ctx=ctx/> };
    preload_info,
        fn info_page(ctx: FormCtx, assessment: Memo<Assessment>) =>
            view! { <InfoStep ctx=ctx assessment=assessment/> };
    preload_achievements,
        fn achievements_page(ctx: FormCtx, assessment: Memo<Assessment>) =>
            view! { <AchievementsStep ctx=ctx assessment=assessment/> };
    preload_attachments,
        fn attachments_page(draft: RwSignal<Draft>) => view! { <AttachmentsStep draft=draft/> };
    preload_preview,
        fn preview_page(draft: RwSignal<Draft>) => view! { <PreviewStep draft=draft/> };
    preload_applicants, fn applicants_page() => view! { <Applicants/> };
    preload_privacy, fn privacy_page() => view! { <DataPrivacy/> };
    preload_rules_page, fn rules_page() => view! { <RulesPage/> };
    preload_compose, fn compose_page() => view! { <ComposeAnyPage/> };
    preload_process, fn process_page() => view! { <Process/> };
}

/// A page from the part: at once when the part is in (the usual case, since it is fetched
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

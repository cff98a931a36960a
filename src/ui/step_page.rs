//! The frame every step shares: position in words, heading, the error summary's focus and the
//! page title on 下一步, 上一步 / 下一步 and the way back.

use super::fields::{focus_field, FormCtx};
use super::info_step::info_ctx;
use super::lazy_pages::{self as part, lazily};
use super::persist::Persistence;
use super::pledge_step::pledge_ctx;
use crate::rules::form_checks::ProblemKind;
use crate::rules::progress::EditRequest;
use crate::rules::progress::{Page, Step};
use leptos::prelude::*;

#[component]
pub fn StepPage(step: Step) -> impl IntoView {
    let persistence = expect_context::<Persistence>();
    let draft = persistence.draft;
    // A step may hold 下一步 back with a question of its own: the guard it registers returns true
    // when it asked (step 1: a generated photo not yet used).
    let next_guard = StoredValue::new(None::<Callback<(), bool>>);
    let (body, ctx): (AnyView, Option<FormCtx>) = match step {
        Step::Photo => (lazily(part::photo_page(next_guard)), None),
        Step::Pledge => {
            let ctx = pledge_ctx(draft);
            (lazily(part::pledge_page(ctx)), Some(ctx))
        }
        Step::Info => {
            let assessment = super::assessment();
            let ctx = info_ctx(draft, assessment);
            (lazily(part::info_page(ctx, assessment)), Some(ctx))
        }
        Step::Achievements => {
            let assessment = super::assessment();
            let ctx = FormCtx::new(draft, Memo::new(|_| Vec::new()));
            (lazily(part::achievements_page(ctx, assessment)), None)
        }
        Step::Attachments => (lazily(part::attachments_page(draft)), None),
        Step::Preview => (lazily(part::preview_page(draft)), None),
    };
    let blocking = move || {
        ctx.is_some_and(|ctx| {
            ctx.problems
                .with(|all| all.iter().any(|p| p.kind != ProblemKind::Note))
        })
    };
    let errors_shown = move || ctx.is_some_and(|ctx| ctx.shown.get()) && blocking();
    Effect::new(move |_| {
        let prefix = if errors_shown() { "错误：" } else { "" };
        document().set_title(&format!("{prefix}{} - 职称申报演练", step.title()));
    });
    let on_next = move |ev: leptos::ev::MouseEvent| {
        if next_guard.with_value(|guard| guard.is_some_and(|g| g.run(()))) {
            ev.prevent_default();
            return;
        }
        if ctx.is_some() && blocking() {
            ev.prevent_default();
            if let Some(ctx) = ctx {
                ctx.shown.set(true);
            }
            request_animation_frame(|| focus_field("error-summary"));
        }
    };
    // Arriving from the preview's 修改 link: focus the field and offer the way back.
    let request = EditRequest::from_hash(&window().location().hash().unwrap_or_default());
    if let Some(field) = request.focus.clone() {
        // Its problem is what the applicant came to fix: shown at once.
        if let Some(ctx) = ctx {
            ctx.revealed.set(Some(field.clone()));
        }
        // Lists and memos render over the next frames; a short delay finds the field in place.
        set_timeout(
            move || focus_field(&field),
            std::time::Duration::from_millis(50),
        );
    }
    // A function, not a cloned view: with `--cfg erase_components` views are not `Clone`.
    let back_to_preview = request.back_to_preview;
    let back = move || {
        back_to_preview.then(|| view! {
            <p class="back-to-preview no-print">
                <a class="button button--secondary" href=Page::Step(Step::Preview).hash()>"改好了，返回预览"</a>
            </p>
        })
    };
    view! {
        <nav class="breadcrumbs no-print" aria-label="位置">
            <a href=Page::Overview.hash()>"返回总览"</a>
        </nav>
        {back()}
        <p class="step-position">{step.position_words()}</p>
        <h1 id="main-heading" tabindex="-1">{step.title()}</h1>
        {body}
        {back()}
        <nav class="pager no-print" aria-label="上一步和下一步">
            {step.previous().map(|prev| view! {
                <a class="pager__prev" href=Page::Step(prev).hash() rel="prev">
                    "上一步：" {prev.title()}
                </a>
            })}
            {step.next().map(|next| view! {
                <a class="pager__next button" href=Page::Step(next).hash() rel="next" on:click=on_next>
                    "下一步：" {next.title()}
                </a>
            })}
        </nav>
        <Show when=errors_shown>
            {step.next().map(|next| view! {
                <p class="skip-ahead">
                    <a href=Page::Step(next).hash()>{format!("先不改，暂时跳到「{}」", next.title())}</a>
                </p>
            })}
        </Show>
    }
}

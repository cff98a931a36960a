//! The frame every step shares: position in words, heading, 上一步 / 下一步 and the way back.

use super::basic_info_form::BasicInfoForm;
use super::photo_step::PhotoStep;
use crate::rules::progress::{Page, Step};
use leptos::prelude::*;

#[component]
pub fn StepPage(step: Step) -> impl IntoView {
    let body = match step {
        Step::Photo => view! { <PhotoStep/> }.into_any(),
        Step::Info => view! { <BasicInfoForm/> }.into_any(),
        other => view! { <ComingSoon step=other/> }.into_any(),
    };
    view! {
        <nav class="breadcrumbs" aria-label="位置">
            <a href=Page::Overview.hash()>"返回总览"</a>
        </nav>
        <p class="step-position">{step.position_words()}</p>
        <h1 id="main-heading" tabindex="-1">{step.title()}</h1>
        {body}
        <nav class="pager" aria-label="上一步和下一步">
            {step.previous().map(|prev| view! {
                <a class="pager__prev" href=Page::Step(prev).hash() rel="prev">
                    "上一步：" {prev.title()}
                </a>
            })}
            {step.next().map(|next| view! {
                <a class="pager__next button" href=Page::Step(next).hash() rel="next">
                    "下一步：" {next.title()}
                </a>
            })}
        </nav>
    }
}

#[component]
fn ComingSoon(step: Step) -> impl IntoView {
    view! {
        <div class="notice notice--info">
            <p>{format!("「{}」这一步的演练内容正在制作中。", step.title())}</p>
            <p>"现在可以先完成「填写申报信息」中的基本信息。"</p>
        </div>
    }
}

//! The save indicator, the notices about the draft the app started from, and 重新开始.

use super::confirm::InlineConfirm;
use super::download::offer_text_file;
use super::file_store;
use super::focus_after_render;
use super::persist::{Persistence, SaveState, StartNotice};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SaveBar() -> impl IntoView {
    let persistence = expect_context::<Persistence>();
    let confirming = RwSignal::new(false);
    let state = persistence.save_state;
    let status = move || match state.get() {
        SaveState::Idle => view! { <span class="save-state">"自动保存已开启"</span> }.into_any(),
        SaveState::Pending => view! { <span class="save-state">"正在保存…"</span> }.into_any(),
        SaveState::Saved { at } => view! {
            <span class="save-state save-state--saved">"已自动保存 " <time>{at}</time></span>
        }
        .into_any(),
        SaveState::Failed { message } => view! {
            <span class="save-state save-state--failed" role="alert">
                <strong>"未能保存："</strong>{message}
            </span>
        }
        .into_any(),
        SaveState::Blocked => view! {
            <span class="save-state save-state--failed" role="alert">
                <strong>"暂停保存："</strong>
                "损坏的旧数据无法另存，为避免覆盖它，现在的修改不会保存。请先在下方下载旧数据。"
            </span>
        }
        .into_any(),
    };
    view! {
        <div class="save-bar">
            <div aria-live="polite" class="save-bar__status">{status}</div>
            <button type="button" class="button button--secondary button--small" id="restart-button"
                aria-expanded=move || confirming.get().to_string()
                aria-controls="restart-confirm"
                on:click=move |_| {
                    confirming.update(|c| *c = !*c);
                }>
                "重新开始"
            </button>
        </div>
        <Show when=move || confirming.get()>
            <InlineConfirm id="restart-confirm".to_string() opener_id="restart-button".to_string()
                title=format!("确定要清空申报人「{}」的全部填写内容和文件，从头开始吗？", persistence.current_name())
                detail="其他申报人不受影响。清空后无法恢复；如果以后还要用这些内容，请先在总览页导出备份。"
                confirm_label="确定清空"
                on_confirm=Callback::new(move |_| {
                    let files = persistence.restart();
                    spawn_local(async move {
                        file_store::delete_unused(persistence, files).await;
                    });
                    confirming.set(false);
                    window().location().set_hash("#/").ok();
                    focus_after_render("main-heading");
                })
                on_cancel=Callback::new(move |_| confirming.set(false))/>
        </Show>
    }
}

#[component]
pub fn StartNotices() -> impl IntoView {
    let persistence = expect_context::<Persistence>();
    let notice = persistence.notice;
    // The button goes away with its notice: focus moves on to the page's heading.
    let dismiss = move |_| {
        notice.set(StartNotice::None);
        focus_after_render("main-heading");
    };
    let roster_notice = persistence.roster_notice;
    let list_notice = move || {
        roster_notice.get().map(|text| {
            view! {
                <div class="notice notice--warning" role="alert">
                    <p>{text}</p>
                    <button type="button" class="link-button" on:click=move |_| {
                        roster_notice.set(None);
                        focus_after_render("main-heading");
                    }>"知道了"</button>
                </div>
            }
        })
    };
    let draft_notice = move || {
        match notice.get() {
        StartNotice::None => ().into_any(),
        StartNotice::Switched { name } => view! {
            <div class="notice notice--info" role="status">
                <p>"现在填写的是申报人「"<strong>{name}</strong>"」的内容。"</p>
                <button type="button" class="link-button" on:click=dismiss>"知道了"</button>
            </div>
        }
        .into_any(),
        StartNotice::Restarted { name } => view! {
            <div class="notice notice--info" role="status">
                <p>"已清空申报人「"<strong>{name}</strong>"」的全部填写内容，可以从第 1 步重新开始。"</p>
                <button type="button" class="link-button" on:click=dismiss>"知道了"</button>
            </div>
        }
        .into_any(),
        StartNotice::Restored { saved_at } => view! {
            <div class="notice notice--info" role="status">
                <p>{if saved_at.is_empty() {
                    "已恢复上次填写的内容。".to_string()
                } else {
                    format!("已恢复上次填写的内容（最后保存于 {saved_at}）。")
                }}</p>
                <button type="button" class="link-button" on:click=dismiss>"知道了"</button>
            </div>
        }
        .into_any(),
        StartNotice::Migrated { from_version } => view! {
            <div class="notice notice--info" role="status">
                <p>{format!("已恢复上次填写的内容，并已从旧版本（数据版本 {from_version}）升级到当前版本。")}</p>
                <button type="button" class="link-button" on:click=dismiss>"知道了"</button>
            </div>
        }
        .into_any(),
        StartNotice::Damaged { reason, backup_key, text } => {
            let kept = match &backup_key {
                Some(key) => format!("原来的数据没有删除，已另存在本机浏览器（{key}），可以下载后交给工作人员查看。"),
                None => "原来的数据太大，无法在浏览器里另存一份；请先下载保存，再继续填写。".to_string(),
            };
            let size_kb = text.len().div_ceil(1024);
            // Without a backup the notice is the only way to the old data: it cannot be dismissed.
            let dismissable = backup_key.is_some();
            let download_failed = RwSignal::new(None::<String>);
            let download = move |_| {
                let result = offer_text_file("职称申报演练-损坏的草稿.json", &text, "application/json");
                download_failed.set(result.err());
                persistence.unblock();
            };
            view! {
                <div class="notice notice--warning" role="alert">
                    <h2 class="notice__title">"上次保存的内容无法读取"</h2>
                    <p>{reason.message()} "。本工具已从空白草稿重新开始。"</p>
                    <p>{kept}</p>
                    <div class="button-row">
                        <button type="button" class="button button--secondary" on:click=download>
                            {format!("下载原来的数据（{size_kb} KB）")}
                        </button>
                        <Show when=move || dismissable>
                            <button type="button" class="link-button" on:click=dismiss>"知道了"</button>
                        </Show>
                    </div>
                    {move || download_failed.get().map(|m| view! { <p class="error-text">{m}</p> })}
                </div>
            }
            .into_any()
        }
    }
    };
    view! { {list_notice} {draft_notice} }
}

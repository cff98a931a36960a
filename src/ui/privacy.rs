//! 「数据去哪儿了」: where this app keeps what the applicant types, and how anyone can check that
//! nothing leaves the browser.

use super::file_store;
use super::focus_after_render;
use super::persist::{self, Persistence, DAMAGED_KEY_PREFIX, PREFS_KEY, ROSTER_KEY};
use crate::rules::number_text::decimal;
use crate::rules::progress::Page;
use crate::rules::roster;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// 清除本机全部数据 is enabled only once this word is typed.
const CLEAR_WORD: &str = "清除";

#[component]
fn LocalData() -> impl IntoView {
    let persistence = expect_context::<Persistence>();
    let usage = RwSignal::new(None::<String>);
    let persisted = RwSignal::new(None::<bool>);
    let typed = RwSignal::new(String::new());
    let report = RwSignal::new(None::<String>);
    let refresh = move || {
        spawn_local(async move {
            usage.set(persist::storage_estimate().await.map(|(used, quota)| {
                format!(
                    "本工具在这个浏览器里占用约 {} MB，浏览器允许本站使用约 {} MB。",
                    decimal(used as u64, 1024 * 1024, 1),
                    decimal(quota as u64, 1024 * 1024, 0)
                )
            }));
            persisted.set(Some(persist::ask_persistent_storage().await));
        });
    };
    refresh();
    let clear = move |_| {
        if typed.get_untracked().trim() != CLEAR_WORD {
            return;
        }
        spawn_local(async move {
            let files = file_store::count().await.unwrap_or(0);
            let deleted = file_store::delete_everything().await;
            let (applicants, damaged) = persistence.forget_everything();
            typed.set(String::new());
            report.set(Some(match deleted {
                Ok(()) => format!(
                    "已清除：申报人 {applicants} 位及其填写内容、照片和佐证文件 {files} 个、损坏数据备份 {damaged} 份、大字模式设置。这个浏览器里已没有本工具保存的任何数据。"
                ),
                Err(error) => format!("填写内容已清除，但文件没有全部删掉：{error}"),
            }));
            // The button that was pressed is disabled now: the report takes focus.
            focus_after_render("clear-report");
            refresh();
        });
    };
    view! {
        <section class="prose local-data" aria-labelledby="local-title">
            <h2 id="local-title">"本机数据"</h2>
            <p data-usage>{move || usage.get().unwrap_or_else(|| "正在读取占用空间…".into())}</p>
            {move || persisted.get().map(|granted| if granted {
                view! { <p>"浏览器已同意长期保存本站数据（存储空间紧张时也不会自动清除）。"</p> }.into_any()
            } else {
                view! { <p class="notice notice--warning">"浏览器没有承诺长期保存本站数据：有些浏览器（例如苹果 Safari）在一段时间不用后会自动删除网站数据。请在首页「备份」中定期导出备份。"</p> }.into_any()
            })}
            <h3>"清除本机全部数据"</h3>
            <p>"在公用电脑上用完，可以把本工具在这个浏览器里保存的所有申报人、填写内容和文件全部删除（只删一位申报人请到「申报人」页）。删除后无法恢复，需要的话请先导出备份。"</p>
            <div class="field">
                <label for="clear-confirm">{format!("请输入「{CLEAR_WORD}」两个字确认")}</label>
                <input id="clear-confirm" type="text" autocomplete="off" prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))/>
            </div>
            <button type="button" class="button button--warning"
                disabled=move || typed.with(|t| t.trim() != CLEAR_WORD) on:click=clear>
                "清除本机全部数据"
            </button>
            {move || report.get().map(|r| view! { <p id="clear-report" tabindex="-1" class="notice notice--info" role="status">{r}</p> })}
        </section>
    }
}

#[component]
pub fn DataPrivacy() -> impl IntoView {
    view! {
        <nav class="breadcrumbs" aria-label="位置"><a href=Page::Overview.hash()>"返回总览"</a></nav>
        <h1 id="main-heading" tabindex="-1">"数据去哪儿了"</h1>
        <section class="prose" aria-labelledby="where-title">
            <h2 id="where-title">"只在这台电脑的这个浏览器里"</h2>
            <p>"你填写的内容、照片和材料，只保存在你现在用的这台电脑（或手机）的这个浏览器里，不会发送到任何地方，包括发布本工具的网站。所有检查都在你的浏览器里完成。"</p>
            <ul>
                <li>"换一台电脑或换一个浏览器，就看不到这些内容。要换设备，请先在总览页「备份」里导出备份，再到新设备上导入。"</li>
                <li>"清理浏览器的网站数据，会把这些内容一起删掉。"</li>
                <li>"在公用电脑上用完，请用本页下方的「清除本机全部数据」（页面上方的「重新开始」只清空当前这位申报人）。"</li>
                <li>"每次修改都先确实存好，才显示「已自动保存」；浏览器被强行关掉，下次打开也能找回最后的修改。"</li>
            </ul>
            <details class="fold">
                <summary>"技术细节：数据具体存在哪里"</summary>
                <ul>
                    <li>{format!("填写的内容在浏览器的本地存储（localStorage），每位申报人一份（键名 {} 开头），申报人名单在 {ROSTER_KEY}。", roster::draft_key("1"))}</li>
                    <li>"证件照和佐证材料在浏览器的 IndexedDB（数据库 zhicheng-yanlian），同一个文件只存一份。"</li>
                    <li>"填写内容和申报人名单另有一份副本（IndexedDB 数据库 zhicheng-yanlian-journal，写入方式 durability: strict），写到磁盘后才显示「已自动保存」；浏览器被强行关闭后，下次打开用它找回最后的修改。"</li>
                    <li>{format!("无法读取的旧数据另存为 {DAMAGED_KEY_PREFIX}…，大字模式的选择保存在 {PREFS_KEY}。")}</li>
                    <li>"为了断网也能打开，浏览器会缓存本工具自己的程序文件（Service Worker），不缓存你的数据。"</li>
                </ul>
            </details>
        </section>
        <section class="prose" aria-labelledby="check-title">
            <h2 id="check-title">"怎样自己验证没有上传"</h2>
            <p>"最简单的办法：打开一次本工具后，断开网络（关掉 Wi-Fi 或拔掉网线）再使用。填写、上传照片和材料、打印预览都照常，因为它本来就不需要网络。"</p>
            <details class="fold">
                <summary>"技术细节：用浏览器的开发者工具查看"</summary>
                <ol>
                    <li>"按 F12 打开浏览器的开发者工具，切换到「网络」（Network）面板。"</li>
                    <li>"在本工具里填写、上传照片和 PDF、打印预览。"</li>
                    <li>"面板里只会出现本工具自己的文件（index.html、.js、.wasm、.css、sw.js、图标和规则数据文件 rules/wenzhou-jidian.json），没有任何发往其他网址的请求，也没有提交表单。"</li>
                </ol>
                <p>"页面还带有内容安全策略（Content-Security-Policy）：本工具启动时读取一次本站的规则数据文件，首页出现后再下载其余页面的程序（同样是本站的 .wasm 文件），之后浏览器会拒绝它发起任何网络连接（连发布本工具的网站也不行），也拒绝提交表单，即使程序有错也发不出去。"</p>
            </details>
        </section>
        <LocalData/>
    }
}

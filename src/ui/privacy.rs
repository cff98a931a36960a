//! 「数据去哪儿了」: where this app keeps what the applicant types, and how anyone can check that
//! nothing leaves the browser.

use super::persist::{DAMAGED_KEY_PREFIX, DRAFT_KEY, PREFS_KEY};
use crate::rules::progress::Page;
use leptos::prelude::*;

#[component]
pub fn DataPrivacy() -> impl IntoView {
    view! {
        <nav class="breadcrumbs" aria-label="位置"><a href=Page::Overview.hash()>"返回总览"</a></nav>
        <h1 id="main-heading" tabindex="-1">"数据去哪儿了"</h1>
        <section class="prose" aria-labelledby="where-title">
            <h2 id="where-title">"只在这台电脑的这个浏览器里"</h2>
            <p>"本工具是一组放在网站上的静态文件。打开后，所有检查都在你的浏览器里完成，填写的内容和选择的文件不会发送到任何服务器，包括发布本工具的网站。"</p>
            <ul>
                <li>{format!("填写的内容保存在浏览器的本地存储（localStorage，键名 {DRAFT_KEY}）。")}</li>
                <li>"证件照和佐证材料保存在浏览器的 IndexedDB（数据库 zhicheng-yanlian）。同一个文件只存一份。"</li>
                <li>{format!("无法读取的旧数据另存为 {DAMAGED_KEY_PREFIX}…，大字模式的选择保存在 {PREFS_KEY}。")}</li>
                <li>"为了断网也能打开，浏览器会缓存本工具自己的程序文件（Service Worker），不缓存你的数据。"</li>
            </ul>
            <p>"换一台电脑或换一个浏览器，就看不到这些内容。清除浏览器的网站数据会把它们删掉；在公用电脑上用完，请点页面上方的「重新开始」清空。"</p>
        </section>
        <section class="prose" aria-labelledby="check-title">
            <h2 id="check-title">"怎样自己验证没有上传"</h2>
            <ol>
                <li>"按 F12 打开浏览器的开发者工具，切换到「网络」（Network）面板。"</li>
                <li>"在本工具里填写、上传照片和 PDF、打印预览。"</li>
                <li>"面板里只会出现本工具自己的文件（index.html、.js、.wasm、.css、sw.js、图标），没有任何发往其他网址的请求，也没有提交表单。"</li>
                <li>"也可以先打开一次本工具，然后断开网络再使用：一切照常，因为它本来就不需要网络。"</li>
            </ol>
            <p>"页面还带有内容安全策略（Content-Security-Policy）：浏览器会拒绝本工具连接任何其他网址、拒绝提交表单，即使程序有错也发不出去。"</p>
        </section>
    }
}

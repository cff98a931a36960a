//! Reads the association's rules file (`rules/wenzhou-jidian.json` beside `index.html`) once at
//! start — before connections are switched off — checks it, and installs the rules in use: the
//! file when it is valid, the built-in rules (and why) when it is missing, unreadable or invalid.

use crate::rules::rules_file::{self, InUse, Source, FILE_PATH};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A site that does not answer within this time is treated as offline: the app starts anyway.
const TIMEOUT_MS: i32 = 6000;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The file's text, or why it could not be had (in Chinese).
async fn fetch_text() -> Result<String, String> {
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    let init = web_sys::RequestInit::new();
    // Ask the site (or the offline copy) every time: an edited file must reach users at once.
    init.set_cache(web_sys::RequestCache::NoCache);
    let request = window.fetch_with_str_and_init(FILE_PATH, &init);
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, TIMEOUT_MS);
    });
    let first = JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(
        &request, &timeout,
    )))
    .await
    .map_err(|_| "无法连接网站，也没有离线保存的副本".to_string())?;
    let response: web_sys::Response = first
        .dyn_into()
        .map_err(|_: JsValue| format!("网站 {} 秒内没有回应", TIMEOUT_MS / 1000))?;
    match response.status() {
        200 => {}
        404 => return Err(format!("网站上没有 {FILE_PATH}")),
        status => return Err(format!("网站读取 {FILE_PATH} 时出错（状态 {status}）")),
    }
    let text = response.text().map_err(|_| "文件无法读取".to_string())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "文件无法按文字读取".to_string())
}

/// Reads, checks and installs the rules; records how long reading and checking took on the page
/// (`data-rules-fetch-ms`, `data-rules-check-us` on `<html>`), for the tests to print.
pub async fn load() {
    let started = now_ms();
    let fetched = fetch_text().await;
    let read = now_ms();
    let (rules, source) = match fetched {
        Ok(text) => match rules_file::parse(&text) {
            Ok(rules) => (rules, Source::File),
            Err(problems) => (
                rules_file::built_in().clone(),
                Source::BuiltIn {
                    why: Some(format!("{FILE_PATH} 有 {} 处问题", problems.len())),
                    problems,
                },
            ),
        },
        Err(why) => (
            rules_file::built_in().clone(),
            Source::BuiltIn {
                why: Some(why),
                problems: Vec::new(),
            },
        ),
    };
    let default_year = rules_file::round_for(super::today(), &rules);
    rules_file::install(InUse {
        rules,
        source,
        default_year,
    });
    let checked = now_ms();
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(
            "data-rules-fetch-ms",
            &format!("{}", (read - started) as i64),
        );
        let micros = ((checked - read) * 1000.0) as i64;
        let _ = root.set_attribute("data-rules-check-us", &format!("{micros}"));
    }
}

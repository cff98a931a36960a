//! Step 1 上传证件照: choose or drop a photo, show the rules core's checks beside a preview, make a
//! compliant copy, keep the file in IndexedDB across reloads.

use super::confirm::InlineConfirm;
use super::download::offer_bytes_file;
use super::persist::Persistence;
use super::{file_store, focus_after_render, imaging};
use crate::rules::draft::PhotoRecord;
use crate::rules::photo::{
    all_hard_checks_pass, background_check, check_photo_bytes, mb, plan_crop_zoomed, size_check,
    IdPhotoSize, Outcome, PhotoCheck, LARGEST_FILE_HANDLED, MAX_ZOOM_PERCENT,
};
use crate::rules::progress::{Page, Step};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The photo on screen: its bytes (for 生成合规照片), a preview URL and its checks.
#[derive(Clone, Default)]
struct Shown {
    bytes: Vec<u8>,
    /// The file name a generated copy is kept under.
    name: String,
    mime: String,
    preview_url: Option<String>,
    checks: Vec<PhotoCheck>,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

fn object_url(bytes: &[u8], mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes).into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

fn release(url: Option<String>) {
    if let Some(url) = url {
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

/// Adds the background heuristic once the browser has decoded the picture.
async fn with_background(bytes: &[u8], mime: &str, mut checks: Vec<PhotoCheck>) -> Vec<PhotoCheck> {
    if let Ok((rgba, w, h)) = imaging::small_rgba(bytes, mime).await {
        checks.push(background_check(&rgba, w, h));
    }
    checks
}

/// `next_guard` receives the step's check for 下一步: while a generated photo waits for
/// 使用这张照片, 下一步 asks whether to use it instead of silently keeping the original.
#[component]
pub fn PhotoStep(next_guard: StoredValue<Option<Callback<(), bool>>>) -> impl IntoView {
    let persistence = expect_context::<Persistence>();
    let draft = persistence.draft;
    let shown = RwSignal::new(Shown::default());
    let busy = RwSignal::new(None::<&'static str>);
    let error = RwSignal::new(None::<String>);
    let verdict_ms = RwSignal::new(None::<f64>);
    let confirm_delete = RwSignal::new(false);
    let generated = RwSignal::new(None::<Shown>);
    // 「已改用生成的照片」 beside the result, once it replaced the original.
    let used = RwSignal::new(false);
    // The question 下一步 asks while a generated photo is not used.
    let ask = RwSignal::new(false);
    next_guard.set_value(Some(Callback::new(move |_| {
        let pending = generated
            .try_with_untracked(Option::is_some)
            .unwrap_or(false);
        if pending {
            ask.set(true);
            focus_after_render("unused-photo-question");
        }
        pending
    })));

    let show = move |bytes: Vec<u8>, mime: String, checks: Vec<PhotoCheck>| {
        let preview_url = object_url(&bytes, &mime);
        shown.update(|s| {
            release(s.preview_url.take());
            *s = Shown {
                bytes,
                mime,
                preview_url,
                checks,
                ..Shown::default()
            };
        });
    };

    // A photo chosen earlier comes back from IndexedDB.
    if let Some(record) = draft.with_untracked(|d| d.photo.clone()) {
        busy.set(Some("正在读取已保存的照片…"));
        spawn_local(async move {
            match file_store::get(&record.file_id).await {
                Ok(Some(file)) => {
                    let checks = check_photo_bytes(&file.bytes);
                    show(file.bytes.clone(), file.mime.clone(), checks.clone());
                    let checks = with_background(&file.bytes, &file.mime, checks).await;
                    shown.update(|s| s.checks = checks);
                }
                Ok(None) => error.set(Some(format!(
                    "草稿里记着照片「{}」，但照片文件已不在本机浏览器中（可能清理过浏览器数据）。请重新选择照片。",
                    record.file_name
                ))),
                Err(message) => error.set(Some(message)),
            }
            busy.set(None);
        });
    }

    // Every choice takes a ticket; async work for an older choice (reading, the background
    // check, storing) finishes after a newer one has started and must then change nothing.
    let latest = StoredValue::new(0u64);
    // The ticket lives as long as this page; work that outlives the page must not panic reading
    // it. A photo still being stored when the applicant leaves the page is kept — but never in
    // another applicant's draft.
    let keep = move |bytes: Vec<u8>, mime: String, file_name: String, generated_copy: bool| {
        let ticket = latest.get_value();
        let applicant = persistence.generation();
        let passes = all_hard_checks_pass(&check_photo_bytes(&bytes));
        let byte_size = bytes.len() as u64;
        spawn_local(async move {
            let stale = move || {
                latest.try_get_value().is_some_and(|now| now != ticket)
                    || !persistence.same_applicant(applicant)
            };
            let stored = file_store::store_in_place(
                persistence,
                &bytes,
                &mime,
                stale,
                |d| d.photo.as_ref().map(|p| p.file_id.clone()),
                move |d, file_id| {
                    d.photo = Some(PhotoRecord {
                        file_id,
                        file_name,
                        byte_size,
                        passes,
                        generated: generated_copy,
                    })
                },
            )
            .await;
            if let Err(message) = stored {
                error.set(Some(format!("照片已检查，但没有保存到本机：{message}")));
            }
        });
    };

    let choose = move |file: web_sys::File| {
        let ticket = latest.get_value() + 1;
        latest.set_value(ticket);
        let started = now_ms();
        error.set(None);
        generated.set(None);
        used.set(false);
        ask.set(false);
        confirm_delete.set(false);
        let size = file.size() as u64;
        let name = file.name();
        if size > LARGEST_FILE_HANDLED {
            // Refused on its size alone: the file is never read.
            show(Vec::new(), String::new(), vec![size_check(size)]);
            error.set(Some(format!(
                "「{name}」太大（{}），本工具不读取超过 15 MB 的文件。请先用手机或电脑把照片缩小后再选择。",
                mb(size)
            )));
            verdict_ms.set(Some(now_ms() - started));
            return;
        }
        busy.set(Some("正在检查照片…"));
        spawn_local(async move {
            let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            if latest.try_get_value() != Some(ticket) {
                return;
            }
            let Ok(buffer) = buffer else {
                busy.set(None);
                error.set(Some(
                    "无法读取这个文件，请确认文件没有被移动或删除后重新选择。".into(),
                ));
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            let mime = match file.type_() {
                t if t.is_empty() => "image/jpeg".to_string(),
                t => t,
            };
            let checks = check_photo_bytes(&bytes);
            show(bytes.clone(), mime.clone(), checks.clone());
            busy.set(None);
            verdict_ms.set(Some(now_ms() - started));
            keep(bytes.clone(), mime.clone(), name, false);
            let checks = with_background(&bytes, &mime, checks).await;
            if latest.try_get_value() == Some(ticket) {
                shown.update(|s| s.checks = checks);
            }
        });
    };

    let on_input = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            choose(file);
        }
        input.set_value("");
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|t| t.files())
            .and_then(|files| files.get(0))
        {
            choose(file);
        }
    };

    let delete = move || {
        let record = draft.with_untracked(|d| d.photo.clone());
        draft.update(|d| d.photo = None);
        shown.update(|s| {
            release(s.preview_url.take());
            *s = Shown::default();
        });
        generated.set(None);
        confirm_delete.set(false);
        verdict_ms.set(None);
        // The buttons are gone with the photo: the next thing to do is to choose another.
        focus_after_render("photo-file");
        if let Some(record) = record {
            spawn_local(async move {
                file_store::delete_unused(persistence, vec![record.file_id]).await;
            });
        }
    };

    // The generated copy replaces the original; the result is brought to where the applicant
    // looks (the check list's heading, above the generator, takes focus and scrolls into view).
    let use_generated = move || {
        if let Some(g) = generated.get_untracked() {
            shown.update(|s| {
                release(s.preview_url.take());
                *s = g.clone();
                s.preview_url = object_url(&g.bytes, &g.mime);
            });
            keep(g.bytes, g.mime, g.name, true);
            generated.set(None);
            used.set(true);
            ask.set(false);
            focus_after_render("photo-checks-title");
        }
    };
    let next_step = move || {
        let _ = window()
            .location()
            .set_hash(&Page::Step(Step::Pledge).hash());
    };

    let has_photo = move || shown.with(|s| !s.checks.is_empty());
    let file_name = move || draft.with(|d| d.photo.as_ref().map(|p| p.file_name.clone()));

    view! {
        <p class="hint" data-portal-note>
            "在真实平台上，这一步会先自动带出你身份证上的照片；那张不合适、需要换一张时，才按下面的要求上传。本工具检查的是你要上传的那张。"
        </p>
        <section aria-labelledby="photo-rules-title">
            <h2 id="photo-rules-title">"平台对证件照的要求"</h2>
            <ul class="rule-list">
                <li>"JPG 格式（按文件内容判断，改后缀名没有用）"</li>
                <li>"文件大小大于 30 KB、小于 1 MB（1024 KB）"</li>
                <li>"像素大于 215 × 300（宽 × 高）"</li>
                <li>"宽高比（宽 ÷ 高）在 0.65 到 0.80 之间"</li>
                <li>"标准一寸或二寸证件照，白色背景"</li>
            </ul>
        </section>
        <div class="dropzone" class:dropzone--active=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <label for="photo-file" class="dropzone__label">"选择证件照文件"</label>
            <input id="photo-file" type="file" accept="image/*,.jpg,.jpeg" on:change=on_input
                aria-describedby="photo-file-hint"/>
            <p class="hint" id="photo-file-hint">"也可以把照片文件拖到这个框里。照片只保存在本机浏览器。"</p>
        </div>
        <p class="busy" role="status">{move || busy.get()}</p>
        {move || error.get().map(|m| view! { <p class="notice notice--warning" role="alert">{m}</p> })}
        <Show when=has_photo>
            <div class="photo-result">
                <figure class="id-frame">
                    {move || shown.with(|s| s.preview_url.clone()).map(|url| view! {
                        <img src=url alt="所选照片的预览（按证件照比例显示）"/>
                    })}
                    <figcaption>{move || file_name().unwrap_or_default()}</figcaption>
                </figure>
                <div class="photo-result__checks">
                    <h2 id="photo-checks-title" tabindex="-1">"检查结果"</h2>
                    <Show when=move || used.get()>
                        <p class="notice notice--info" role="status" data-used-generated>"已改用生成的合规照片，下面是它的检查结果。"</p>
                    </Show>
                    <CheckSummary checks=Signal::derive(move || shown.with(|s| s.checks.clone()))/>
                    <CheckList checks=Signal::derive(move || shown.with(|s| s.checks.clone()))
                        timing=verdict_ms/>
                </div>
            </div>
            <Generator shown=shown generated=generated on_use=Callback::new(move |_| use_generated())/>
            <div class="danger-zone">
                <Show when=move || draft.with(|d| d.photo.is_some())
                    fallback=|| ()>
                    <button type="button" class="button button--secondary" id="delete-photo-button"
                        aria-expanded=move || confirm_delete.get().to_string()
                        on:click=move |_| {
                            confirm_delete.update(|c| *c = !*c);
                        }>"删除照片"</button>
                </Show>
                <Show when=move || confirm_delete.get()>
                    <InlineConfirm id="delete-photo-dialog".to_string() opener_id="delete-photo-button".to_string()
                        title="确定删除这张照片吗？".to_string()
                        detail="照片会从本机浏览器中删除，无法恢复。"
                        confirm_label="确定删除"
                        on_confirm=Callback::new(move |_| delete())
                        on_cancel=Callback::new(move |_| confirm_delete.set(false))/>
                </Show>
            </div>
        </Show>
        <Show when=move || ask.get() && generated.with(Option::is_some)>
            <div class="confirm" id="unused-photo-question" tabindex="-1" role="alertdialog"
                aria-labelledby="unused-photo-title"
                on:keydown=super::on_escape(move || ask.set(false))>
                <p id="unused-photo-title"><strong>"生成的合规照片还没有使用。"</strong></p>
                <p>{move || if shown.with(|s| all_hard_checks_pass(&s.checks)) {
                    "现在用的仍是原来那张照片。要改用生成的照片吗？"
                } else {
                    "现在用的仍是原来那张照片，它不符合平台要求。要改用生成的照片吗？"
                }}</p>
                <div class="button-row">
                    <button type="button" class="button" on:click=move |_| { use_generated(); next_step(); }>
                        "使用生成的照片，下一步"
                    </button>
                    <button type="button" class="button button--secondary" on:click=move |_| { generated.set(None); next_step(); }>
                        "保留原来的照片，下一步"
                    </button>
                    <button type="button" class="button button--secondary" on:click=move |_| ask.set(false)>"取消"</button>
                </div>
            </div>
        </Show>
    }
}

#[component]
fn CheckSummary(#[prop(into)] checks: Signal<Vec<PhotoCheck>>) -> impl IntoView {
    move || {
        checks.with(|checks| {
            let failed = checks.iter().filter(|c| c.outcome == Outcome::Fail).count();
            let warned = checks
                .iter()
                .filter(|c| matches!(c.outcome, Outcome::Warn | Outcome::Note))
                .count();
            if failed > 0 {
                view! { <p class="summary summary--fail" data-summary="fail">
                {format!("有 {failed} 项不符合平台要求，这张照片上传会被拒绝。")}</p> }
                .into_any()
            } else if warned > 0 {
                view! { <p class="summary summary--pass" data-summary="pass">
                {format!("硬性要求全部通过，另有 {warned} 项请注意。")}</p> }
                .into_any()
            } else {
                view! { <p class="summary summary--pass" data-summary="pass">"全部通过。"</p> }
                    .into_any()
            }
        })
    }
}

#[component]
fn CheckList(
    #[prop(into)] checks: Signal<Vec<PhotoCheck>>,
    #[prop(optional)] timing: Option<RwSignal<Option<f64>>>,
) -> impl IntoView {
    let items = move || {
        checks
            .get()
            .into_iter()
            .map(|c| {
                view! {
                    <li class=format!("check check--{}", c.outcome.key()) data-check=c.key
                        data-outcome=c.outcome.key()>
                        <span class="check__badge">{c.outcome.label()}</span>
                        <span class="check__body"><strong>{c.title}</strong>"："{c.message}</span>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    let ms = move || {
        timing
            .and_then(|t| t.get())
            .map(|ms| (ms.max(0.0) as u64).to_string())
    };
    view! { <ul class="checks" data-verdict-ms=ms>{items}</ul> }
}

fn photo_file_name(size: IdPhotoSize) -> &'static str {
    match size {
        IdPhotoSize::OneInch => "证件照-一寸-295x413.jpg",
        IdPhotoSize::TwoInch => "证件照-二寸-413x579.jpg",
    }
}

#[component]
fn Generator(
    shown: RwSignal<Shown>,
    generated: RwSignal<Option<Shown>>,
    on_use: Callback<()>,
) -> impl IntoView {
    let size = RwSignal::new(IdPhotoSize::OneInch);
    // Percent of the largest crop, in steps of 10: for a phone portrait whose head is small.
    let zoom = RwSignal::new(100i32);
    // Crop position in twentieths: -20 (left/top) … 20 (right/bottom). Integers keep float
    // parsing and formatting out of the bundle.
    let shift_x = RwSignal::new(0i32);
    let shift_y = RwSignal::new(0i32);
    let working = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);

    let generate = move |_| {
        let (bytes, mime) = shown.with_untracked(|s| (s.bytes.clone(), s.mime.clone()));
        if bytes.is_empty() {
            problem.set(Some(
                "这个文件没有被读取（太大或为空），无法生成。请先选择一张可读取的照片。".into(),
            ));
            return;
        }
        working.set(true);
        problem.set(None);
        let (size, zoom, sx, sy) = (
            size.get_untracked(),
            zoom.get_untracked().max(100) as u32,
            shift_x.get_untracked() as f64 / 20.0,
            shift_y.get_untracked() as f64 / 20.0,
        );
        let name = photo_file_name(size);
        spawn_local(async move {
            let result = async {
                let (w, h) = imaging::upright_size(&bytes, &mime).await?;
                let plan = plan_crop_zoomed(w, h, size, zoom, sx, sy)?;
                imaging::render_compliant(&bytes, &mime, plan).await
            }
            .await;
            match result {
                Ok(jpeg) => {
                    let checks = check_photo_bytes(&jpeg);
                    let checks = with_background(&jpeg, "image/jpeg", checks).await;
                    let preview_url = object_url(&jpeg, "image/jpeg");
                    generated.update(|g| {
                        if let Some(old) = g.take() {
                            release(old.preview_url);
                        }
                        *g = Some(Shown {
                            bytes: jpeg,
                            name: name.to_string(),
                            mime: "image/jpeg".into(),
                            preview_url,
                            checks,
                        });
                    });
                }
                Err(message) => problem.set(Some(message)),
            }
            working.set(false);
        });
    };

    let file_name = move || photo_file_name(size.get());
    let download = move |_| {
        if let Some(g) = generated.get_untracked() {
            let _ = offer_bytes_file(file_name(), &g.bytes, "image/jpeg");
        }
    };
    let slider = move |id: &'static str, label: &'static str, signal: RwSignal<i32>| {
        view! {
            <div class="field field--inline">
                <label for=id>{label}</label>
                <input id=id type="range" min="-20" max="20" step="1"
                    prop:value=move || signal.get().to_string()
                    on:input=move |ev| signal.set(event_target_value(&ev).parse().unwrap_or(0))/>
            </div>
        }
    };

    view! {
        <section class="generator" aria-labelledby="generator-title">
            <h2 id="generator-title">"生成合规照片"</h2>
            <p class="hint">"按证件照比例裁剪（默认居中，可调整位置），只缩小不放大，另存为大小合规的 JPG。背景颜色不会改变。"</p>
            <fieldset class="choice-row">
                <legend>"尺寸"</legend>
                {[IdPhotoSize::OneInch, IdPhotoSize::TwoInch].into_iter().map(|option| view! {
                    <label class="choice">
                        <input type="radio" name="photo-size"
                            prop:checked=move || size.get() == option
                            on:change=move |_| size.set(option)/>
                        {option.label()}
                    </label>
                }).collect::<Vec<_>>()}
            </fieldset>
            <div class="field field--inline">
                <label for="zoom">{move || format!("放大（人像显得小时向右拖）：{}%", zoom.get())}</label>
                <input id="zoom" type="range" min="100" max=MAX_ZOOM_PERCENT.to_string() step="10"
                    prop:value=move || zoom.get().to_string()
                    on:input=move |ev| zoom.set(event_target_value(&ev).parse().unwrap_or(100))/>
            </div>
            {slider("shift-x", "左右位置（向左 ← → 向右）", shift_x)}
            {slider("shift-y", "上下位置（向上 ← → 向下）", shift_y)}
            <button type="button" class="button" on:click=generate disabled=move || working.get()>
                {move || if working.get() { "正在生成…" } else { "生成合规照片" }}
            </button>
            {move || problem.get().map(|m| view! { <p class="notice notice--warning" role="alert">{m}</p> })}
            {move || generated.get().map(|g| view! {
                <div class="photo-result photo-result--generated">
                    <figure class="id-frame">
                        <img src=g.preview_url.clone().unwrap_or_default() alt="生成的合规照片预览"/>
                        <figcaption>{file_name()}</figcaption>
                    </figure>
                    <div class="photo-result__checks" data-generated="true">
                        <h3>"生成的照片"</h3>
                        <CheckSummary checks=g.checks.clone()/>
                        <CheckList checks=g.checks.clone()/>
                        <div class="button-row">
                            <button type="button" class="button" on:click=move |_| on_use.run(())>"使用这张照片"</button>
                            <button type="button" class="button button--secondary" on:click=download>"下载"</button>
                        </div>
                    </div>
                </div>
            })}
        </section>
    }
}

//! 合成 PDF: the applicant chooses photos, scans or PDFs for each named part, sees every page
//! as a thumbnail, arranges them (move, turn, remove) and gets one PDF, made in this browser.
//! The rules core says what it takes (`compose::intake`), keeps the page list's operations and
//! writes the PDF (`pdf::compose_pdf`); this shell reads files, shows thumbnails and redraws
//! pictures through the browser's decoder (imaging.rs), one at a time.

use super::imaging;
use crate::rules::compose::{
    add_to_part, composed_file_name, intake, missing_message, move_piece, picture_size,
    remove_piece, renamed_picture_note, short_part, small_picture_note, title_from_file_name,
    turn_piece, Intake, Piece, REDRAW_QUALITY,
};
use crate::rules::pdf::{compose_pdf, ComposePage, PageSource};
use crate::rules::photo::kb;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

/// What the made PDF is handed on with: its bytes and file name.
pub type Made = (Vec<u8>, String);

/// A chosen file as the composer keeps it.
enum Content {
    /// JPEG as it is, or a PDF: the bytes.
    Bytes(Rc<Vec<u8>>, bool),
    /// A picture to redraw: the file itself (read again when the PDF is made) and, for a JPEG,
    /// the redrawn size known from its header.
    Redraw(web_sys::File, Option<(u32, u32)>),
}

struct Chosen {
    content: Content,
}

/// What the page list shows of a chosen file.
#[derive(Clone, PartialEq)]
struct Shown {
    name: String,
    /// A picture's object URL for its thumbnail; none for a PDF.
    thumbnail: Option<String>,
    pages: u32,
}

/// A picture's thumbnail; a picture the browser cannot draw gets none (and fails when made).
/// A picture to redraw: its chosen file's index, the file, the size to draw it at.
type RedrawJob = (usize, web_sys::File, Option<(u32, u32)>);

async fn thumbnail(file: &web_sys::File) -> Option<String> {
    imaging::thumbnail_url(file).await.ok()
}

async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "无法读取这个文件，请确认文件没有被移动或删除后重新选择。".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The composer for one material: `parts` are what it must hold, in order. `initial`: a file
/// already chosen (step 5's 「把这张图片转成 PDF」), put in the first part.
#[component]
pub fn Composer(
    /// Prefix of the element ids (one composer per evidence item).
    id: String,
    title: String,
    parts: Vec<&'static str>,
    on_made: Callback<Made>,
    initial: Option<web_sys::File>,
    /// Told whenever the page list changes (a result shown for an older list is stale then).
    #[prop(optional)]
    on_changed: Option<Callback<()>>,
) -> impl IntoView {
    let persistence = expect_context::<super::persist::Persistence>();
    let chosen = StoredValue::new_local(Vec::<Chosen>::new());
    let shown = RwSignal::new(Vec::<Shown>::new());
    let pieces = RwSignal::new(Vec::<Piece>::new());
    let notes = RwSignal::new(Vec::<String>::new());
    let progress = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    // Each run of 合成 has a ticket; 取消 or a newer run makes an older one stop at its next page.
    let run = StoredValue::new(0u64);

    // 合成 is run from the button, and at once for a one-part material that came with its file.
    let make_now = StoredValue::new(false);
    let make_cell = StoredValue::new(None::<Callback<()>>);
    if let Some(changed) = on_changed {
        Effect::new(move |_| {
            pieces.track();
            changed.run(());
        });
    }
    let add_files = Callback::new(move |(part, files): (usize, Vec<web_sys::File>)| {
        notes.set(Vec::new());
        problem.set(None);
        spawn_local(async move {
            for file in files {
                let name = file.name();
                let note = |text: String| {
                    notes.try_update(|n| n.push(text));
                };
                let bytes = match read_bytes(&file).await {
                    Ok(bytes) => bytes,
                    Err(message) => {
                        note(format!("「{name}」：{message}"));
                        continue;
                    }
                };
                let size = picture_size(&bytes);
                let (content, pages, picture) = match intake(&bytes) {
                    Intake::Refused(message) => {
                        note(format!("「{name}」没有放入：{message}"));
                        continue;
                    }
                    Intake::Pdf { pages } => (Content::Bytes(Rc::new(bytes), true), pages, false),
                    Intake::JpegAsIs => (Content::Bytes(Rc::new(bytes), false), 1, true),
                    Intake::Redraw => {
                        drop(bytes);
                        let redrawn = size.map(|(w, h)| crate::rules::compose::redraw_size(w, h));
                        (Content::Redraw(file.clone(), redrawn), 1, true)
                    }
                };
                let thumbnail = if picture {
                    match thumbnail(&file).await {
                        Some(url) => Some(url),
                        None => {
                            note(format!("「{name}」没有放入：浏览器打不开这张图片（可能已损坏，或是浏览器不认识的格式）。请另存为 JPG 后再选择。"));
                            continue;
                        }
                    }
                } else {
                    None
                };
                if let Some(renamed) = renamed_picture_note(&name).filter(|_| picture) {
                    note(renamed);
                }
                if let Some(small) = size.and_then(|(w, h)| small_picture_note(w, h)) {
                    note(format!("「{name}」{small}"));
                }
                // The composer may have been closed meanwhile: then nothing is kept.
                let Some(index) = chosen.try_with_value(Vec::len) else {
                    if let Some(url) = thumbnail {
                        let _ = web_sys::Url::revoke_object_url(&url);
                    }
                    return;
                };
                chosen.try_update_value(|c| c.push(Chosen { content }));
                shown.try_update(|s| {
                    s.push(Shown {
                        name: name.clone(),
                        thumbnail,
                        pages,
                    })
                });
                pieces.try_update(|p| add_to_part(p, part, index, pages));
            }
            if make_now.try_get_value() == Some(true) {
                make_now.try_set_value(false);
                if let Some(make) = make_cell.try_get_value().flatten() {
                    make.run(());
                }
            }
        });
    });
    if let Some(file) = initial {
        make_now.set_value(parts.len() == 1);
        add_files.run((0, vec![file]));
    }
    // Thumbnails' object URLs are released with the composer.
    on_cleanup(move || {
        for s in shown.get_untracked() {
            if let Some(url) = s.thumbnail.filter(|u| !u.is_empty()) {
                let _ = web_sys::Url::revoke_object_url(&url);
            }
        }
    });

    let parts_for_make = parts.clone();
    let title_for_make = title.clone();
    let make_for_cell = move |_: ()| {
        if let Some(missing) = pieces.with_untracked(|p| missing_message(&parts_for_make, p)) {
            problem.set(Some(missing));
            return;
        }
        let order = pieces.get_untracked();
        let ticket = run.get_value() + 1;
        run.set_value(ticket);
        working.set(true);
        problem.set(None);
        let applicant = persistence.draft.with_untracked(|d| d.basic.name.clone());
        // On its own page the material has no title: the first file names it.
        let title = if title_for_make.is_empty() {
            shown.with_untracked(|s| {
                s.first()
                    .map(|f| title_from_file_name(&f.name).to_string())
                    .unwrap_or_default()
            })
        } else {
            title_for_make.clone()
        };
        let name = composed_file_name(&applicant, &title, &parts_for_make);
        let started = now_ms();
        spawn_local(async move {
            // Still this run: not cancelled, not replaced, the composer still open.
            let current = move || run.try_get_value() == Some(ticket);
            let stop = move |message: Option<String>| {
                if current() {
                    problem.try_set(message);
                    working.try_set(false);
                    progress.try_set(None);
                }
            };
            let total = order.len();
            // The pictures to redraw, once each, in the order their pages come.
            let Some(jobs) = chosen.try_with_value(|c| {
                let mut jobs: Vec<RedrawJob> = Vec::new();
                for piece in &order {
                    if let Content::Redraw(file, size) = &c[piece.file].content {
                        if !jobs.iter().any(|job| job.0 == piece.file) {
                            jobs.push((piece.file, file.clone(), *size));
                        }
                    }
                }
                jobs
            }) else {
                return;
            };
            // A redraw runs on its own once started: the next picture's is started before this
            // one is awaited, so that the browser decodes one while it encodes the other.
            let start = |job: &RedrawJob| {
                let (file, size) = (job.1.clone(), job.2);
                wasm_bindgen_futures::future_to_promise(async move {
                    imaging::redraw_page(&file, size, REDRAW_QUALITY)
                        .await
                        .map(|jpeg| js_sys::Uint8Array::from(jpeg.as_slice()).into())
                        .map_err(|message| message.into())
                })
            };
            let mut running: Vec<js_sys::Promise> = Vec::new();
            // A picture's redrawn JPEG, by chosen file.
            let mut redrawn: Vec<(usize, Vec<u8>)> = Vec::new();
            for (at, piece) in order.iter().enumerate() {
                if !current() {
                    return;
                }
                progress.try_set(Some(format!("正在处理第 {} / {total} 页", at + 1)));
                match jobs.iter().position(|job| job.0 == piece.file) {
                    Some(_) if redrawn.iter().any(|(f, _)| *f == piece.file) => {}
                    Some(k) => {
                        while running.len() < jobs.len().min(k + 2) {
                            running.push(start(&jobs[running.len()]));
                        }
                        match wasm_bindgen_futures::JsFuture::from(running[k].clone()).await {
                            Ok(jpeg) => {
                                redrawn.push((piece.file, js_sys::Uint8Array::new(&jpeg).to_vec()))
                            }
                            Err(message) => {
                                let message = message.as_string().unwrap_or_default();
                                stop(Some(format!("第 {} 页：{message}", at + 1)));
                                return;
                            }
                        }
                    }
                    // Let the page draw its progress between pages that need no work.
                    None => next_turn().await,
                }
            }
            if !current() {
                return;
            }
            progress.try_set(Some("正在生成 PDF…".to_string()));
            next_turn().await;
            if !current() {
                return;
            }
            let Some(kept) = chosen.try_with_value(|c| {
                c.iter()
                    .map(|chosen| match &chosen.content {
                        Content::Bytes(bytes, is_pdf) => Some((bytes.clone(), *is_pdf)),
                        Content::Redraw(..) => None,
                    })
                    .collect::<Vec<_>>()
            }) else {
                return;
            };
            let result = {
                let pages: Vec<ComposePage<'_>> = order
                    .iter()
                    .map(|piece| {
                        let source = match &kept[piece.file] {
                            Some((bytes, true)) => PageSource::PdfPage {
                                pdf: bytes.as_slice(),
                                index: piece.page,
                            },
                            Some((bytes, false)) => PageSource::Jpeg(bytes.as_slice()),
                            None => PageSource::Jpeg(
                                redrawn
                                    .iter()
                                    .find(|(f, _)| *f == piece.file)
                                    .map_or(&[][..], |(_, j)| j.as_slice()),
                            ),
                        };
                        ComposePage {
                            source,
                            turns: piece.turns,
                        }
                    })
                    .collect();
                compose_pdf(&pages)
            };
            match result {
                Ok(bytes) => {
                    stop(None);
                    let ms = now_ms() - started;
                    if let Some(root) = document().document_element() {
                        let _ = root.set_attribute("data-compose-ms", &format!("{}", ms as i64));
                    }
                    on_made.run((bytes, name));
                }
                Err(e) => stop(Some(format!("第 {} 页：{}", e.page, e.message))),
            }
        });
    };
    let make = Callback::new(make_for_cell);
    make_cell.set_value(Some(make));
    let cancel = move |_| {
        run.set_value(run.get_value() + 1);
        working.set(false);
        progress.set(Some("已取消，页面没有改动。".to_string()));
    };

    let part_rows = parts
        .iter()
        .enumerate()
        .map(|(index, part)| {
            let input_id = format!("{id}-part-{index}");
            let count = move || {
                pieces.with(|p| p.iter().filter(|piece| piece.part == index).count())
            };
            let on_change = move |ev: leptos::ev::Event| {
                let input: web_sys::HtmlInputElement = event_target(&ev);
                let files = files_of(input.files());
                input.set_value("");
                add_files.run((index, files));
            };
            let on_drop = move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                let files = files_of(ev.data_transfer().and_then(|t| t.files()));
                add_files.run((index, files));
            };
            view! {
                <li class="compose-part" data-part=index
                    on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                    <span class="compose-part__name">{*part}</span>
                    <span class="compose-part__count" data-part-count>{move || match count() {
                        0 => "还没有选择".to_string(),
                        n => format!("已放入 {n} 页"),
                    }}</span>
                    <label class="button button--secondary" for=input_id.clone()>"选择照片或文件"</label>
                    <input id=input_id class="visually-hidden" type="file" multiple
                        disabled=move || working.get()
                        accept="image/*,application/pdf,.pdf,.jpg,.jpeg,.png,.webp"
                        on:change=on_change/>
                </li>
            }
        })
        .collect::<Vec<_>>();

    let parts_for_list = parts.clone();
    let list_id = format!("{id}-page");
    let page_list = move || {
        let list_id = list_id.clone();
        let all = pieces.get();
        let total = all.len();
        all.into_iter()
            .enumerate()
            .map(|(at, piece)| {
                let file = shown.with(|s| s.get(piece.file).cloned());
                let Some(file) = file else {
                    return ().into_any();
                };
                let part = parts_for_list.get(piece.part).map_or("", |p| short_part(p));
                let which = if file.thumbnail.is_none() && file.pages > 1 {
                    format!("（PDF 第 {} 页）", piece.page + 1)
                } else {
                    String::new()
                };
                let label = format!("第 {} 页", at + 1);
                let turn = format!("turn-{}", piece.turns % 4);
                let (up_next, down_next) = (
                    format!("{list_id}-{}-up", at.saturating_sub(1)),
                    format!("{list_id}-{}-down", at + 1),
                );
                view! {
                    <li class="compose-page" data-page=at>
                        <div class="compose-page__thumb">
                            {match file.thumbnail {
                                Some(url) if !url.is_empty() => view! { <img src=url alt="" class=turn/> }.into_any(),
                                Some(_) => view! { <span class=format!("compose-page__pdf {turn}")>"图片"</span> }.into_any(),
                                None => view! { <span class=format!("compose-page__pdf {turn}")>"PDF"</span> }.into_any(),
                            }}
                        </div>
                        <p class="compose-page__caption">
                            <strong>{label.clone()}</strong>" · "{part.to_string()}<br/>
                            <span class="hint">{format!("{}{which}", file.name)}</span>
                        </p>
                        <div class="compose-page__actions">
                            <button type="button" class="button button--secondary" id=format!("{list_id}-{at}-up")
                                disabled=move || at == 0 || working.get()
                                aria-label=format!("{label}上移")
                                on:click=move |_| {
                                    pieces.update(|p| move_piece(p, at, -1));
                                    // The focus goes with the page.
                                    super::focus_after_render(&up_next);
                                }>"上移"</button>
                            <button type="button" class="button button--secondary" id=format!("{list_id}-{at}-down")
                                disabled=move || at + 1 == total || working.get()
                                aria-label=format!("{label}下移")
                                on:click=move |_| {
                                    pieces.update(|p| move_piece(p, at, 1));
                                    super::focus_after_render(&down_next);
                                }>"下移"</button>
                            <button type="button" class="button button--secondary"
                                disabled=move || working.get()
                                aria-label=format!("{label}向右旋转 90°")
                                on:click=move |_| pieces.update(|p| turn_piece(p, at))>"旋转"</button>
                            <button type="button" class="button button--secondary"
                                disabled=move || working.get()
                                aria-label=format!("{label}删除")
                                on:click=move |_| pieces.update(|p| remove_piece(p, at))>"删除"</button>
                        </div>
                    </li>
                }
                .into_any()
            })
            .collect::<Vec<_>>()
    };

    view! {
        <section class="composer" aria-label=format!("合成 PDF：{title}")>
            <p class="hint">"为下面每一部分选择手机照片、扫描件或 PDF（可以一次选多张，也可以拖进来；手机上可以直接拍照）。照片会放成 A4 页面，PDF 的页面原样放入。一切都在本机浏览器里完成，不会上传。"</p>
            <ol class="compose-parts">{part_rows}</ol>
            <div role="status">
                <ul class="compose-notes">
                    {move || notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect::<Vec<_>>()}
                </ul>
            </div>
            <ol class="compose-pages" aria-label="页面顺序">{page_list}</ol>
            <div class="compose-actions">
                <button type="button" class="button" on:click=move |_| make.run(()) disabled=move || working.get()>"合成 PDF"</button>
                <Show when=move || working.get()>
                    <button type="button" class="button button--secondary" on:click=cancel>"取消"</button>
                </Show>
            </div>
            <p class="busy" role="status" data-compose-progress>{move || progress.get()}</p>
            {move || problem.get().map(|m| view! { <p class="notice notice--warning" role="alert">{m}</p> })}
        </section>
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Waits for the next turn of the browser's event loop, so that what was just set is drawn.
async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The made PDF as a download, by its name.
pub fn offer(bytes: &[u8], name: &str) -> Result<(), String> {
    super::download::offer_bytes_file(name, bytes, "application/pdf")
}

/// 「12.3 KB，2 页」.
pub fn size_and_pages(bytes: u64, pages: u32) -> String {
    format!("{}，{pages} 页", kb(bytes))
}

/// The page 「合成 PDF」 (`#/compose`): the composer for any material, the result to download.
#[component]
pub fn ComposeAnyPage() -> impl IntoView {
    let made = RwSignal::new(None::<(String, u64, u32)>);
    let bytes = StoredValue::new(Vec::<u8>::new());
    let error = RwSignal::new(None::<String>);
    let on_made = Callback::new(move |(pdf, name): Made| {
        let pages = crate::rules::pdf::inspect_pdf(&pdf).pages().unwrap_or(0);
        made.set(Some((name, pdf.len() as u64, pages)));
        bytes.set_value(pdf);
    });
    let download = move |_| {
        if let Some((name, ..)) = made.get_untracked() {
            if let Err(message) = bytes.with_value(|b| offer(b, &name)) {
                error.set(Some(message));
            }
        }
    };
    view! {
        <h1 id="main-heading" tabindex="-1">"合成 PDF"</h1>
        <p class="lead">"平台只收 PDF。把手机照片、扫描件和 PDF 合成一个 PDF。第 5 步「上传相关附件」里的每一项材料，也可以在该项下直接合成。"</p>
        <Composer id="compose-any".to_string() title=String::new()
            parts=vec!["要合成的材料"] on_made=on_made initial=None
            on_changed=Callback::new(move |_| made.set(None))/>
        {move || made.get().map(|(name, size, pages)| view! {
            <div class="notice" data-compose-result>
                <p><strong>"已合成："</strong>{name}"（"{size_and_pages(size, pages)}"）"</p>
                <button type="button" class="button" on:click=download>"下载 PDF"</button>
            </div>
        })}
        {move || error.get().map(|m| view! { <p class="notice notice--warning" role="alert">{m}</p> })}
        <p><a href="#/">"返回总览"</a></p>
    }
}

//! Step 5 上传相关附件: the evidence checklist the rules core builds from the draft, a file per
//! item checked at once on its bytes, kept in IndexedDB (one copy per distinct file).

use super::composer::Composer;
use super::confirm::InlineConfirm;
use super::persist::Persistence;
use super::{file_store, focus_after_render};
use crate::rules::draft::{AttachmentRecord, Draft};
use crate::rules::evidence::{EvidenceItem, Place};
use crate::rules::pdf::{
    check_evidence_file, file_type, file_verdict, inspect_pdf, EvidenceCheck, FileType,
};
use crate::rules::photo::{kb, Outcome};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

/// Checks shown for each item during this visit (after a reload they are re-derived from the
/// stored file on demand).
type Shown = BTreeMap<String, Vec<EvidenceCheck>>;

fn place_label(place: Place) -> &'static str {
    match place {
        Place::Archive => "我的业绩档案",
        Place::Attachments => "上传相关附件",
        Place::PortalAnswer => "填写申报信息（资格类型 / 聘任情况旁）",
    }
}

#[component]
pub fn AttachmentsStep(draft: RwSignal<Draft>) -> impl IntoView {
    let assessment = super::assessment();
    let shown = RwSignal::new(Shown::new());
    let items = Memo::new(move |_| assessment.with(|a| a.evidence.clone()));
    let progress = move || {
        let (total, provided, failing) = items.with(|items| {
            draft.with(|d| {
                let provided = items
                    .iter()
                    .filter(|i| d.attachments.contains_key(&i.id))
                    .count();
                let failing = items
                    .iter()
                    .filter(|i| d.attachments.get(&i.id).is_some_and(|a| !a.passes))
                    .count();
                (items.len(), provided, failing)
            })
        });
        format!("已提供 {provided} / {total} 项，有问题 {failing} 项")
    };
    // Restore this visit's checks for files attached earlier, from IndexedDB.
    Effect::new(move |_| {
        let attached: Vec<(String, AttachmentRecord, u32, Vec<&'static str>)> = items
            .with_untracked(|items| {
                draft.with_untracked(|d| {
                    items
                        .iter()
                        .filter_map(|i| {
                            d.attachments
                                .get(&i.id)
                                .map(|a| (i.id.clone(), a.clone(), i.min_pages, i.parts.clone()))
                        })
                        .collect()
                })
            });
        spawn_local(async move {
            for (id, record, min_pages, parts) in attached {
                if let Ok(Some(file)) = file_store::get(&record.file_id).await {
                    let checks = check_evidence_file(&file.bytes, min_pages, &parts);
                    shown.update(|s| {
                        s.insert(id, checks);
                    });
                }
            }
        });
    });
    view! {
        <p class="hint">"下面是根据你填写的内容需要准备的佐证材料。每项选择一个文件，本工具在本机检查它是不是可读的 PDF、有没有密码、页数够不够。只有照片或几份文件的，用每项下面的「用照片或文件合成 PDF」在本机合成一个 PDF。文件只保存在本机浏览器。"</p>
        <p class="progress-line" data-progress aria-live="polite"><strong>{progress}</strong></p>
        <ol class="evidence-list">
            {move || items.get().into_iter().map(|item| view! { <EvidenceRow draft=draft item=item shown=shown/> }).collect::<Vec<_>>()}
        </ol>
    }
}

#[component]
fn EvidenceRow(
    draft: RwSignal<Draft>,
    item: EvidenceItem,
    shown: RwSignal<Shown>,
) -> impl IntoView {
    let persistence = expect_context::<Persistence>();
    let id = item.id.clone();
    let input_id = format!("evidence-{}", item.id);
    let record = {
        let id = id.clone();
        Memo::new(move |_| draft.with(|d| d.attachments.get(&id).cloned()))
    };
    let checks = {
        let id = id.clone();
        Memo::new(move |_| shown.with(|s| s.get(&id).cloned().unwrap_or_default()))
    };
    let busy = RwSignal::new(false);
    let latest = StoredValue::new(0u64);
    let error = RwSignal::new(None::<String>);
    let confirm_remove = RwSignal::new(false);
    // The last picture chosen where a PDF is needed: 「把这张图片转成 PDF」 starts from it.
    let last_image = StoredValue::new_local(None::<web_sys::File>);
    let image_chosen = RwSignal::new(false);
    // 「已合成并放入本项」 beside the file the composer just made.
    let made_note = RwSignal::new(false);
    let row = Row {
        id: id.clone(),
        parts: item.parts.clone(),
        min_pages: item.min_pages,
        shown,
        latest,
        error,
        busy,
        persistence,
    };
    let attach = {
        let row = row.clone();
        move |file: web_sys::File| {
            let row = row.clone();
            let (ticket, applicant) = row.begin();
            spawn_local(async move {
                let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await
                else {
                    error.set(Some(
                        "无法读取这个文件，请确认文件没有被移动或删除后重新选择。".into(),
                    ));
                    busy.set(false);
                    return;
                };
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                made_note.set(false);
                let is_image = file_type(&bytes).is_image();
                image_chosen.set(is_image);
                last_image.set_value(is_image.then(|| file.clone()));
                row.attach(bytes, file.name(), ticket, applicant).await;
            });
        }
    };
    // The composer once opened stays (hidden by 收起, its pages kept) until it has made the PDF;
    // 「把这张图片转成 PDF」 starts a new one from the picture.
    let composer = RwSignal::new(None::<(u64, bool)>);
    let composer_shown = RwSignal::new(false);
    let open_composer = move |with_image: bool| {
        let fresh = with_image || composer.with_untracked(Option::is_none);
        if fresh {
            let generation = composer.with_untracked(|c| c.map_or(0, |(g, _)| g + 1));
            composer.set(Some((generation, with_image)));
        }
        composer_shown.set(true);
        made_note.set(false);
    };
    let file_line_id = format!("evidence-file-{}", item.id);
    let on_made = {
        let row = row.clone();
        let file_line_id = file_line_id.clone();
        Callback::new(move |(pdf, name): super::composer::Made| {
            let row = row.clone();
            let file_line_id = file_line_id.clone();
            let (ticket, applicant) = row.begin();
            composer.set(None);
            composer_shown.set(false);
            image_chosen.set(false);
            spawn_local(async move {
                row.attach(pdf, name, ticket, applicant).await;
                // Where the applicant looks next: the made file, in view, said in words.
                made_note.try_set(true);
                focus_after_render(&file_line_id);
            });
        })
    };
    let image_label = if item.parts.len() <= 1 {
        "把这张图片转成 PDF"
    } else {
        "用这张图片合成 PDF"
    };
    let download = move |_| {
        let Some(r) = record.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match file_store::get(&r.file_id).await {
                Ok(Some(file)) => {
                    if let Err(message) = super::composer::offer(&file.bytes, &r.file_name) {
                        error.set(Some(message));
                    }
                }
                _ => error.set(Some("本机没有找到这个文件，请重新选择。".to_string())),
            }
        });
    };
    let attach_from_input = attach.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            attach_from_input(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|t| t.files())
            .and_then(|f| f.get(0))
        {
            attach(file);
        }
    };
    let remove_button_id = format!("remove-{}", item.id);
    let remove_dialog_id = format!("remove-dialog-{}", item.id);
    let opener_id = remove_button_id.clone();
    let remove = {
        let id = id.clone();
        let input_id_after_remove = input_id.clone();
        Callback::new(move |_: ()| {
            let taken = draft.with_untracked(|d| d.attachments.get(&id).cloned());
            draft.update(|d| {
                d.attachments.remove(&id);
            });
            shown.update(|s| {
                s.remove(&id);
            });
            confirm_remove.set(false);
            // The remove button is gone with the file: the item's file chooser comes next.
            focus_after_render(&input_id_after_remove);
            if let Some(record) = taken {
                spawn_local(async move {
                    file_store::delete_unused(persistence, vec![record.file_id]).await;
                });
            }
        })
    };
    let (compose_id, compose_title, compose_parts) = (
        item.id.replace('.', "-"),
        item.title.clone(),
        if item.parts.is_empty() {
            vec!["材料"]
        } else {
            item.parts.clone()
        },
    );
    let status = move || match record.get() {
        None => ("missing", "未提供"),
        Some(r) if r.passes => ("ok", "已提供"),
        Some(_) => ("problem", "有问题"),
    };
    view! {
        <li class="evidence" data-evidence=id.clone() data-state=move || status().0
            on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
            <div class="evidence__head">
                <h2>{item.title.clone()}</h2>
                <strong class=move || format!("status status--{}", match status().0 { "ok" => "done", "problem" => "problem", _ => "not-started" })>
                    {move || status().1}
                </strong>
            </div>
            <p class="hint">{format!("{} · 上传位置：{}", item.section, place_label(item.place))}</p>
            <p>{item.why.clone()}</p>
            <p><strong>"需要："</strong>{item.requirement()}</p>
            {(!item.notes.is_empty()).then(|| view! { <ul class="hint">{item.notes.iter().map(|n| view! { <li>{*n}</li> }).collect::<Vec<_>>()}</ul> })}
            <div class="field">
                <label for=input_id.clone()>{move || if record.with(Option::is_some) { "换一个文件" } else { "选择文件" }}<span class="visually-hidden">{format!("：{}", item.title)}</span></label>
                <input id=input_id type="file" accept="application/pdf,.pdf" on:change=on_input/>
            </div>
            <p class="busy" role="status">{move || busy.get().then_some("正在检查…")}</p>
            {move || error.get().map(|m| view! { <p class="error-text" role="alert">{m}</p> })}
            {move || record.get().map(|r| view! {
                <p class="evidence__file" id=file_line_id.clone() tabindex="-1">
                    {move || made_note.get().then_some("已合成并放入本项：")}
                    {format!("{}（{}{}）", r.file_name, kb(r.byte_size), if r.pages > 0 { format!("，{} 页", r.pages) } else { String::new() })}
                    " "<button type="button" class="link-button" on:click=download>"下载"</button></p>
            })}
            // One plain line; the measured details (format, completeness, password, pages, size)
            // behind 「详细检查结果」, open by itself when something must be fixed.
            {move || checks.with(|c| (!c.is_empty()).then(|| {
                let pages = record.with(|r| r.as_ref().map_or(0, |r| r.pages));
                let (ok, line) = file_verdict(c, pages);
                view! {
                    <p class=if ok { "file-verdict file-verdict--pass" } else { "file-verdict file-verdict--fail" }
                        data-file-verdict=if ok { "pass" } else { "fail" }>{line}</p>
                }
            }))}
            <Show when=move || checks.with(|c| !c.is_empty())>
                <details class="fold evidence__details"
                    prop:open=move || checks.with(|c| c.iter().any(|c| c.outcome == Outcome::Fail))>
                    <summary>"详细检查结果"</summary>
                    <ul class="checks">
                        {move || checks.get().into_iter().map(|c| view! {
                            <li class=format!("check check--{}", c.outcome.key()) data-check=c.key data-outcome=c.outcome.key()>
                                <span class="check__badge">{c.outcome.label()}</span>
                                <span class="check__body"><strong>{c.title}</strong>"："{c.message}</span>
                            </li>
                        }).collect::<Vec<_>>()}
                    </ul>
                </details>
            </Show>
            <div class="evidence__compose">
                <Show when=move || image_chosen.get() && !composer_shown.get()>
                    <button type="button" class="button" data-image-to-pdf
                        on:click=move |_| open_composer(true)>{image_label}</button>
                </Show>
                <Show when=move || !composer_shown.get()>
                    <button type="button" class="button button--secondary" data-open-composer
                        on:click=move |_| open_composer(false)>"用照片或文件合成 PDF"</button>
                </Show>
            </div>
            {move || composer.get().map(|(_, with_image)| view! {
                <div hidden=move || !composer_shown.get()>
                    <Composer id=format!("compose-{}", compose_id) title=compose_title.clone()
                        parts=compose_parts.clone() on_made=on_made
                        initial=if with_image { last_image.with_value(Clone::clone) } else { None }/>
                    <button type="button" class="link-button" on:click=move |_| composer_shown.set(false)>"收起（已选的页面保留）"</button>
                </div>
            })}
            <Show when=move || record.with(Option::is_some)>
                <button type="button" class="link-button" id=opener_id.clone()
                    on:click=move |_| confirm_remove.set(true)>"移除文件"</button>
            </Show>
            <Show when=move || confirm_remove.get()>
                <InlineConfirm id=remove_dialog_id.clone() opener_id=remove_button_id.clone()
                    title="确定移除这个文件吗？".to_string()
                    confirm_label="确定移除"
                    on_confirm=remove
                    on_cancel=Callback::new(move |_| confirm_remove.set(false))/>
            </Show>
        </li>
    }
}

/// One evidence item's file slot: what attaching a file (chosen, dropped or composed) needs.
#[derive(Clone)]
struct Row {
    id: String,
    parts: Vec<&'static str>,
    min_pages: u32,
    shown: RwSignal<Shown>,
    latest: StoredValue<u64>,
    error: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
    persistence: Persistence,
}

impl Row {
    /// Starts an attach: the newest choice's ticket and the applicant it is for.
    fn begin(&self) -> (u64, u64) {
        self.busy.set(true);
        self.error.set(None);
        // Newest choice wins: a file chosen while an earlier one for this item is still being
        // read or stored replaces it, never the other way round.
        let ticket = self.latest.get_value() + 1;
        self.latest.set_value(ticket);
        (ticket, self.persistence.generation())
    }

    /// Checks `bytes`, shows the checks and stores the file as the item's.
    async fn attach(self, bytes: Vec<u8>, name: String, ticket: u64, applicant: u64) {
        let Row {
            id,
            parts,
            min_pages,
            shown,
            latest,
            error,
            busy,
            persistence,
        } = self;
        let found = check_evidence_file(&bytes, min_pages, &parts);
        let passes = !found.iter().any(|c| c.outcome == Outcome::Fail);
        let pages = inspect_pdf(&bytes).pages().unwrap_or(0);
        if latest.try_get_value() == Some(ticket) {
            shown.update(|s| {
                s.insert(id.clone(), found);
            });
        }
        let mime = if file_type(&bytes) == FileType::Pdf {
            "application/pdf"
        } else {
            "application/octet-stream"
        };
        let byte_size = bytes.len() as u64;
        let record_id = id.clone();
        let stored = file_store::store_in_place(
            persistence,
            &bytes,
            mime,
            // A newer file for this item, or another applicant, came meanwhile.
            move || {
                latest.try_get_value().is_some_and(|now| now != ticket)
                    || !persistence.same_applicant(applicant)
            },
            move |d| d.attachments.get(&record_id).map(|a| a.file_id.clone()),
            move |d, file_id| {
                d.attachments.insert(
                    id,
                    AttachmentRecord {
                        file_id,
                        file_name: name,
                        byte_size,
                        pages,
                        passes,
                    },
                );
            },
        )
        .await;
        if let Err(message) = stored {
            error.set(Some(format!("文件已检查，但没有保存到本机：{message}")));
        }
        busy.set(false);
    }
}

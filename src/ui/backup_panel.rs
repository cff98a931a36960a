//! 导出备份 / 导入备份 on the overview: one file with the current applicant's draft and files
//! (format in docs/backup-format.md, built and checked by `rules::backup`). An import becomes a new
//! applicant; it replaces an existing one only when the user chooses so.

use super::download::offer_text_file;
use super::file_store;
use super::persist::Persistence;
use super::{focus_after_render, on_escape};
use crate::rules::backup::{
    check_backup_size, export_backup, read_backup_bytes, referenced_file_ids, Backup,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Offers one applicant's backup file (the current one's draft as it is now, another's as stored)
/// and says what happened: (true, message) when every file went in.
pub async fn export_applicant(persistence: Persistence, id: &str) -> (bool, String) {
    let draft = match persistence.draft_of(id) {
        Ok(draft) => draft,
        Err(error) => return (false, error),
    };
    let mut files = Vec::new();
    let mut missing = 0;
    for file_id in referenced_file_ids(&draft) {
        match file_store::get(&file_id).await {
            Ok(Some(file)) => files.push((file_id, file.mime, file.bytes)),
            _ => missing += 1,
        }
    }
    let now = js_sys::Date::new_0();
    let stamp = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    );
    let text = export_backup(&draft, &files, &stamp);
    // The name the list shows (at most 20 characters), without what file systems refuse.
    let shown = if persistence.roster.with_untracked(|r| r.current == id) {
        persistence.current_name()
    } else {
        persistence.roster.with_untracked(|r| r.shown_name(id))
    };
    let name: String = shown
        .chars()
        .filter(|c| !r#"/\:*?"<>|"#.contains(*c) && !c.is_control())
        .collect();
    let file_name = format!("职称申报演练备份-{name}{}.json", &stamp[..10]);
    match offer_text_file(&file_name, &text, "application/json") {
        Ok(()) if missing == 0 => (true, format!("已导出「{file_name}」，含 {} 个文件。请把它保存在安全的地方。", files.len())),
        Ok(()) => (false, format!("已导出「{file_name}」，但有 {missing} 个文件已不在本机浏览器中，没有包含在备份里。")),
        Err(error) => (false, error),
    }
}

#[component]
pub fn BackupPanel() -> impl IntoView {
    let persistence = expect_context::<Persistence>();
    let message = RwSignal::new(None::<(bool, String)>);
    // A backup whose applicant's name is already on the list waits for the user's choice.
    let pending = RwSignal::new(None::<(Backup, Option<(String, String)>)>);
    let busy = RwSignal::new(false);

    let export = move |_| {
        busy.set(true);
        message.set(None);
        spawn_local(async move {
            let current = persistence.roster.with_untracked(|r| r.current.clone());
            message.set(Some(export_applicant(persistence, &current).await));
            busy.set(false);
        });
    };

    // Stores the backup's files, then its draft as a new applicant (`replace` = None) or over
    // the applicant the user chose to replace.
    let import = move |backup: Backup, replace: Option<(String, String)>| {
        pending.set(None);
        busy.set(true);
        spawn_local(async move {
            for file in &backup.files {
                if let Err(error) = file_store::put(&file.bytes, &file.mime).await {
                    message.set(Some((false, format!("没有导入：{error}"))));
                    busy.set(false);
                    return;
                }
            }
            persistence.sync_current_name();
            let label = persistence
                .roster
                .with_untracked(|r| r.unique_label(&backup.draft.basic.name));
            let replace_id = replace.as_ref().map(|(id, _)| id.as_str());
            match persistence.import(&backup.draft, &label, replace_id) {
                Err(error) => message.set(Some((false, format!("没有导入：{error}")))),
                Ok(replaced_files) => {
                    file_store::delete_unused(persistence, replaced_files).await;
                    let who = match &replace {
                        Some((_, name)) if name.is_empty() => {
                            format!("已导入申报人「{}」", persistence.current_name())
                        }
                        Some((_, name)) => format!("已用备份替换申报人「{name}」的内容"),
                        None => format!("已导入为新申报人「{label}」"),
                    };
                    let missing = backup.missing_files.len();
                    message.set(Some((
                        missing == 0,
                        if missing == 0 {
                            format!(
                                "{who}（备份导出于 {}），现在填写的就是这位申报人。",
                                backup.exported_at.replace('T', " ")
                            )
                        } else {
                            format!("{who}，但备份里缺少 {missing} 个文件，请在相应步骤重新上传。")
                        },
                    )));
                }
            }
            busy.set(false);
        });
    };

    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        message.set(None);
        pending.set(None);
        if let Err(error) = check_backup_size(file.size() as u64) {
            message.set(Some((false, error.message())));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let read = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            match read {
                Err(_) => message.set(Some((false, "无法读取这个文件，请重新选择。".into()))),
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    match read_backup_bytes(&bytes) {
                        Ok(backup) => {
                            persistence.sync_current_name();
                            let taken = persistence.roster.with_untracked(|r| {
                                let name = backup.draft.basic.name.trim();
                                (!name.is_empty())
                                    .then(|| r.find_by_display_name(name))
                                    .flatten()
                                    .map(|e| (e.id.clone(), e.display_name()))
                            });
                            // A browser with one blank, unnamed applicant (a first visit) takes the
                            // import in that place rather than keeping an empty entry beside it.
                            let blank = persistence
                                .roster
                                .with_untracked(|r| {
                                    (r.applicants.len() == 1
                                        && r.current_entry().label.trim().is_empty())
                                    .then(|| r.current.clone())
                                })
                                .filter(|_| persistence.draft.with_untracked(|d| d.is_empty()));
                            match (taken, blank) {
                                // `import` clears `busy` when it is done.
                                (None, Some(id)) => {
                                    return import(backup, Some((id, String::new())))
                                }
                                (None, None) => return import(backup, None),
                                (Some(taken), _) => pending.set(Some((backup, Some(taken)))),
                            }
                        }
                        Err(error) => {
                            message.set(Some((false, format!("没有导入：{}", error.message()))))
                        }
                    }
                }
            }
            busy.set(false);
        });
    };

    // Each outcome takes focus: the button or dialog that led to it is often gone by then.
    Effect::new(move |_| {
        if message.with(Option::is_some) {
            focus_after_render("backup-message");
        }
    });
    // The question about a name already on the list takes focus when it opens.
    Effect::new(move |_| {
        if pending.with(Option::is_some) {
            focus_after_render("import-dialog");
        }
    });

    view! {
        <section class="backup" aria-labelledby="backup-title">
            <h2 id="backup-title">"备份"</h2>
            <p class="hint">"把填写的内容和上传的文件导出为一个文件，换电脑或清理浏览器前请先导出。"</p>
            <div class="button-row">
                <button type="button" class="button button--secondary" on:click=export disabled=move || busy.get()>"导出备份"</button>
            </div>
            <div class="field">
                <label for="backup-file">"导入备份（选择以前导出的备份文件，导入为一位新申报人）"</label>
                <input id="backup-file" type="file" accept=".json,application/json" on:change=choose/>
            </div>
            {move || pending.get().map(|(backup, taken)| {
                let (taken_id, taken_name) = taken.unwrap_or_default();
                let new_label = persistence.roster.with_untracked(|r| r.unique_label(&backup.draft.basic.name));
                let as_new = backup.clone();
                let replacing = Some((taken_id.clone(), taken_name.clone()));
                view! {
                <div class="confirm" id="import-dialog" tabindex="-1" role="alertdialog" aria-labelledby="import-title" aria-describedby="import-detail"
                    on:keydown=on_escape(move || {
                        pending.set(None);
                        focus_after_render("backup-file");
                    })>
                    <p id="import-title"><strong>{format!(
                        "本机已有名为「{taken_name}」的申报人。备份（{} 导出，{} 个文件）怎样导入？",
                        backup.exported_at.replace('T', " "),
                        backup.files.len()
                    )}</strong></p>
                    <p id="import-detail">{format!("作为新申报人导入不会改动任何人的内容；替换会用备份覆盖「{taken_name}」现在的填写内容，无法恢复。")}</p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| import(as_new.clone(), None)>
                            {format!("作为新申报人「{new_label}」导入")}
                        </button>
                        <button type="button" class="button button--warning" on:click=move |_| import(backup.clone(), replacing.clone())>
                            {format!("替换「{taken_name}」的内容")}
                        </button>
                        <button type="button" class="button button--secondary" on:click=move |_| {
                            pending.set(None);
                            focus_after_render("backup-file");
                        }>"取消"</button>
                    </div>
                </div>
                }
            })}
            <p class="busy" role="status">{move || busy.get().then_some("正在处理…")}</p>
            {move || message.get().map(|(ok, text)| view! {
                <p id="backup-message" tabindex="-1" class=if ok { "notice notice--info" } else { "notice notice--warning" } role="alert">{text}</p>
            })}
        </section>
    }
}

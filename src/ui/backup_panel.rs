//! 导出备份 / 导入备份 on the overview: one file with the draft and its files (format in
//! docs/backup-format.md, built and checked by `rules::backup`). Until several applicants are
//! supported, an import replaces the current draft, and only after the applicant confirms.

use super::download::offer_text_file;
use super::file_store;
use super::persist::Persistence;
use crate::rules::backup::{
    check_backup_size, export_backup, read_backup_bytes, referenced_file_ids, Backup,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn BackupPanel() -> impl IntoView {
    let persistence = expect_context::<Persistence>();
    let draft = persistence.draft;
    let message = RwSignal::new(None::<(bool, String)>);
    let pending = RwSignal::new(None::<Backup>);
    let busy = RwSignal::new(false);

    let export = move |_| {
        busy.set(true);
        message.set(None);
        spawn_local(async move {
            let current = draft.get_untracked();
            let mut files = Vec::new();
            let mut missing = 0;
            for id in referenced_file_ids(&current) {
                match file_store::get(&id).await {
                    Ok(Some(file)) => files.push((id, file.mime, file.bytes)),
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
            let text = export_backup(&current, &files, &stamp);
            let name = current.basic.name.trim();
            let file_name = format!(
                "职称申报演练备份-{}{}.json",
                if name.is_empty() { "未命名" } else { name },
                &stamp[..10]
            );
            let result = offer_text_file(&file_name, &text, "application/json");
            message.set(Some(match result {
                Ok(()) if missing == 0 => (true, format!("已导出「{file_name}」，含 {} 个文件。请把它保存在安全的地方。", files.len())),
                Ok(()) => (false, format!("已导出「{file_name}」，但有 {missing} 个文件已不在本机浏览器中，没有包含在备份里。")),
                Err(error) => (false, error),
            }));
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
                        Ok(backup) => pending.set(Some(backup)),
                        Err(error) => {
                            message.set(Some((false, format!("没有导入：{}", error.message()))))
                        }
                    }
                }
            }
            busy.set(false);
        });
    };

    let confirm_import = move |_| {
        let Some(backup) = pending.get_untracked() else {
            return;
        };
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
            draft.set(backup.draft.clone());
            persistence.save_now();
            let missing = backup.missing_files.len();
            message.set(Some((
                missing == 0,
                if missing == 0 {
                    format!(
                        "已导入 {} 导出的备份。",
                        backup.exported_at.replace('T', " ")
                    )
                } else {
                    format!("已导入，但备份里缺少 {missing} 个文件，请在相应步骤重新上传。")
                },
            )));
            busy.set(false);
        });
    };

    view! {
        <section class="backup" aria-labelledby="backup-title">
            <h2 id="backup-title">"备份"</h2>
            <p class="hint">"把填写的内容和上传的文件导出为一个文件，换电脑或清理浏览器前请先导出。"</p>
            <div class="button-row">
                <button type="button" class="button button--secondary" on:click=export disabled=move || busy.get()>"导出备份"</button>
            </div>
            <div class="field">
                <label for="backup-file">"导入备份（选择以前导出的备份文件）"</label>
                <input id="backup-file" type="file" accept=".json,application/json" on:change=choose/>
            </div>
            {move || pending.get().map(|backup| view! {
                <div class="confirm" role="alertdialog" aria-labelledby="import-title">
                    <p id="import-title"><strong>{format!(
                        "导入「{}」（{} 导出，{} 个文件）会替换本机现在的填写内容，确定吗？",
                        if backup.draft.basic.name.trim().is_empty() { "未命名".to_string() } else { backup.draft.basic.name.clone() },
                        backup.exported_at.replace('T', " "),
                        backup.files.len()
                    )}</strong></p>
                    <p>"如需保留现在的内容，请先点「导出备份」。"</p>
                    <div class="button-row">
                        <button type="button" class="button button--warning" on:click=confirm_import>"确定导入"</button>
                        <button type="button" class="button button--secondary" on:click=move |_| pending.set(None)>"取消"</button>
                    </div>
                </div>
            })}
            <p class="busy" role="status">{move || busy.get().then_some("正在处理…")}</p>
            {move || message.get().map(|(ok, text)| view! {
                <p class=if ok { "notice notice--info" } else { "notice notice--warning" } role="alert">{text}</p>
            })}
        </section>
    }
}

//! The 申报人 page: the applicants kept in this browser, to create, rename, switch between and
//! delete (help sessions where staff work with one applicant after another on one computer).

use super::confirm::InlineConfirm;
use super::file_store;
use super::focus_after_render;
use super::persist::Persistence;
use crate::rules::progress::Page;
use crate::rules::roster::{LabelFit, RosterEntry, LABEL_MAX_CHARS};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the page last did, for the status line.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Done(String),
    Failed(String),
}

/// Shows what an action did in the status line and focuses it, so that it is read out and the
/// next Tab starts there.
fn tell(outcome: RwSignal<Option<Outcome>>, what: Outcome) {
    outcome.set(Some(what));
    focus_after_render("applicants-status");
}

#[component]
pub fn Applicants() -> impl IntoView {
    let persistence = expect_context::<Persistence>();
    // The list shows the 姓名 last saved; the one being typed may be newer.
    persistence.sync_current_name();
    let roster = persistence.roster;
    let outcome = RwSignal::new(None::<Outcome>);
    let renaming = RwSignal::new(None::<String>);
    let deleting = RwSignal::new(None::<String>);
    let new_label = RwSignal::new(String::new());
    let new_error = RwSignal::new(None::<String>);

    let go_to_overview = move || {
        let _ = window().location().set_hash(&Page::Overview.hash());
    };

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match persistence.create(&new_label.get_untracked()) {
            Ok(()) => {
                new_label.set(String::new());
                new_error.set(None);
                go_to_overview();
            }
            Err(message) => {
                new_error.set(Some(message));
                focus_after_render("new-applicant");
            }
        }
    };

    let row = move |(entry, name): (RosterEntry, String)| {
        let id = entry.id.clone();
        let is_current = {
            let id = id.clone();
            Memo::new(move |_| roster.with(|r| r.current == id))
        };
        let details = [
            entry.progress_text(),
            format!("编号 {}", entry.id),
            if entry.saved_at.is_empty() {
                "还没有填写内容".to_string()
            } else {
                format!("最后保存于 {}", entry.saved_at)
            },
        ]
        .join(" · ");
        // One person, one name: a label that looks like another spelling of the typed 姓名 is
        // pointed out, with the fix one tap away.
        let differs = match entry.label_fit() {
            LabelFit::Differs(label) => Some((label, entry.name.trim().to_string())),
            _ => None,
        };
        let switch = {
            let id = id.clone();
            move |_| match persistence.switch_to(&id) {
                Ok(()) => go_to_overview(),
                Err(message) => {
                    tell(outcome, Outcome::Failed(message));
                }
            }
        };
        let rename_id = id.clone();
        let delete_id = id.clone();
        let renaming_this = {
            let id = id.clone();
            Memo::new(move |_| renaming.get().as_deref() == Some(id.as_str()))
        };
        let deleting_this = {
            let id = id.clone();
            Memo::new(move |_| deleting.get().as_deref() == Some(id.as_str()))
        };
        // Two applicants may show the same 姓名 (a label and a typed name): the confirmation also
        // names the number and the last save, which tell them apart.
        let delete_title = format!(
            "删除申报人「{}」（编号 {}{}）？",
            entry.display_name(),
            entry.id,
            if entry.saved_at.is_empty() {
                String::new()
            } else {
                format!("，最后保存于 {}", entry.saved_at)
            }
        );
        let name_for_switch = name.clone();
        let name_for_rename = name.clone();
        let confirm_delete = {
            let id = id.clone();
            let name = name.clone();
            Callback::new(move |_: ()| {
                deleting.set(None);
                match persistence.remove(&id) {
                    Ok(files) => {
                        let name = name.clone();
                        spawn_local(async move {
                            let deleted = file_store::delete_unused(persistence, files).await;
                            let now = persistence.current_name();
                            tell(outcome, Outcome::Done(format!(
                                "已删除申报人「{name}」的填写内容和 {deleted} 个文件。现在填写的是「{now}」。"
                            )));
                        });
                    }
                    Err(message) => {
                        tell(outcome, Outcome::Failed(message));
                    }
                }
            })
        };
        let use_name = {
            let id = id.clone();
            move |name: String| match persistence.rename(&id, &name) {
                Ok(()) => {
                    tell(outcome, Outcome::Done(format!("已改为「{name}」。")));
                }
                Err(message) => {
                    tell(outcome, Outcome::Failed(message));
                }
            }
        };
        let export = {
            let id = id.clone();
            move |_| {
                let id = id.clone();
                spawn_local(async move {
                    let (ok, text) = super::backup_panel::export_applicant(persistence, &id).await;
                    tell(
                        outcome,
                        if ok {
                            Outcome::Done(text)
                        } else {
                            Outcome::Failed(text)
                        },
                    );
                });
            }
        };
        let heading_id = format!("applicant-{id}");
        let delete_button_id = format!("delete-{id}");
        view! {
            <li class="applicant" class:applicant--current=is_current
                aria-current=move || is_current.get().then_some("true")>
                <div class="applicant__head">
                    <strong class="applicant__name" id=heading_id.clone()>{name.clone()}</strong>
                    <Show when=move || is_current.get()>
                        <span class="badge">"正在填写"</span>
                    </Show>
                </div>
                <p class="hint" data-progress>{details}</p>
                {differs.map(|(label, name)| {
                    let fix = name.clone();
                    let use_name = use_name.clone();
                    view! {
                        <p class="notice notice--warning" data-name-differs>
                            {format!("名单上记作「{label}」，申报信息里的姓名是「{name}」。是同一个人的话，请以姓名为准（区分用的备注可写在名单里，如「二车间」）。")}
                            " "
                            <button type="button" class="button button--secondary" on:click=move |_| use_name(fix.clone())>
                                {format!("改为「{name}」")}
                            </button>
                        </p>
                    }
                })}
                <div class="button-row">
                    <Show when=move || !is_current.get()>
                        <button type="button" class="button" on:click=switch.clone()>
                            {format!("切换到「{name_for_switch}」")}
                        </button>
                    </Show>
                    <button type="button" class="button button--secondary" id=format!("rename-{id}")
                        aria-describedby=heading_id.clone()
                        aria-expanded=move || renaming_this.get().to_string()
                        on:click=move |_| {
                            deleting.set(None);
                            renaming.set(Some(rename_id.clone()));
                            focus_after_render("rename-input");
                        }>"改名"</button>
                    <button type="button" class="button button--secondary" id=delete_button_id.clone()
                        aria-describedby=heading_id.clone()
                        aria-expanded=move || deleting_this.get().to_string()
                        on:click=move |_| {
                            renaming.set(None);
                            deleting.set(Some(delete_id.clone()));
                        }>"删除"</button>
                    <button type="button" class="button button--secondary" aria-describedby=heading_id.clone()
                        on:click=export>"导出备份"</button>
                </div>
                <Show when=move || renaming_this.get()>
                    <RenameForm entry_id=id.clone() current=name_for_rename.clone() renaming=renaming outcome=outcome/>
                </Show>
                <Show when=move || deleting_this.get()>
                    <InlineConfirm id="delete-dialog".to_string() opener_id=delete_button_id.clone()
                        title=delete_title.clone()
                        detail="其填写内容，以及只有这位申报人用到的照片和附件，都会从这个浏览器删除，无法恢复。需要保留的话，请先用这一行的「导出备份」。"
                        confirm_label="确定删除"
                        on_confirm=confirm_delete
                        on_cancel=Callback::new(move |_| deleting.set(None))/>
                </Show>
            </li>
        }
    };

    view! {
        <nav class="breadcrumbs" aria-label="位置"><a href=Page::Overview.hash()>"返回总览"</a></nav>
        <h1 id="main-heading" tabindex="-1">"申报人"</h1>
        <p class="lead">
            "同一台电脑上可以为几位申报人分别演练：每人一份填写内容，照片和附件也各自分开。页面上方始终显示现在填写的是谁。"
        </p>
        // Focused after every action, so its result is read out and the next Tab starts here.
        <div id="applicants-status" tabindex="-1" class="applicants__status">
            {move || outcome.get().map(|outcome| match outcome {
                Outcome::Done(text) => view! { <p class="notice notice--info" role="status">{text}</p> }.into_any(),
                Outcome::Failed(text) => view! { <p class="notice notice--warning" role="alert">{text}</p> }.into_any(),
            })}
        </div>
        <ul class="applicant-list" aria-label="本机的申报人">
            // Keyed by the whole entry: a row is rebuilt only when what it shows changed.
            <For each=move || roster.with(|r| {
                    r.applicants.iter().map(|e| (e.clone(), r.shown_name(&e.id))).collect::<Vec<_>>()
                })
                key=|shown| shown.clone() children=row/>
        </ul>
        <section class="new-applicant" aria-labelledby="new-applicant-title">
            <h2 id="new-applicant-title">"新建申报人"</h2>
            <form on:submit=create novalidate>
                <div class="field" class:field--error=move || new_error.with(Option::is_some)>
                    <label for="new-applicant">"申报人的姓名或称呼"</label>
                    <p class="hint" id="new-applicant-hint">{format!("最多 {LABEL_MAX_CHARS} 个字。同名时请加上区分，例如「张伟（二车间）」。")}</p>
                    {move || new_error.get().map(|m| view! { <p class="error-text" id="new-applicant-error">{m}</p> })}
                    <input id="new-applicant" type="text" autocomplete="off"
                        aria-describedby=move || if new_error.with(Option::is_some) { "new-applicant-hint new-applicant-error" } else { "new-applicant-hint" }
                        aria-invalid=move || new_error.with(Option::is_some).then_some("true")
                        prop:value=move || new_label.get()
                        on:input=move |ev| new_label.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="button">"新建并开始填写"</button>
            </form>
            <p class="hint">"要把导出的备份恢复为一位申报人，请用总览页「备份」里的「导入备份」。"</p>
        </section>
    }
}

#[component]
fn RenameForm(
    entry_id: String,
    current: String,
    renaming: RwSignal<Option<String>>,
    outcome: RwSignal<Option<Outcome>>,
) -> impl IntoView {
    let persistence = expect_context::<Persistence>();
    let back = format!("rename-{entry_id}");
    let typed = RwSignal::new(current.clone());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let label = typed.get_untracked();
        match persistence.rename(&entry_id, &label) {
            Ok(()) => {
                renaming.set(None);
                tell(
                    outcome,
                    Outcome::Done(format!("已把「{current}」改名为「{}」。", label.trim())),
                );
            }
            Err(message) => {
                error.set(Some(message));
                focus_after_render("rename-input");
            }
        }
    };
    view! {
        <form class="rename" on:submit=save novalidate>
            <div class="field" class:field--error=move || error.with(Option::is_some)>
                <label for="rename-input">"新的名称"</label>
                {move || error.get().map(|m| view! { <p class="error-text" id="rename-error">{m}</p> })}
                <input id="rename-input" type="text" autocomplete="off"
                    aria-describedby=move || error.with(Option::is_some).then_some("rename-error")
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))/>
            </div>
            <div class="button-row">
                <button type="submit" class="button">"保存名称"</button>
                <button type="button" class="button button--secondary" on:click=move |_| {
                    renaming.set(None);
                    focus_after_render(&back);
                }>"取消"</button>
            </div>
        </form>
    }
}

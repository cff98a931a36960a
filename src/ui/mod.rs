//! The Leptos shell: gathers input, asks the rules core, shows its answers. No rule lives here.

mod achievements_step;
mod applicants;
mod attachments_step;
mod backup_panel;
mod composer;
mod confirm;
mod download;
mod entry_list;
mod fields;
mod file_store;
mod imaging;
mod info_step;
mod items;
mod lazy_pages;
mod notices;
mod overview;
pub mod persist;
mod photo_step;
mod pledge_step;
mod preview_step;
mod privacy;
mod process;
mod rules_loader;
mod rules_page;
mod score_view;
mod step_page;

use crate::rules::assess::{assess_with_plan, assessments_made, Assessment};
use crate::rules::date::CivilDate;
use crate::rules::draft::Draft;
use crate::rules::progress::Page;
use crate::rules::progress::{step_statuses, steps_done, StepStatus};
use crate::rules::rules_file::plan_by_choice;
use leptos::prelude::*;
use persist::Persistence;

pub fn start() {
    console_error_panic_hook_lite();
    // The rules file is read first, so that every assessment from the first render on uses the
    // rules in use; the other pages' part is the last connection this page makes.
    wasm_bindgen_futures::spawn_local(async {
        // Before anything reads localStorage: what a killed browser lost is put back.
        persist::recover().await;
        rules_loader::load().await;
        if let Some(boot) = document().get_element_by_id("boot") {
            boot.remove();
        }
        leptos::mount::mount_to_body(App);
        lazy_pages::preload_all(forbid_all_connections);
        register_offline_support();
    });
}

/// index.html's policy must allow `connect-src 'self'` for the requests that load this program's
/// two `.wasm` parts (src/ui/lazy_pages.rs). Once they are in, nothing may connect anywhere, its
/// own site included: a second policy is added, and the browser enforces both (so the stricter one wins). Downloads, blob:
/// images and the service worker's own caching are not connections of this page.
fn forbid_all_connections() {
    let document = document();
    let Ok(meta) = document.create_element("meta") else {
        return;
    };
    let _ = meta.set_attribute("http-equiv", "Content-Security-Policy");
    let _ = meta.set_attribute("content", "connect-src 'none'");
    let _ = meta.set_attribute("data-after-start", "");
    if let Ok(Some(head)) = document.query_selector("head") {
        let _ = head.append_child(&meta);
    }
}

/// The service worker (`sw.js`) keeps the app's own files so it opens offline after one visit.
/// Browsers without it, or pages opened from `file://`, simply work online only.
fn register_offline_support() {
    let navigator = window().navigator();
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        let _ = navigator.service_worker().register("./sw.js");
    }
}

/// Panics are bugs, but a user must still see that something broke rather than a frozen page.
fn console_error_panic_hook_lite() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            let _ = body.insert_adjacent_html(
                "afterbegin",
                "<p class=\"fatal\" role=\"alert\">本工具出现内部错误，请刷新页面。已自动保存的内容不会丢失。</p>",
            );
        }
    }));
}

/// Today's date in the browser's time zone, for rules that compare against "now".
pub fn today() -> CivilDate {
    let now = js_sys::Date::new_0();
    CivilDate::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or(CivilDate {
        year: 2000,
        month: 1,
        day: 1,
    })
}

fn current_page() -> Page {
    let hash = window().location().hash().unwrap_or_default();
    Page::from_hash(&hash)
}

/// The one assessment of the current draft, in context: every page and panel reads it, none
/// computes its own, so a draft change computes exactly one.
#[derive(Clone, Copy)]
struct Assessed(Memo<Assessment>);

/// The current draft's assessment (provided by [`App`]).
pub fn assessment() -> Memo<Assessment> {
    expect_context::<Assessed>().0
}

fn provide_assessment(draft: RwSignal<Draft>) {
    let memo = Memo::new(move |_| {
        draft.with(|d| assess_with_plan(&d.applicant, &plan_by_choice(d.applicant.plan_year)))
    });
    provide_context(Assessed(memo));
    // How many assessments have been computed, on <body> for the browser tests to count.
    Effect::new(move |_| {
        // The draft, not only the memo: a change that leaves the assessment equal (a name typed)
        // still computes one, and the memo then tells nobody.
        draft.track();
        // Read, not only tracked, so that it is computed before it is counted.
        memo.with(|_| ());
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-assessments", &assessments_made().to_string());
        }
    });
}

/// The six steps' statuses of the current draft, in context like the assessment: computed once
/// per change from it, read by the overview and noted on the 申报人 list (「助理工程师 · 3/6 步」).
#[derive(Clone, Copy)]
struct Statuses(Memo<[StepStatus; 6]>);

pub fn statuses() -> Memo<[StepStatus; 6]> {
    expect_context::<Statuses>().0
}

fn provide_statuses(persistence: Persistence) {
    let assessment = assessment();
    let draft = persistence.draft;
    let today = today();
    let memo = Memo::new(move |_| assessment.with(|a| draft.with(|d| step_statuses(d, a, today))));
    provide_context(Statuses(memo));
    Effect::new(move |_| {
        let done = memo.with(steps_done);
        let level = assessment.with(|a| a.eligibility.level);
        persistence.note_progress(if level.is_set() { level.label() } else { "" }, done);
    });
}

#[component]
fn App() -> impl IntoView {
    let persistence = Persistence::start();
    provide_context(persistence);
    provide_assessment(persistence.draft);
    provide_statuses(persistence);

    // Hash routing: `dist/` is served as plain files from any folder, so the address after `#` is
    // the only part a static server never looks at (ARCHITECTURE.md, "Routing").
    let page = RwSignal::new(current_page());
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        // Leaving a step without 下一步 shows nothing red on return (issue 16): which problems
        // are shown belongs to one visit of the page (fields::FormCtx).
        page.set(current_page());
        // The new page renders on the next tick; focus its heading once it is there.
        request_animation_frame(focus_main_heading);
    });
    on_cleanup(move || on_hash.remove());

    view! {
        <a class="skip-link" href="#main-heading" on:click=move |ev| {
            ev.prevent_default();
            focus_main_heading();
        }>"跳到正文"</a>
        <header>
            <div class="app-header">
                <div class="app-header__inner">
                    <a class="app-name" href="#/">"职称申报演练"</a>
                    <span class="app-scope">"温州市机电专业 技术员 · 助理工程师 · 工程师"</span>
                    <LargeTextToggle/>
                </div>
            </div>
            <p class="rehearsal-banner" role="note">
                "本工具仅供演练，所填内容只保存在本机浏览器，不会上传。"
                " "<a href="#/data">"数据去哪儿了？"</a>
            </p>
            <div class="page-width page-width--header">
                <p class="current-applicant">
                    "当前申报人："
                    <strong data-current-applicant>{move || persistence.current_name()}</strong>
                    " "<a href=Page::Applicants.hash()>"切换或新建申报人"</a>
                </p>
                <notices::SaveBar/>
                <RulesStrip/>
            </div>
        </header>
        <div class="page-width">
            <main id="main">
                <notices::StartNotices/>
                {move || match page.get() {
                    Page::Overview => {
                        document().set_title("申报演练总览 - 职称申报演练");
                        view! { <overview::Overview/> }.into_any()
                    }
                    Page::Step(step) => view! { <step_page::StepPage step=step/> }.into_any(),
                    Page::Applicants => {
                        document().set_title("申报人 - 职称申报演练");
                        lazy_pages::lazily(lazy_pages::applicants_page())
                    }
                    Page::DataPrivacy => {
                        document().set_title("数据去哪儿了 - 职称申报演练");
                        lazy_pages::lazily(lazy_pages::privacy_page())
                    }
                    Page::Rules => {
                        document().set_title("规则数据 - 职称申报演练");
                        lazy_pages::lazily(lazy_pages::rules_page())
                    }
                    Page::Compose => {
                        document().set_title("合成 PDF - 职称申报演练");
                        lazy_pages::lazily(lazy_pages::compose_page())
                    }
                    Page::Process => {
                        document().set_title("提交以前和提交以后 - 职称申报演练");
                        lazy_pages::lazily(lazy_pages::process_page())
                    }
                }}
            </main>
        </div>
    }
}

/// On every page while the association's rules file cannot be used: that the built-in rules are
/// in use, and why.
#[component]
fn RulesStrip() -> impl IntoView {
    use crate::rules::rules_file::{in_use, latest_plan, Source};
    let Source::BuiltIn { why: Some(why), .. } = &in_use().source else {
        return None;
    };
    Some(view! {
        <p class="rules-strip" role="note" data-rules-strip>
            {format!(
                "规则数据文件暂时无法使用（{why}），本工具按内置的规则运行（已发布的最新计划为 {} 年度）。",
                latest_plan().year
            )}
            " "<a href=Page::Rules.hash()>"查看规则数据"</a>
        </p>
    })
}

/// 大字模式 (MIIT 适老化): larger text and stronger contrast, remembered by this browser.
#[component]
fn LargeTextToggle() -> impl IntoView {
    let on = RwSignal::new(persist::large_text_preferred());
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("large-text", on.get());
        }
    });
    view! {
        <button type="button" class="large-text-toggle" aria-pressed=move || on.get().to_string()
            on:click=move |_| {
                let next = !on.get_untracked();
                on.set(next);
                persist::remember_large_text(next);
            }>
            "大字模式"
        </button>
    }
}

/// Escape closes an inline confirmation, as its 取消 does.
pub(crate) fn on_escape(
    cancel: impl Fn() + Send + Sync + 'static,
) -> impl FnMut(leptos::ev::KeyboardEvent) + Send + Sync + 'static {
    move |ev| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            cancel();
        }
    }
}

/// Focuses the element with this id once the changes just made to signals are on screen (Leptos
/// renders them after the current task: focusing at once could hit a hidden or missing element,
/// and focus would fall to the page body).
pub(crate) fn focus_after_render(id: &str) {
    let id = id.to_string();
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(element) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

fn focus_main_heading() {
    if let Some(heading) = document().get_element_by_id("main-heading") {
        use wasm_bindgen::JsCast;
        if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
            let _ = heading.focus();
        }
    }
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

//! 规则数据 (`#/rules`): the rules in use — which file, every plan year with its dates and lists,
//! what is derived, the route years and the score table — and, for the association, a check of
//! a candidate rules file chosen from disk: every problem, or what it changes. Nothing is sent.

use crate::rules::plan::Plan;
use crate::rules::progress::Page;
use crate::rules::rules_changes::{basic_fields, changes, plan_fields, row_scoring};
use crate::rules::rules_file::{self, in_use, plan_by_choice, Source, FILE_PATH};
use crate::rules::verdict::num;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn rows_table(caption: String, rows: Vec<(&'static str, String)>) -> impl IntoView {
    view! {
        <table class="rules-table">
            <caption>{caption}</caption>
            <tbody>
                {rows.into_iter().map(|(label, value)| view! {
                    <tr><th scope="row">{label}</th><td>{value}</td></tr>
                }).collect::<Vec<_>>()}
            </tbody>
        </table>
    }
}

fn plan_view(plan: &Plan) -> impl IntoView {
    let state = match plan.derived_note() {
        Some(note) => note,
        None => format!("已发布（{}）", plan.notice),
    };
    let counties = plan
        .mountain_counties
        .iter()
        .map(|c| format!("{}{}", c.city, c.county))
        .collect::<Vec<_>>()
        .join("、");
    view! {
        <section class="rules-plan" data-plan-year=plan.year aria-labelledby=format!("plan-{}", plan.year)>
            <h3 id=format!("plan-{}", plan.year)>{format!("{} 年度", plan.year)}</h3>
            <p class="hint">{state}</p>
            {rows_table(format!("{} 年度的日期", plan.year), plan_fields(plan))}
            <h4>"受理点"</h4>
            <ul class="rules-list">
                {plan.acceptance_points.iter().map(|p| view! {
                    <li>{format!("{}（{}）：{}", p.name, p.organizer, p.phones.join("、"))}</li>
                }).collect::<Vec<_>>()}
            </ul>
            <h4>{format!("山区县（{} 个）", plan.mountain_counties.len())}</h4>
            <p data-counties>{counties}</p>
            <h4>"常用专业名称"</h4>
            <p>{plan.common_specialties.join("、")}</p>
        </section>
    }
}

/// The candidate check: what the association sees before it copies a file to the site.
#[component]
fn CandidateCheck() -> impl IntoView {
    // (title, lines, fine)
    let result = RwSignal::new(None::<(String, Vec<String>, bool)>);
    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        if file.size() > 2.0 * 1024.0 * 1024.0 {
            result.set(Some((
                format!("「{name}」太大，不像规则文件（规则文件一般不到 100 KB）"),
                Vec::new(),
                false,
            )));
            return;
        }
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            let answer = match text {
                None => (format!("无法读取「{name}」，请重新选择"), Vec::new(), false),
                Some(text) => match rules_file::parse(&text) {
                    Err(problems) => (
                        format!(
                            "「{name}」有 {} 处问题，请改正后再检查；在问题改正之前不要发布：",
                            problems.len()
                        ),
                        problems.iter().map(|p| p.text()).collect(),
                        false,
                    ),
                    Ok(candidate) => {
                        let found = changes(&in_use().rules, &candidate);
                        if found.is_empty() {
                            (
                                format!("「{name}」没有问题，与当前使用的规则完全相同。"),
                                found,
                                true,
                            )
                        } else {
                            (
                                format!(
                                    "「{name}」没有问题。与当前使用的规则相比有 {} 处变化：",
                                    found.len()
                                ),
                                found,
                                true,
                            )
                        }
                    }
                },
            };
            result.set(Some(answer));
            super::focus_after_render("candidate-result");
        });
    };
    view! {
        <section class="prose" aria-labelledby="candidate-title">
            <h2 id="candidate-title">"发布前检查新的规则文件"</h2>
            <p>{format!("改好的规则文件先在这里检查，没有问题再复制到网站的 {FILE_PATH}。文件只在你的浏览器里读取，不会上传。")}</p>
            <div class="field">
                <label for="candidate-file">"选择要检查的规则文件"</label>
                <input id="candidate-file" type="file" accept=".json,application/json" on:change=choose/>
            </div>
            {move || result.get().map(|(title, lines, fine)| view! {
                <div id="candidate-result" tabindex="-1" role="status"
                    class=if fine { "notice notice--info" } else { "notice notice--warning" }
                    data-candidate=if fine { "ok" } else { "problems" }>
                    <p><strong>{title}</strong></p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect::<Vec<_>>()}</ul>
                    {fine.then(|| view! {
                        <p>{format!("确认这些变化都是通知里写的，就可以把这个文件复制到网站，替换 {FILE_PATH}。用户下次联网打开本工具时生效。")}</p>
                    })}
                </div>
            })}
        </section>
    }
}

#[component]
pub fn RulesPage() -> impl IntoView {
    let used = in_use();
    let rules = &used.rules;
    let source = match &used.source {
        Source::File => view! {
            <p data-rules-source="file">{format!("正在使用网站上的规则文件 {FILE_PATH}（已逐项检查，没有问题）。")}</p>
        }
        .into_any(),
        Source::BuiltIn { why, problems } => view! {
            <div data-rules-source="built-in">
                <p>{match why {
                    Some(why) => format!("规则文件暂时无法使用（{why}），正在使用本工具内置的规则。"),
                    None => "正在使用本工具内置的规则。".to_string(),
                }}</p>
                <ul class="rules-problems">
                    {problems.iter().map(|p| view! { <li>{p.text()}</li> }).collect::<Vec<_>>()}
                </ul>
            </div>
        }
        .into_any(),
    };
    let today_plan = plan_by_choice(used.default_year);
    let today_text = format!(
        "今天默认的申报年度：{}。{}",
        today_plan.label(),
        today_plan
            .derived_note()
            .unwrap_or_else(|| "该年度计划已发布。".into())
    );
    let derived = today_plan.derived.then(|| plan_view(&today_plan));
    let c = &rules.conditions;
    let t = &c.score_table;
    let ce = format!(
        "每年 {} 学时，其中专业科目不少于 {}、公需科目（一般公需 + 行业公需）不少于 {}；在温社保须 {} 个月以上",
        num(t.basic.continuing_education.standard),
        num(c.continuing_education.professional),
        num(c.continuing_education.public),
        c.social_insurance_months
    );
    let caps = format!(
        "基本条件最高 {} 分，成果业绩最高 {} 分；破格须自评 {} 分；山区县工作每满 1 年加 {} 分，最多 {} 分",
        num(t.caps.basic),
        num(t.caps.achievements),
        num(t.caps.exceptional_threshold),
        num(t.caps.mountain_per_year),
        num(t.caps.mountain_max)
    );
    view! {
        <nav class="breadcrumbs" aria-label="位置"><a href=Page::Overview.hash()>"返回总览"</a></nav>
        <h1 id="main-heading" tabindex="-1">"规则数据"</h1>
        <section class="prose" aria-labelledby="source-title">
            <h2 id="source-title">"正在使用的规则"</h2>
            {source}
            <p data-today-round>{today_text}</p>
            <p>"各年度的日期和名单、申报途径的年限和量化评价标准都来自规则文件；温州市机电技术协会每年可以按新通知更新这个文件，不需要改程序。更新方法见规则文件旁的说明 rules/publishing.md。"</p>
        </section>
        <CandidateCheck/>
        <section class="prose" aria-labelledby="plans-title">
            <h2 id="plans-title">"申报计划"</h2>
            {rules.plans.iter().rev().map(plan_view).collect::<Vec<_>>()}
            {derived}
        </section>
        <section class="prose" aria-labelledby="conditions-title">
            <h2 id="conditions-title">{format!("评价条件（{}）", c.document)}</h2>
            <p>{ce}</p>
            <table class="rules-table">
                <caption>"申报途径与年限"</caption>
                <thead><tr><th scope="col">"条款"</th><th scope="col">"条件"</th><th scope="col">"年限"</th></tr></thead>
                <tbody>
                    {c.routes.iter().map(|r| view! {
                        <tr data-route-years=r.id.clone()>
                            <td>{r.cite.clone()}</td><td>{r.title.clone()}</td>
                            <td>{r.years.map_or("—".to_string(), |y| format!("{y} 年"))}</td>
                        </tr>
                    }).collect::<Vec<_>>()}
                </tbody>
            </table>
            <details class="rules-details">
            <summary>{format!("量化评价标准（{} 个计分行）", t.rows.len())}</summary>
            <p>{caps}</p>
            {rows_table("基本条件".into(), basic_fields(&t.basic))}
            {t.categories.iter().map(|cat| view! {
                <table class="rules-table">
                    <caption>{format!("{}{}", cat.name, cat.subtotal_cap.map_or(String::new(), |cap| format!("（小计最高 {} 分）", num(cap))))}</caption>
                    <tbody>
                        {t.rows_of(&cat.id).map(|row| view! {
                            <tr data-score-row=row.id.clone()><th scope="row">{row.label.clone()}</th><td>{row_scoring(row)}</td></tr>
                        }).collect::<Vec<_>>()}
                    </tbody>
                </table>
                <p class="hint">{cat.note.clone()}</p>
            }).collect::<Vec<_>>()}
            </details>
        </section>
    }
}

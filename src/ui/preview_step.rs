//! Step 6 预览确认提交: the summary an applicant needs before the real portal, every open problem
//! as a link, every answer with a 修改 link, and a print layout for A4.

use super::today;
use crate::rules::assess::Assessment;
use crate::rules::draft::Draft;
use crate::rules::progress::{EditRequest, Page};
use crate::rules::review::{answer_sections, open_problems};
use crate::rules::verdict::Status;
use leptos::prelude::*;

#[component]
pub fn PreviewStep(draft: RwSignal<Draft>) -> impl IntoView {
    let assessment = super::assessment();
    let today = today();
    let problems =
        Memo::new(move |_| assessment.with(|a| draft.with(|d| open_problems(d, a, today))));
    let sections = Memo::new(move |_| assessment.with(|a| draft.with(|d| answer_sections(d, a))));
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <p class="print-only print-header">
            {move || assessment.with(|a| format!("{} · 打印日期 {}", a.plan.label(), today.chinese()))}
            <br/>"本页由「职称申报演练」在本机生成，仅供核对，不是平台的正式材料。"
        </p>
        <div class="button-row no-print">
            <button type="button" class="button" on:click=print>"打印 / 保存为 PDF"</button>
        </div>
        <p class="no-print" data-process-link>
            "在真实平台上提交以后，还有公示、逐级审核和评审表盖章："
            <a href=Page::Process.hash()>"提交以后还要做什么"</a>
        </p>
        <Summary assessment=assessment/>
        <section class="review-problems" aria-labelledby="problems-title">
            <h2 id="problems-title">{move || problems.with(|p| if p.is_empty() {
                "没有发现问题".to_string()
            } else {
                format!("还有 {} 个问题要处理", p.len())
            })}</h2>
            <ul class="problem-list">
                {move || problems.get().into_iter().map(|p| {
                    let href = EditRequest::link(p.target.step, p.target.field.as_deref());
                    view! {
                        <li data-problem-step=p.target.step.slug()>
                            <a href=href>{format!("第 {} 步 · {}", p.target.step.number(), p.message)}</a>
                        </li>
                    }
                }).collect::<Vec<_>>()}
            </ul>
        </section>
        {move || sections.get().into_iter().map(|section| view! {
            <section class="answers" aria-labelledby=format!("answers-{}", section.step.slug())>
                <h2 id=format!("answers-{}", section.step.slug())>
                    {format!("第 {} 步 · {}", section.step.number(), section.title)}
                </h2>
                <dl class="answer-list">
                    {section.rows.into_iter().map(|row| {
                        let href = EditRequest::link(row.target.step, row.target.field.as_deref());
                        let empty = row.value == "未填写";
                        view! {
                            <div class="answer">
                                <dt>{row.label.clone()}</dt>
                                <dd class:answer--empty=empty>{row.value}</dd>
                                <dd class="answer__edit no-print">
                                    <a href=href>"修改"<span class="visually-hidden">{row.label}</span></a>
                                </dd>
                            </div>
                        }
                    }).collect::<Vec<_>>()}
                </dl>
            </section>
        }).collect::<Vec<_>>()}
    }
}

#[component]
fn Summary(assessment: Memo<Assessment>) -> impl IntoView {
    move || {
        assessment.with(|a| {
            let e = &a.eligibility;
            let s = &a.score;
            let met_routes: Vec<String> = e
                .routes
                .iter()
                .filter(|r| r.verdict.status == Status::Met)
                .map(|r| format!("{} {}", r.verdict.cite, r.verdict.title))
                .collect();
            let verdict = if !e.level.is_set() {
                "还没有选择申报级别".to_string()
            } else {
                format!("{}：{}", e.level.label(), e.status.label())
            };
            view! {
                <section class="review-summary" aria-labelledby="summary-title">
                    <h2 id="summary-title">"申报前须知"</h2>
                    <p class="eligibility__status" data-summary-eligibility=e.status.key()>{verdict}</p>
                    <ul>{met_routes.into_iter().map(|r| view! { <li>{format!("符合 {r}")}</li> }).collect::<Vec<_>>()}</ul>
                    {e.summary.iter().map(|m| view! { <p>{m.clone()}</p> }).collect::<Vec<_>>()}
                    {super::info_step::route_advice(e)}
                    {e.openings.iter().map(|m| view! { <p data-opens>{m.clone()}</p> }).collect::<Vec<_>>()}
                    {a.plan.derived_note().map(|n| view! { <p class="hint">{n}</p> })}
                    {super::score_view::totals(s, true)}
                    {super::score_view::threshold(s, e.level)}
                    <details class="breakdown" open>
                        <summary>"计分明细"</summary>
                        <ul class="breakdown__lines">
                            {s.lines.iter().map(super::score_view::line_view).collect::<Vec<_>>()}
                        </ul>
                    </details>
                </section>
            }
        })
    }
}

//! The overview: the six portal steps as a task list, each with the status the rules core gives.

use super::fields::FormCtx;
use super::persist::Persistence;
use crate::rules::progress::{Page, Step};
use leptos::prelude::*;

/// The round this draft is checked against (and whether it is derived or older than today's), and
/// when the routes short only of time open.
#[component]
fn RoundSummary() -> impl IntoView {
    let assessment = super::assessment();
    let facts = Memo::new(move |_| {
        assessment.with(|a| (a.plan.checked_against(), a.eligibility.openings.clone()))
    });
    view! {
        <super::info_step::NewerRoundNotice/>
        {move || facts.with(|(round, openings)| view! {
            <p class="hint" data-overview-round>{round.clone()}</p>
            {(!openings.is_empty()).then(|| view! {
                <ul class="openings" data-overview-openings>
                    {openings.iter().map(|o| view! { <li>{o.clone()}</li> }).collect::<Vec<_>>()}
                </ul>
            })}
        })}
    }
}

/// The chosen level's status and the route advice (how to answer on the portal, 初定 / 直接晋升),
/// so that the most useful advice is not only in the middle of step 3 (issue 16).
#[component]
fn LevelAdvice() -> impl IntoView {
    let assessment = super::assessment();
    move || {
        assessment.with(|a| {
            let e = &a.eligibility;
            e.level.is_set().then(|| {
                view! {
                    <section class="overview-advice" aria-labelledby="overview-advice-title">
                        <h2 id="overview-advice-title">"申报建议"</h2>
                        <p class=format!("eligibility__status eligibility__status--{}", e.status.key())
                            data-overview-eligibility=e.status.key()>
                            {format!("{}：{}", e.level.label(), e.status.label())}
                        </p>
                        {e.summary.first().map(|s| view! { <p>{s.clone()}</p> })}
                        {super::info_step::route_advice(e)}
                    </section>
                }
            })
        })
    }
}

#[component]
pub fn Overview() -> impl IntoView {
    let persistence = expect_context::<Persistence>();
    let draft = persistence.draft;
    let statuses = super::statuses();
    let rows = Step::ALL
        .into_iter()
        .map(|step| {
            let status = Memo::new(move |_| statuses.with(|all| all[step.number() - 1]));
            let status_id = format!("status-{}", step.slug());
            view! {
                <li class="task-list__item">
                    <span class="task-list__number" aria-hidden="true">{step.number()}</span>
                    <a class="task-list__link" href=Page::Step(step).hash()
                        aria-describedby=status_id.clone()>{step.title()}</a>
                    <strong id=status_id
                        class=move || format!("status status--{}", status.get().key())
                        data-status=move || status.get().key()>
                        {move || status.get().label()}
                    </strong>
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <h1 id="main-heading" tabindex="-1">"申报演练总览"</h1>
        <p class="lead">
            "浙江省职称申报平台的个人申报分六步。按顺序完成下面每一步，本工具会按温州市机电专业的评审文件逐项检查。"
        </p>
        <section class="overview-plan" aria-labelledby="overview-plan-title">
            <h2 id="overview-plan-title">"先选评审计划"</h2>
            <p class="hint" data-portal-before>
                "在真实平台上，做这六步以前要先填好「我的业绩档案」并经用人单位审核通过，再搜索「机电」选评审计划。"
                <a href=Page::Process.hash()>"提交以前和提交以后"</a>
            </p>
            {super::info_step::plan_select(FormCtx::new(draft, Memo::new(|_| Vec::new())))}
            <RoundSummary/>
        </section>
        <ol class="task-list">{rows}</ol>
        <LevelAdvice/>
        <super::backup_panel::BackupPanel/>
        <p class="hint">
            <a href=Page::Rules.hash()>"规则数据"</a>
            "：本工具所用的申报计划、申报条件和评分表；发布本工具的单位可在那里检查新的规则文件。"
        </p>
    }
}

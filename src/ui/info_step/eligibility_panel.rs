//! Step 3's verdict in two places: right under 申报级别 the level's status, what is still short,
//! how to answer on the portal and the 初定 / 直接晋升 hints (`LevelVerdict`); at the end of the
//! step every route of the chosen level and every general condition, one line each, with what it
//! asks behind a fold (`EligibilityPanel`).

use super::*;
use crate::rules::applicant::Level;
use crate::rules::eligibility::Eligibility;
use crate::rules::verdict::Status;

/// One verdict as one line (status, article, what the rule asks, what is short), with the round
/// it opens in and its messages behind the line's fold.
pub(super) fn verdict_item(v: &Verdict, opens: Option<&String>) -> impl IntoView {
    let opens = opens.cloned();
    view! {
        <li class=format!("route route--{}", v.status.key()) data-route=v.id.clone()
            data-status=v.status.key()>
            <details>
                <summary class="route__head">
                    <span class="route__badge">{v.status.label()}</span>
                    <strong>{v.cite.clone()}</strong>" "{v.title.clone()}
                    {v.shortfall.clone().map(|s| view! { " "<span class="route__shortfall">{s}</span> })}
                </summary>
                {opens.map(|o| view! { <p class="route__opens" data-opens>{o}</p> })}
                <ul class="route__messages">
                    {v.messages.iter().map(|m| view! { <li>{m.clone()}</li> }).collect::<Vec<_>>()}
                </ul>
            </details>
        </li>
    }
}

/// How to answer on the portal for the route that fits (平台上应这样选) and the 初定 / 直接晋升
/// hints: the most useful advice, shown under 申报级别, on the overview and on the preview.
pub fn route_advice(e: &Eligibility) -> impl IntoView {
    let advice = e.advice.as_ref().map(|advice| {
        view! {
            <div class="advice" data-advice>
                <h3>"平台上应这样选"</h3>
                <p>{format!("按{}申报：申报方式「{}」，资格类型「{}」，聘任情况「{}」。",
                    advice.cite, advice.mode.label(), advice.qualification_type.label(), advice.appointment.label())}</p>
                {advice.messages.iter().map(|m| view! { <p>{m.clone()}</p> }).collect::<Vec<_>>()}
            </div>
        }
    });
    let hints = e
        .hints
        .iter()
        .map(|h| view! { <p class="hint-box" data-route-hint><strong>{h.cite.clone()}</strong>" "{h.message.clone()}</p> })
        .collect::<Vec<_>>();
    view! { {advice}{hints} }
}

/// The chosen level's verdict, under 申报级别: before a level is chosen, one sentence.
#[component]
pub fn LevelVerdict(assessment: Memo<Assessment>) -> impl IntoView {
    let body = move || {
        assessment.with(|a| {
            let e = &a.eligibility;
            if e.level == Level::Unset {
                return view! {
                    <p class="level-verdict__none">"选好申报级别后，这里会说明能不能申报、走哪一条途径。"</p>
                }
                .into_any();
            }
            // The routes' line, then the general conditions not yet met in one line: each is
            // listed with what it asks at the end of the step.
            let open = e.general_still_open();
            let general = (!open.is_empty())
                .then(|| view! { <p>{format!("基本条件还要核对：{}", open.join("、"))}</p> });
            view! {
                <p class=format!("eligibility__status eligibility__status--{}", e.status.key())
                    data-eligibility=e.status.key()>
                    {format!("{}：{}", e.level.label(), e.status.label())}
                </p>
                {e.summary.first().map(|s| view! { <p>{s.clone()}</p> })}
                {general}
                {route_advice(e)}
                <p><a href="#eligibility-title" on:click=|_| open_route_list()>
                    {format!("逐条核对：{} 条申报途径、{} 项基本条件（页面底部）", e.routes.len(), e.general.len())}
                </a></p>
            }
            .into_any()
        })
    };
    view! {
        <div class="level-verdict" id="level-verdict" aria-live="polite">{body}</div>
    }
}

/// Opens the route list (its link in the verdict leads there).
fn open_route_list() {
    if let Some(list) = document().get_element_by_id("route-list") {
        let _ = list.set_attribute("open", "");
    }
}

/// Every route of the chosen level and every general condition, one line each: folded until the
/// applicant has given a fact (before that, each would only say 信息不全), open from then on
/// unless the applicant folds it.
#[component]
pub fn EligibilityPanel(assessment: Memo<Assessment>, draft: RwSignal<Draft>) -> impl IntoView {
    let has_facts = Memo::new(move |_| draft.with(|d| d.applicant.has_facts()));
    let body = move || {
        assessment.with(|a| {
            let e = &a.eligibility;
            let routes = e
                .routes
                .iter()
                .map(|r| verdict_item(&r.verdict, r.opens.as_ref()))
                .collect::<Vec<_>>();
            let general = e
                .general
                .iter()
                .map(|v| verdict_item(v, None))
                .collect::<Vec<_>>();
            view! {
                <h3>{format!("{}的申报途径", e.level.label())}</h3>
                <ul class="routes">{routes}</ul>
                <h3>"基本条件"</h3>
                <ul class="routes">{general}</ul>
            }
        })
    };
    let level_set = Memo::new(move |_| assessment.with(|a| a.eligibility.level != Level::Unset));
    let counts = move || {
        assessment.with(|a| {
            let e = &a.eligibility;
            let met = e
                .routes
                .iter()
                .filter(|r| r.verdict.status == Status::Met)
                .count();
            format!(
                "{} 条申报途径（{met} 条符合）、{} 项基本条件",
                e.routes.len(),
                e.general.len()
            )
        })
    };
    view! {
        <section class="eligibility" aria-labelledby="eligibility-title">
            <h2 id="eligibility-title">"申报条件逐条核对"</h2>
            <p class="hint">{move || assessment.with(|a| format!("按{}，资历计算到 {}。{}符合任意一条途径、同时符合全部基本条件即可申报；点开一行看它要求什么、还缺什么。",
                a.plan.label(), a.plan.seniority_cutoff.chinese(),
                a.plan.derived_note().map_or(String::new(), |n| format!("{n}。"))))}</p>
            <Show when=move || level_set.get()
                fallback=|| view! { <p>"选好申报级别后，这里逐条列出该级别的申报途径和基本条件。"</p> }>
                <details class="fold" id="route-list" prop:open=move || has_facts.get()>
                    <summary>{counts}</summary>
                    {body}
                </details>
            </Show>
        </section>
    }
}

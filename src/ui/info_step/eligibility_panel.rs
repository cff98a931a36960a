//! The live eligibility panel: every route and general condition with its status, cited article, shortfall and the round it opens in; the portal answers; the 初定 / 直接晋升 hints.

use super::*;

/// One verdict with its status, the article it cites, what is short (and, for a route short
/// only of time, the round it opens in) and its messages.
pub(super) fn verdict_item(v: &Verdict, opens: Option<&String>) -> impl IntoView {
    let opens = opens.cloned();
    view! {
        <li class=format!("route route--{}", v.status.key()) data-route=v.id.clone()
            data-status=v.status.key()>
            <p class="route__head">
                <span class="route__badge">{v.status.label()}</span>
                <strong>{v.cite.clone()}</strong>" "{v.title.clone()}
            </p>
            {v.shortfall.clone().map(|s| view! { <p class="route__shortfall">{s}</p> })}
            {opens.map(|o| view! { <p class="route__opens" data-opens>{o}</p> })}
            <ul class="route__messages">
                {v.messages.iter().map(|m| view! { <li>{m.clone()}</li> }).collect::<Vec<_>>()}
            </ul>
        </li>
    }
}

#[component]
pub fn EligibilityPanel(assessment: Memo<Assessment>) -> impl IntoView {
    let body = move || {
        assessment.with(|a| {
            let e = &a.eligibility;
            let routes = e
                .routes
                .iter()
                .map(|r| verdict_item(&r.verdict, r.opens.as_ref()))
                .collect::<Vec<_>>();
            let general = e.general.iter().map(|v| verdict_item(v, None)).collect::<Vec<_>>();
            let advice = e.advice.as_ref().map(|advice| {
                view! {
                    <div class="advice">
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
                .map(|h| view! { <p class="hint-box"><strong>{h.cite.clone()}</strong>" "{h.message.clone()}</p> })
                .collect::<Vec<_>>();
            view! {
                <p class=format!("eligibility__status eligibility__status--{}", e.status.key())
                    data-eligibility=e.status.key()>
                    {format!("{}：{}", e.level.label(), e.status.label())}
                </p>
                {e.summary.iter().map(|s| view! { <p>{s.clone()}</p> }).collect::<Vec<_>>()}
                {advice}
                {hints}
                <h3>"申报途径"</h3>
                <ul class="routes">{routes}</ul>
                <h3>"基本条件"</h3>
                <ul class="routes">{general}</ul>
            }
        })
    };
    view! {
        <section class="eligibility" aria-labelledby="eligibility-title" aria-live="polite">
            <h2 id="eligibility-title">"申报条件核对"</h2>
            <p class="hint">{move || assessment.with(|a| format!("按{}，资历计算到 {}。{}", a.plan.label(), a.plan.seniority_cutoff.chinese(),
                a.plan.derived_note().map_or(String::new(), |n| format!("{n}。"))))}</p>
            {body}
        </section>
    }
}

//! Eligibility (温职改办〔2020〕5号): a verdict per route of 第八条 (技术员), 第九条 (助理工程师)
//! and 第十条 (工程师), with 第十三条/第十九条 (related specialty), 第十四条 (机关 years),
//! 第十八条 (技工院校), the general conditions (第五条, 第六条, social insurance), the 初定 /
//! 直接晋升 hints, and the 资格类型 / 聘任情况 the portal should be given for the route.

use super::applicant::{Applicant, ApplyMode, Appointment, Level, QualificationType};
use super::conditions::{facts, Facts};
use super::hints::{self, Hint};
use super::plan::Plan;
use super::score_line::ScoreBreakdown;
use super::verdict::{Status, Verdict};

pub use super::conditions::YearsFigure;
use super::routes::routes_with;
pub use super::routes::{check_routes, RouteVerdict};

/// The portal answers for the route the applicant qualifies by, and what to change.
#[derive(Clone, Debug, PartialEq)]
pub struct PortalAdvice {
    pub route_id: String,
    pub cite: String,
    pub mode: ApplyMode,
    pub qualification_type: QualificationType,
    pub appointment: Appointment,
    pub messages: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Eligibility {
    pub level: Level,
    /// Every route of the level applied for (all levels when none is chosen yet).
    pub routes: Vec<RouteVerdict>,
    /// 第五条, 第六条, social insurance.
    pub general: Vec<Verdict>,
    pub status: Status,
    pub summary: Vec<String>,
    pub advice: Option<PortalAdvice>,
    pub hints: Vec<Hint>,
    /// When the routes short only of time open (one line each, see `RouteVerdict::opens`).
    pub openings: Vec<String>,
}

impl Eligibility {
    /// The general conditions (第五条, 第六条, social insurance) not yet met, one short phrase each
    /// (「第五条（信息不全）」), for the line under 申报级别.
    pub fn general_still_open(&self) -> Vec<String> {
        self.general
            .iter()
            .filter(|v| v.status != Status::Met)
            .map(|v| format!("{}（{}）", v.cite, v.status.label()))
            .collect()
    }
}

/// How many later rounds are tried when looking for the one a route opens in.
const ROUNDS_AHEAD: i32 = 15;

/// For each route short only of time (years held, years worked), the first later round in which
/// it is met if nothing else changes: the same applicant against each later plan (published, or
/// derived from the latest published one's pattern, which the text then says).
fn add_openings(a: &Applicant, plan: &Plan, score: &ScoreBreakdown, routes: &mut [RouteVerdict]) {
    if !routes.iter().any(|r| r.only_years_short) {
        return;
    }
    let mut waiting: Vec<usize> = (0..routes.len())
        .filter(|&i| routes[i].only_years_short)
        .collect();
    for year in plan.year + 1..=plan.year + ROUNDS_AHEAD {
        if waiting.is_empty() {
            break;
        }
        let later = super::rules_file::plan_for_year(year);
        let verdicts = check_routes(a, &later, Some(score));
        waiting.retain(|&i| {
            let Some(v) = verdicts
                .iter()
                .find(|v| v.verdict.id == routes[i].verdict.id)
                .filter(|v| v.verdict.status == Status::Met)
            else {
                return true;
            };
            let figure = v.title.as_ref().or(v.professional.as_ref());
            let then = figure.map_or(String::new(), |f| {
                format!("（届时{}满 {} 年）", f.what, f.required)
            });
            let derived = if later.derived {
                format!("；{year} 年度按往年规律推算，以正式通知为准")
            } else {
                String::new()
            };
            routes[i].opens = Some(format!(
                "按现有条件，{year} 年度可走{}{then}{derived}",
                v.verdict.cite
            ));
            false
        });
    }
}

fn insurance_verdict(a: &Applicant, plan: &Plan) -> Verdict {
    let cite = format!(
        "{}二.4",
        if plan.notice.is_empty() {
            "通知"
        } else {
            plan.notice.as_str()
        }
    );
    let n = super::rules_file::active()
        .conditions
        .social_insurance_months;
    let (status, message, shortfall) = match a.wenzhou_insurance_months {
        None => (
            Status::Missing,
            format!(
                "请填写申报截止日（{}）前在温州缴纳社保的月数",
                plan.application_end.iso()
            ),
            None,
        ),
        // 「以上」 includes the number itself (第二十条): 3 months meet 「3 个月以上」.
        Some(m) if m >= n => (
            Status::Met,
            format!("在温社保缴纳 {m} 个月，达到 {n} 个月以上（含 {n} 个月，第二十条）"),
            None,
        ),
        Some(m) => (
            Status::NotMet,
            format!("申报截止日前须有 {n} 个月以上（含 {n} 个月，第二十条）的在温社保缴纳记录，现有 {m} 个月"),
            Some(format!("还差 {} 个月", n - m)),
        ),
    };
    Verdict {
        id: "general.insurance".into(),
        cite: cite.clone(),
        title: format!("申报截止日之前有 {n} 个月以上的在温社保缴纳记录"),
        status,
        messages: vec![format!("{message}（{cite}）")],
        shortfall,
    }
}

/// The whole eligibility answer; `score` is the self-score (for 破格). Runs the stages before it;
/// `assess` runs each stage once and calls [`decide`].
pub fn check(a: &Applicant, plan: &Plan, score: &ScoreBreakdown) -> Eligibility {
    let f = facts(a, plan);
    let routes = routes_with(a, &f, Some(score));
    decide(a, plan, &f, routes, score)
}

/// The eligibility answer from the stages before it: the facts, the route verdicts (with 破格's
/// score condition already decided) and the score.
pub(crate) fn decide(
    a: &Applicant,
    plan: &Plan,
    f: &Facts,
    mut routes: Vec<RouteVerdict>,
    score: &ScoreBreakdown,
) -> Eligibility {
    if a.level != Level::Unset {
        add_openings(a, plan, score, &mut routes);
    }
    let general = vec![
        f.evaluations.verdict.clone(),
        f.continuing_education.verdict.clone(),
        insurance_verdict(a, plan),
    ];
    let met: Vec<&RouteVerdict> = routes
        .iter()
        .filter(|r| r.verdict.status == Status::Met)
        .collect();
    let route_status = if !met.is_empty() {
        Status::Met
    } else if routes.iter().any(|r| r.verdict.status == Status::Missing) {
        Status::Missing
    } else {
        Status::NotMet
    };
    let mut summary = Vec::new();
    let status = if a.level == Level::Unset {
        summary.push("请先选择申报的职称级别（技术员 / 助理工程师 / 工程师）".to_string());
        Status::Missing
    } else {
        Status::all(std::iter::once(route_status).chain(general.iter().map(|v| v.status)))
    };
    match route_status {
        Status::Met => summary.push(format!(
            "符合申报条件的途径：{}",
            met.iter()
                .map(|r| format!("{}「{}」", r.verdict.cite, r.verdict.title))
                .collect::<Vec<_>>()
                .join("；")
        )),
        Status::Missing => {
            summary.push("还不能判断是否符合申报条件：请补全各途径下列出的信息".to_string())
        }
        Status::NotMet => summary.push(format!(
            "{}的各条申报途径目前都不符合，详见各途径的说明",
            a.level.label()
        )),
    }
    for v in general.iter().filter(|v| v.status != Status::Met) {
        summary.push(format!("{}：{}（{}）", v.cite, v.status.label(), v.title));
    }
    let advice = portal_advice(a, &met);
    let hints = hints::hints(a, plan, f);
    let openings = routes.iter().filter_map(|r| r.opens.clone()).collect();
    Eligibility {
        level: a.level,
        openings,
        routes,
        general,
        status,
        summary,
        advice,
        hints,
    }
}

fn portal_advice(a: &Applicant, met: &[&RouteVerdict]) -> Option<PortalAdvice> {
    let route = met
        .iter()
        .find(|r| a.mode == ApplyMode::Unset || r.mode == a.mode)
        .or_else(|| met.first())?;
    let mut messages = Vec::new();
    if a.mode.is_set() && a.mode != route.mode {
        messages.push(format!(
            "你选择的申报方式为「{}」，但符合条件的途径是{}，申报方式应选「{}」",
            a.mode.label(),
            route.verdict.cite,
            route.mode.label()
        ));
    }
    messages.push(format!(
        "资格类型选「{}」（指南五.4.(3)，按{}申报）",
        route.qualification_type.label(),
        route.verdict.cite
    ));
    if a.qualification_type.is_set() && a.qualification_type != route.qualification_type {
        messages.push(format!(
            "你填写的资格类型为「{}」，应改为「{}」",
            a.qualification_type.label(),
            route.qualification_type.label()
        ));
    }
    let appointment_text = match (route.appointment, route.mode) {
        (Appointment::Yes, ApplyMode::Transfer) => "专业技术职务聘任情况选「有」，上传聘书（转评人员用工程师申报，聘期需要 1 年）".to_string(),
        (Appointment::Yes, ApplyMode::Exceptional) => "专业技术职务聘任情况选「有」，上传助理工程师聘书（破格聘期需要 3 年）".to_string(),
        (Appointment::Yes, _) => "专业技术职务聘任情况选「有」，上传助理工程师聘书（聘期需要 4 年，例如 2019-01-01 至 2022-12-31 或之后）".to_string(),
        _ => "专业技术职务聘任情况选「无」（只有用助理工程师申报和转评人员用工程师申报需要聘书）".to_string(),
    };
    messages.push(format!("{appointment_text}（指南五.4.(4)）"));
    if a.appointment.is_set() && a.appointment != route.appointment {
        messages.push(format!(
            "你填写的聘任情况为「{}」，应改为「{}」",
            a.appointment.label(),
            route.appointment.label()
        ));
    }
    Some(PortalAdvice {
        route_id: route.verdict.id.clone(),
        cite: route.verdict.cite.clone(),
        mode: route.mode,
        qualification_type: route.qualification_type,
        appointment: route.appointment,
        messages,
    })
}

#[cfg(test)]
#[path = "eligibility_tests.rs"]
mod tests;

/// The one-line summaries built from a verdict (the long route tables are in eligibility_tests.rs).
#[cfg(test)]
mod summary_tests {
    use super::*;
    use crate::rules_file::latest_plan;

    #[test]
    fn the_general_conditions_still_open_are_named_in_one_short_phrase_each() {
        let plan = latest_plan();
        let empty = crate::assess::assess_with_plan(&Applicant::default(), plan).eligibility;
        let open = empty.general_still_open();
        assert_eq!(open.len(), empty.general.len(), "nothing known: all open");
        assert!(open.iter().all(|p| p.ends_with("（信息不全）")), "{open:?}");
        // Met ones are left out.
        let mut met = empty.clone();
        for v in &mut met.general {
            v.status = Status::Met;
        }
        assert!(met.general_still_open().is_empty());
    }
}

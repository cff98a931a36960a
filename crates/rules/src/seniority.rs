//! Which route the score's 资历 lines (专业工作年限, 职称任职年限) are measured against, chosen
//! from the route verdicts already computed: the stage between the routes and the score.

use super::applicant::{Applicant, ApplyMode, Level};
use super::conditions::YearsFigure;
use super::routes::RouteVerdict;
use super::rules_file::table;
use super::verdict::Status;

/// The route whose years the 专业工作年限 / 职称任职年限 lines use.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SeniorityBasis {
    pub cite: String,
    pub route_title: String,
    pub professional: Option<YearsFigure>,
    pub title: Option<YearsFigure>,
    /// Set when no route could be chosen.
    pub reason: Option<String>,
}

/// The 资历 points a route's years give (量化评价标准: 2 on reaching the route's years, +0.5 per
/// full year beyond, at most 4), for choosing between routes that are all met.
fn seniority_points(figure: Option<&YearsFigure>) -> f64 {
    let p = &table().basic.seniority;
    match figure {
        Some(YearsFigure {
            have: Some(have),
            required,
            ..
        }) if *have >= *required as i32 => {
            (p.reached + (*have - *required as i32) as f64 * p.per_extra_year).min(p.max)
        }
        _ => 0.0,
    }
}

/// The route the 资历 score lines are measured against: within the chosen 申报方式 (when set),
/// the route met whose 申报基本条件 give the most 资历 points (the first such in table order, so
/// that an unrelated 大专 graduate is measured against 第八条（一）'s 2 years, not the 6 years of
/// 高中), else the first one short only of years; 破格 uses 第十条（一）'s years.
pub fn seniority_basis(a: &Applicant, routes: &[RouteVerdict]) -> SeniorityBasis {
    if a.level == Level::Unset {
        return SeniorityBasis {
            reason: Some("请先选择申报级别，资历分按所选途径的年限要求计算".into()),
            ..SeniorityBasis::default()
        };
    }
    let in_mode = |r: &&RouteVerdict| a.mode == ApplyMode::Unset || r.mode == a.mode;
    let points = |r: &RouteVerdict| {
        seniority_points(r.professional.as_ref()) + seniority_points(r.title.as_ref())
    };
    let mut best_met: Option<(&RouteVerdict, f64)> = None;
    for r in routes
        .iter()
        .filter(in_mode)
        .filter(|r| r.verdict.status == Status::Met && r.mode != ApplyMode::Exceptional)
    {
        let p = points(r);
        if best_met.is_none_or(|(_, best)| p > best) {
            best_met = Some((r, p));
        }
    }
    let chosen = best_met.map(|(r, _)| r).or_else(|| {
        routes.iter().filter(in_mode).find(|r| {
            r.only_years_short
                || (r.mode == ApplyMode::Exceptional && a.mode == ApplyMode::Exceptional)
        })
    });
    match chosen {
        Some(r) => SeniorityBasis {
            cite: r.verdict.cite.clone(),
            route_title: r.verdict.title.clone(),
            professional: r.professional.clone(),
            title: r.title.clone(),
            reason: None,
        },
        None => SeniorityBasis {
            reason: Some(
                "没有找到可对照的申报途径（学历、职称或技能等级条件尚不满足），资历分暂按 0 分计"
                    .into(),
            ),
            ..SeniorityBasis::default()
        },
    }
}

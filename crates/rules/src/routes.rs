//! Every route of 第八条 (技术员), 第九条 (助理工程师) and 第十条 (工程师) as a table, each with
//! the 申报方式, 资格类型 and 聘任情况 it implies, and how each route is evaluated.

use super::applicant::{
    Applicant, ApplyMode, Appointment, Level, QualificationType, SkillHonour, SkillLevel,
    TitleLevel,
};
use super::conditions::{
    cond, education_cond, facts, honour_cond, other_title_cond, skill_years_cond, title_years_cond,
    years_cond, Cond, Facts, YearsFigure,
};
use super::plan::Plan;
use super::rules_file::Conditions;
use super::score_line::ScoreBreakdown;
use super::verdict::{num, Status, Verdict};

const ASSISTANT_HONOURS: &[SkillHonour] = &[
    SkillHonour::ZhejiangTechExpert,
    SkillHonour::ProvincialClass1Top5,
    SkillHonour::ProvincialClass2Top3,
    SkillHonour::ProvincialExcellentSkilled,
];
const ENGINEER_HONOURS: &[SkillHonour] = &[
    SkillHonour::ProvincialMasterStudioLead,
    SkillHonour::ProvincialChiefTechnician,
    SkillHonour::NationalTechExpert,
    SkillHonour::WorldSkillsExcellence,
    SkillHonour::NationalClass1Top5,
    SkillHonour::NationalClass2Top3,
    SkillHonour::ProvincialTopSkilled,
];

#[derive(Clone, Debug, PartialEq)]
pub struct RouteVerdict {
    pub verdict: Verdict,
    pub level: Level,
    /// The 申报方式 this route is applied under.
    pub mode: ApplyMode,
    /// What to answer on the portal when applying by this route (guide §五.4.(3)(4)).
    pub qualification_type: QualificationType,
    pub appointment: Appointment,
    pub professional: Option<YearsFigure>,
    pub title: Option<YearsFigure>,
    /// Every condition but the years one holds.
    pub only_years_short: bool,
    /// For a route short only of time: the round it opens in if nothing else changes
    /// (「按现有条件，2028 年度可走第十条（一）（届时……满 4 年）」).
    pub opens: Option<String>,
}

/// A route's logic: what it leads to on the portal. Its article, text and years are data (the
/// rules file's `conditions.routes`, by `id`).
struct RouteDef {
    id: &'static str,
    level: Level,
    mode: ApplyMode,
    qualification_type: QualificationType,
    appointment: Appointment,
}

macro_rules! route {
    ($id:expr, $level:ident, $mode:ident, $qt:ident, $ap:ident) => {
        RouteDef {
            id: $id,
            level: Level::$level,
            mode: ApplyMode::$mode,
            qualification_type: QualificationType::$qt,
            appointment: Appointment::$ap,
        }
    };
}

const ROUTES: &[RouteDef] = &[
    route!("8.1.a", Technician, Normal, NoQualification, No),
    route!("8.1.b", Technician, Normal, NoQualification, No),
    route!(
        "8.2",
        Technician,
        SkilledTalent,
        VocationalQualification,
        No
    ),
    route!("9.1.a", AssistantEngineer, Normal, TitleQualification, No),
    route!("9.1.b", AssistantEngineer, Normal, TitleQualification, No),
    route!("9.1.c", AssistantEngineer, Normal, NoQualification, No),
    route!("9.1.d", AssistantEngineer, Normal, NoQualification, No),
    route!(
        "9.2",
        AssistantEngineer,
        SkilledTalent,
        VocationalQualification,
        No
    ),
    route!("9.3", AssistantEngineer, SkilledTalent, NoQualification, No),
    route!("9.4", AssistantEngineer, Transfer, TitleQualification, No),
    route!("10.1.a", Engineer, Normal, TitleQualification, Yes),
    route!("10.1.b", Engineer, Normal, TitleQualification, Yes),
    route!("10.2", Engineer, SkilledTalent, VocationalQualification, No),
    route!("10.3", Engineer, SkilledTalent, NoQualification, No),
    route!("10.4", Engineer, Exceptional, TitleQualification, Yes),
    route!("10.5", Engineer, Transfer, TitleQualification, Yes),
];

/// Whether the level has a 破格 route (only 工程师, 第十条（四）): the 破格 score line and its
/// threshold mean nothing for the other levels and are not shown for them.
pub fn has_exceptional_route(level: Level) -> bool {
    ROUTES
        .iter()
        .any(|r| r.level == level && r.mode == ApplyMode::Exceptional)
}

/// The years 第十条（一） requires of this applicant's education: 2 with a related 研究生
/// education, 4 otherwise (used by 破格, which may be at most 1 year early).
fn engineer_title_years(f: &Facts, c: &Conditions) -> u32 {
    let postgraduate = f
        .held
        .education
        .iter()
        .any(|e| e.level.tier() >= 5 && e.relatedness().is_related());
    c.route_years(if postgraduate { "10.1.a" } else { "10.1.b" })
}

fn evaluate_route(
    def: &RouteDef,
    a: &Applicant,
    f: &Facts,
    score: Option<&ScoreBreakdown>,
    c: &Conditions,
) -> RouteVerdict {
    let years = c.route_years(def.id);
    let text = c.route(def.id);
    let cite = text.map_or(def.id, |t| t.cite.as_str());
    let route_title = text.map_or("", |t| t.title.as_str());
    let prof = |n: u32| {
        years_cond(
            f.professional_start.clone(),
            n,
            "从事相关专业工作",
            f.cutoff,
        )
    };
    let mut professional = None;
    let mut title = None;
    let conds: Vec<Cond> = match def.id {
        "8.1.a" | "9.1.d" => {
            let (c, fig) = prof(years);
            professional = Some(fig);
            vec![education_cond(f, 1, false, "高中及以上学历"), c]
        }
        "8.1.b" | "9.1.c" => {
            let (c, fig) = prof(years);
            professional = Some(fig);
            vec![education_cond(f, 3, false, "大学专科及以上学历"), c]
        }
        "9.1.a" | "9.1.b" | "10.1.a" | "10.1.b" => {
            let (tier, wanted, held) = match def.id {
                "9.1.a" => (3, "大学专科及以上学历", TitleLevel::Technician),
                "9.1.b" => (2, "中专及以上学历", TitleLevel::Technician),
                "10.1.a" => (5, "研究生学历或硕士学位", TitleLevel::AssistantEngineer),
                _ => (3, "大学专科或本科学历", TitleLevel::AssistantEngineer),
            };
            let (c, fig) = title_years_cond(a, held, years, f);
            title = Some(fig);
            professional = Some(prof(years).1);
            vec![education_cond(f, tier, true, wanted), c]
        }
        "8.2" | "9.2" | "10.2" => {
            let min = match def.id {
                "8.2" => SkillLevel::Intermediate,
                "9.2" => SkillLevel::Advanced,
                _ => SkillLevel::Technician,
            };
            let (c, fig) = skill_years_cond(a, min, years, f);
            professional = Some(fig);
            vec![c]
        }
        "9.3" => vec![honour_cond(f, ASSISTANT_HONOURS)],
        "10.3" => vec![honour_cond(f, ENGINEER_HONOURS)],
        "9.4" | "10.5" => {
            let held = if def.id == "9.4" {
                TitleLevel::AssistantEngineer
            } else {
                TitleLevel::Engineer
            };
            let (c, _) = other_title_cond(a, held, years, f);
            professional = Some(prof(years).1);
            vec![c]
        }
        _ => exceptional_conds(a, f, score, c, &mut professional, &mut title),
    };
    let status = Status::all(conds.iter().map(|c| c.status));
    let only_years_short = status != Status::Met
        && conds.iter().any(|c| c.years)
        && conds
            .iter()
            .filter(|c| !c.years)
            .all(|c| c.status == Status::Met);
    let shortfall = conds.iter().find_map(|c| c.shortfall.clone());
    let mut messages: Vec<String> = conds
        .into_iter()
        .map(|c| format!("{}（{}）", c.message, cite))
        .collect();
    // How the professional years were counted (start inferred, 第十四条 机关 years), where they
    // are a condition of the route; the note cites its own rule.
    if let Some(note) = &f.professional_note {
        if matches!(def.id, "8.1.a" | "8.1.b" | "9.1.c" | "9.1.d") {
            messages.push(note.clone());
        }
    }
    RouteVerdict {
        verdict: Verdict {
            id: def.id.to_string(),
            cite: cite.to_string(),
            title: route_title.to_string(),
            status,
            messages,
            shortfall,
        },
        level: def.level,
        mode: def.mode,
        qualification_type: def.qualification_type,
        appointment: def.appointment,
        professional,
        title,
        only_years_short,
        opens: None,
    }
}

fn exceptional_conds(
    a: &Applicant,
    f: &Facts,
    score: Option<&ScoreBreakdown>,
    c: &Conditions,
    professional: &mut Option<YearsFigure>,
    title: &mut Option<YearsFigure>,
) -> Vec<Cond> {
    let full = engineer_title_years(f, c);
    let early_years = c.route_years("10.4");
    let (mut early, _) = title_years_cond(
        a,
        TitleLevel::AssistantEngineer,
        full.saturating_sub(early_years),
        f,
    );
    early.message = format!(
        "任职年限未满的，提前申报原则上不超过 {early_years} 年：{}",
        early.message
    );
    *title = Some(title_years_cond(a, TitleLevel::AssistantEngineer, full, f).1);
    *professional = Some(
        years_cond(
            f.professional_start.clone(),
            full,
            "从事相关专业工作",
            f.cutoff,
        )
        .1,
    );
    let score_cond = match score {
        None => cond(Status::Missing, "自评分尚未计算"),
        Some(s) if s.reaches_exceptional_threshold => cond(
            Status::Met,
            format!(
                "自评分 {} 分，达到 {} 分（理论考试和面试答辩分除外）",
                num(s.self_score),
                num(s.exceptional_threshold)
            ),
        ),
        Some(s) => cond(
            Status::NotMet,
            format!(
                "自评分 {} 分，未达到 {} 分，还差 {} 分（理论考试和面试答辩分除外）",
                num(s.self_score),
                num(s.exceptional_threshold),
                num(s.exceptional_threshold - s.self_score)
            ),
        ),
    };
    let experts = if a.expert_recommendations >= 2 {
        cond(
            Status::Met,
            format!("{} 名副高级以上专家署名推荐", a.expert_recommendations),
        )
    } else {
        cond(
            Status::NotMet,
            format!(
                "须由 2 名本专业或相近专业副高级以上专家在《破格申报机电专业工程师自评赋分表》上署名推荐，现有 {} 名",
                a.expert_recommendations
            ),
        )
    };
    vec![score_cond, experts, early]
}

fn routes_for(level: Level) -> impl Iterator<Item = &'static RouteDef> {
    ROUTES
        .iter()
        .filter(move |r| level == Level::Unset || r.level == level)
}

/// Every route verdict for the applicant's level (all levels when unset). 破格 needs the score.
pub fn check_routes(
    a: &Applicant,
    plan: &Plan,
    score: Option<&ScoreBreakdown>,
) -> Vec<RouteVerdict> {
    routes_with(a, &facts(a, plan), score)
}

/// The routes from facts already computed; without a score, 破格's score condition is 待补充
/// until [`complete_exceptional`] is given the score.
pub(crate) fn routes_with(
    a: &Applicant,
    f: &Facts,
    score: Option<&ScoreBreakdown>,
) -> Vec<RouteVerdict> {
    let c = &super::rules_file::active().conditions;
    routes_for(a.level)
        .map(|def| evaluate_route(def, a, f, score, c))
        .collect()
}

/// 破格 (第十条（四）) is the one route that reads the self-score, and the score's 资历 lines read
/// the routes: the routes are evaluated once without the score, then this one again with it.
pub(crate) fn complete_exceptional(
    routes: &mut [RouteVerdict],
    a: &Applicant,
    f: &Facts,
    score: &ScoreBreakdown,
) {
    let c = &super::rules_file::active().conditions;
    for r in routes.iter_mut() {
        if let Some(def) = ROUTES
            .iter()
            .find(|d| d.id == r.verdict.id && d.mode == ApplyMode::Exceptional)
        {
            *r = evaluate_route(def, a, f, Some(score), c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_工程师_has_a_破格_route_so_only_it_shows_the_破格_line() {
        for (level, has) in [
            (Level::Technician, false),
            (Level::AssistantEngineer, false),
            (Level::Engineer, true),
            (Level::Unset, false),
        ] {
            assert_eq!(has_exceptional_route(level), has, "{level:?}");
        }
    }
}

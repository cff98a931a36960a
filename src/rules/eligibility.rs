//! Eligibility (温职改办〔2020〕5号): a verdict per route of 第八条 (技术员), 第九条 (助理工程师)
//! and 第十条 (工程师), with 第十三条/第十九条 (related specialty), 第十四条 (机关 years),
//! 第十八条 (技工院校), the general conditions (第五条, 第六条, social insurance), the 初定 /
//! 直接晋升 hints, and the 资格类型 / 聘任情况 the portal should be given for the route.

use super::applicant::{
    Applicant, ApplyMode, Appointment, EducationLevel, Level, QualificationType, Relatedness,
    SkillHonour, SkillLevel, TitleLevel, WorkKind, YesNo,
};
use super::date::CivilDate;
use super::education;
use super::hints::{self, Hint};
use super::plan::Plan;
use super::scoring::ScoreBreakdown;
use super::verdict::{num, years_check, Status, Verdict};

/// Years the score table's 资历 lines compare: what the route requires and what the applicant has.
#[derive(Clone, Debug, PartialEq)]
pub struct YearsFigure {
    pub required: u32,
    /// Full years to the 资历 cut-off; `None` when a date is missing.
    pub have: Option<i32>,
    /// 「从事相关专业工作」, 「取得助理工程师资格后」…
    pub what: String,
    pub missing: Option<String>,
}

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
}

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
}

/// One condition of a route.
struct Cond {
    status: Status,
    message: String,
    shortfall: Option<String>,
    years: bool,
}

fn cond(status: Status, message: impl Into<String>) -> Cond {
    Cond {
        status,
        message: message.into(),
        shortfall: None,
        years: false,
    }
}

/// What the routes need to know, computed once.
pub(crate) struct Facts {
    pub cutoff: CivilDate,
    /// Start of related professional work, moved earlier by 机关 months (第十四条).
    pub professional_start: Result<CivilDate, String>,
    pub professional_note: Option<String>,
}

pub(crate) fn facts(a: &Applicant, plan: &Plan) -> Facts {
    let cutoff = plan.seniority_cutoff;
    let typed = CivilDate::parse(&a.professional_start_date);
    let (start, mut note) = match typed {
        Ok(date) => (Ok(date), None),
        Err(error) => {
            let from_work = a
                .work
                .iter()
                .filter(|w| w.kind == WorkKind::Professional)
                .filter_map(|w| CivilDate::parse(&w.from).ok())
                .min();
            match from_work {
                Some(date) => (
                    Ok(date),
                    Some(format!(
                        "专业工作起始日期未填，按工作经历中最早的相关专业技术工作 {} 计算",
                        date.iso()
                    )),
                ),
                None if a.professional_start_date.trim().is_empty() => (
                    Err("请填写从事相关专业技术工作的起始日期".to_string()),
                    None,
                ),
                None => (
                    Err(format!(
                        "专业工作起始日期「{}」无法识别：{}",
                        a.professional_start_date.trim(),
                        error.message()
                    )),
                    None,
                ),
            }
        }
    };
    // 第十四条: years in a government office count as professional years.
    let start = start.map(|start| {
        let months: i32 = a
            .work
            .iter()
            .filter(|w| w.kind == WorkKind::Government)
            .filter_map(|w| {
                let from = CivilDate::parse(&w.from).ok()?;
                let to = CivilDate::parse(&w.to)
                    .unwrap_or(cutoff)
                    .min(start)
                    .min(cutoff);
                (from < to).then(|| from.whole_months_until(to).clamp(0, 12 * 80))
            })
            .sum();
        if months > 0 {
            note = Some(format!(
                "机关工作 {} 视为专业工龄，与专业技术工作年限合并计算（第十四条）",
                super::date::describe_months(months)
            ));
        }
        start.add_months(-months)
    });
    Facts {
        cutoff,
        professional_start: start,
        professional_note: note,
    }
}

fn years_cond(
    start: Result<CivilDate, String>,
    years: u32,
    what: &str,
    cutoff: CivilDate,
) -> (Cond, YearsFigure) {
    let mut figure = YearsFigure {
        required: years,
        have: None,
        what: what.to_string(),
        missing: None,
    };
    match start {
        Err(missing) => {
            figure.missing = Some(missing.clone());
            let mut c = cond(Status::Missing, missing);
            c.years = true;
            (c, figure)
        }
        Ok(start) => {
            let check = years_check(start, years, cutoff);
            figure.have = Some(check.have);
            let c = if check.reached {
                cond(
                    Status::Met,
                    format!(
                        "{what}满 {} 年（自 {} 起，计至 {}），要求 {years} 年",
                        check.have,
                        start.iso(),
                        cutoff.iso()
                    ),
                )
            } else {
                Cond {
                    status: Status::NotMet,
                    message: format!(
                        "{what}自 {} 起，计至资历截止日 {} 未满 {years} 年，需到 {} 才满 {years} 年，{}",
                        start.iso(),
                        cutoff.iso(),
                        check.reached_on.iso(),
                        check.shortfall.clone().unwrap_or_default()
                    ),
                    shortfall: check.shortfall,
                    years: true,
                }
            };
            (Cond { years: true, ..c }, figure)
        }
    }
}

/// The best education entry at `min_tier` or above (and 对口 when `related`).
fn education_cond(a: &Applicant, min_tier: u8, related: bool, wanted: &str) -> Cond {
    let entries: Vec<_> = a.education.iter().filter(|e| e.level.is_set()).collect();
    if entries.is_empty() {
        return cond(Status::Missing, "未填写学历，请在教育经历中添加");
    }
    let high_enough: Vec<_> = entries
        .iter()
        .filter(|e| e.level.tier() >= min_tier)
        .collect();
    if high_enough.is_empty() {
        let best = entries.iter().map(|e| e.level.tier()).max().unwrap_or(0);
        return cond(
            Status::NotMet,
            format!(
                "要求{wanted}，你的最高学历为{}",
                EducationLevel::tier_name(best)
            ),
        );
    }
    if !related {
        let e = high_enough[0];
        return cond(
            Status::Met,
            format!("学历：{}（满足{wanted}）", e.level.label()),
        );
    }
    if let Some(e) = high_enough.iter().find(|e| e.relatedness().is_related()) {
        let how = match e.relatedness() {
            Relatedness::InferredRelated(category) => {
                format!("，据专业名称判断属第十九条「{category}」，请确认")
            }
            _ => String::new(),
        };
        let tech = if e.level.is_tech_school() {
            format!(
                "，按第十八条相当于{}",
                EducationLevel::tier_name(e.level.tier())
            )
        } else {
            String::new()
        };
        return cond(
            Status::Met,
            format!(
                "学历：{}「{}」，本专业或相近专业{tech}{how}",
                e.level.label(),
                e.major.trim()
            ),
        );
    }
    if let Some(e) = high_enough
        .iter()
        .find(|e| e.relatedness() == Relatedness::Unknown)
    {
        return cond(
            Status::Missing,
            format!(
                "请确认{}「{}」是否属于第十九条所列相关专业（机电类、机械类、电子类、电气类、自动化类、工业设计类、金属材料类、计算机类）",
                e.level.label(),
                e.major.trim()
            ),
        );
    }
    cond(
        Status::NotMet,
        format!("要求本专业或相近专业{wanted}；所学专业与申报专业不一致或不相近的，视为不具备规定学历（第十三条、第十九条）"),
    )
}

fn title_start(a: &Applicant, held: TitleLevel) -> Result<CivilDate, String> {
    match a.current_title {
        TitleLevel::Unknown => Err(format!("请填写现有职称（要求已取得{}资格）", held.label())),
        t if t == held => CivilDate::parse(&a.current_title_date)
            .map_err(|e| format!("请填写取得{}资格的日期（{}）", held.label(), e.message())),
        t => Err(format!(
            "要求已取得{}资格，你现有职称为「{}」",
            held.label(),
            t.label()
        )),
    }
}

fn title_years_cond(a: &Applicant, held: TitleLevel, years: u32, f: &Facts) -> (Cond, YearsFigure) {
    let what = format!("取得{}资格后实际从事{}工作", held.label(), held.label());
    match title_start(a, held) {
        Err(message) if message.starts_with("要求已取得") => {
            let figure = YearsFigure {
                required: years,
                have: None,
                what,
                missing: Some(message.clone()),
            };
            (cond(Status::NotMet, message), figure)
        }
        start => years_cond(start, years, &what, f.cutoff),
    }
}

fn skill_years_cond(a: &Applicant, min: SkillLevel, years: u32, f: &Facts) -> (Cond, YearsFigure) {
    let what = format!("取得{}后从事专业技术工作", min.label());
    let figure = |missing: &str| YearsFigure {
        required: years,
        have: None,
        what: what.clone(),
        missing: Some(missing.to_string()),
    };
    if a.skill_level == SkillLevel::Unknown {
        let m = format!("请填写职业技能等级（要求{}及以上）", min.label());
        return (cond(Status::Missing, m.clone()), figure(&m));
    }
    if a.skill_level.rank() < min.rank() {
        let m = format!(
            "要求相关工种{}职业技能等级，你的技能等级为「{}」",
            min.label(),
            a.skill_level.label()
        );
        return (cond(Status::NotMet, m.clone()), figure(&m));
    }
    if a.skill_related == YesNo::No {
        let m = "技能证书工种须与机电（机械）专业相关".to_string();
        return (cond(Status::NotMet, m.clone()), figure(&m));
    }
    let skill_date = CivilDate::parse(&a.skill_date)
        .map_err(|e| format!("请填写取得技能等级证书的日期（{}）", e.message()));
    // Work counts from the later of the certificate and the start of professional work.
    let start = skill_date.map(|d| match &f.professional_start {
        Ok(p) if *p > d => *p,
        _ => d,
    });
    years_cond(start, years, &what, f.cutoff)
}

fn honour_cond(a: &Applicant, listed: &[SkillHonour]) -> Cond {
    match a.skill_honours.iter().find(|h| listed.contains(h)) {
        Some(h) => cond(Status::Met, format!("具有「{}」", h.label())),
        None => cond(
            Status::NotMet,
            format!(
                "须具有以下荣誉之一：{}",
                listed
                    .iter()
                    .map(|h| h.label())
                    .collect::<Vec<_>>()
                    .join("、")
            ),
        ),
    }
}

fn other_title_cond(a: &Applicant, held: TitleLevel, f: &Facts) -> (Cond, YearsFigure) {
    let what = format!("任其他专业{}职务", held.label());
    let start = match a.other_title {
        TitleLevel::Unknown | TitleLevel::NoTitle => {
            let m = format!(
                "转（兼）评须已任其他专业{}职务 1 年以上，请填写其他专业职称",
                held.label()
            );
            let figure = YearsFigure {
                required: 1,
                have: None,
                what,
                missing: Some(m.clone()),
            };
            let status = if a.other_title == TitleLevel::NoTitle {
                Status::NotMet
            } else {
                Status::Missing
            };
            return (cond(status, m), figure);
        }
        t if t < held => {
            let m = format!(
                "转（兼）评须任其他专业{}职务，你填写的是「{}」",
                held.label(),
                t.label()
            );
            let figure = YearsFigure {
                required: 1,
                have: None,
                what,
                missing: Some(m.clone()),
            };
            return (cond(Status::NotMet, m), figure);
        }
        _ => CivilDate::parse(&a.other_title_date)
            .map_err(|e| format!("请填写取得其他专业职称的日期（{}）", e.message())),
    };
    years_cond(start, 1, &what, f.cutoff)
}

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

struct RouteDef {
    id: &'static str,
    cite: &'static str,
    title: &'static str,
    level: Level,
    mode: ApplyMode,
    qualification_type: QualificationType,
    appointment: Appointment,
}

macro_rules! route {
    ($id:expr, $cite:expr, $title:expr, $level:ident, $mode:ident, $qt:ident, $ap:ident) => {
        RouteDef {
            id: $id,
            cite: $cite,
            title: $title,
            level: Level::$level,
            mode: ApplyMode::$mode,
            qualification_type: QualificationType::$qt,
            appointment: Appointment::$ap,
        }
    };
}

const ROUTES: &[RouteDef] = &[
    route!(
        "8.1.a",
        "第八条（一）",
        "高中毕业，从事相关专业工作 6 年以上",
        Technician,
        Normal,
        NoQualification,
        No
    ),
    route!(
        "8.1.b",
        "第八条（一）",
        "非相关相近专业大学专科毕业，从事相关工作满 2 年",
        Technician,
        Normal,
        NoQualification,
        No
    ),
    route!(
        "8.2",
        "第八条（二）",
        "取得相关工种中级工职业技能等级后从事专业技术工作满 2 年",
        Technician,
        SkilledTalent,
        VocationalQualification,
        No
    ),
    route!(
        "9.1.a",
        "第九条（一）",
        "本专业或相近专业大学专科学历，取得技术员资格后实际从事技术员工作 1 年以上",
        AssistantEngineer,
        Normal,
        TitleQualification,
        No
    ),
    route!(
        "9.1.b",
        "第九条（一）",
        "本专业或相近专业中专学历，取得技术员资格后实际从事技术员工作 4 年以上",
        AssistantEngineer,
        Normal,
        TitleQualification,
        No
    ),
    route!(
        "9.1.c",
        "第九条（一）",
        "非相关相近专业大学专科毕业，从事相关专业工作满 5 年",
        AssistantEngineer,
        Normal,
        NoQualification,
        No
    ),
    route!(
        "9.1.d",
        "第九条（一）",
        "高中毕业，从事相关专业工作 10 年以上",
        AssistantEngineer,
        Normal,
        NoQualification,
        No
    ),
    route!(
        "9.2",
        "第九条（二）",
        "取得相关工种高级工职业技能等级后从事专业技术工作满 2 年",
        AssistantEngineer,
        SkilledTalent,
        VocationalQualification,
        No
    ),
    route!(
        "9.3",
        "第九条（三）",
        "浙江省技术能手、省级一类竞赛前五名、省级二类竞赛前三名或省“百千万”优秀技能人才",
        AssistantEngineer,
        SkilledTalent,
        NoQualification,
        No
    ),
    route!(
        "9.4",
        "第九条（四）",
        "任其他专业助理工程师职务 1 年以上，转（兼）评",
        AssistantEngineer,
        Transfer,
        TitleQualification,
        No
    ),
    route!(
        "10.1.a",
        "第十条（一）",
        "本专业或相近专业研究生学历或硕士学位，取得助理工程师资格后实际从事助理工程师工作 2 年以上",
        Engineer,
        Normal,
        TitleQualification,
        Yes
    ),
    route!(
        "10.1.b",
        "第十条（一）",
        "本专业或相近专业大学专科或本科学历，取得助理工程师资格后实际从事助理工程师工作 4 年以上",
        Engineer,
        Normal,
        TitleQualification,
        Yes
    ),
    route!(
        "10.2",
        "第十条（二）",
        "取得相关工种技师职业技能等级后从事专业技术工作满 3 年",
        Engineer,
        SkilledTalent,
        VocationalQualification,
        No
    ),
    route!(
        "10.3",
        "第十条（三）",
        "省级技能大师工作室领办人、省首席技师、全国技术能手等所列技能荣誉",
        Engineer,
        SkilledTalent,
        NoQualification,
        No
    ),
    route!(
        "10.4",
        "第十条（四）",
        "破格：自评分达到 25 分，且由 2 名副高级以上专家署名推荐，提前申报不超过 1 年",
        Engineer,
        Exceptional,
        TitleQualification,
        Yes
    ),
    route!(
        "10.5",
        "第十条（五）",
        "任其他专业工程师职务 1 年以上，转（兼）评",
        Engineer,
        Transfer,
        TitleQualification,
        Yes
    ),
];

/// The years 第十条（一） requires of this applicant's education: 2 with a related 研究生
/// education, 4 otherwise (used by 破格, which may be at most 1 year early).
fn engineer_title_years(a: &Applicant) -> u32 {
    let postgraduate = a
        .education
        .iter()
        .any(|e| e.level.tier() >= 5 && e.relatedness().is_related());
    if postgraduate {
        2
    } else {
        4
    }
}

fn evaluate_route(
    def: &RouteDef,
    a: &Applicant,
    f: &Facts,
    score: Option<&ScoreBreakdown>,
) -> RouteVerdict {
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
            let n = if def.id == "8.1.a" { 6 } else { 10 };
            let (c, fig) = prof(n);
            professional = Some(fig);
            vec![education_cond(a, 1, false, "高中及以上学历"), c]
        }
        "8.1.b" | "9.1.c" => {
            let n = if def.id == "8.1.b" { 2 } else { 5 };
            let (c, fig) = prof(n);
            professional = Some(fig);
            vec![education_cond(a, 3, false, "大学专科及以上学历"), c]
        }
        "9.1.a" | "9.1.b" | "10.1.a" | "10.1.b" => {
            let (tier, n, wanted, held) = match def.id {
                "9.1.a" => (3, 1, "大学专科及以上学历", TitleLevel::Technician),
                "9.1.b" => (2, 4, "中专及以上学历", TitleLevel::Technician),
                "10.1.a" => (5, 2, "研究生学历或硕士学位", TitleLevel::AssistantEngineer),
                _ => (3, 4, "大学专科或本科学历", TitleLevel::AssistantEngineer),
            };
            let (c, fig) = title_years_cond(a, held, n, f);
            title = Some(fig);
            professional = Some(prof(n).1);
            vec![education_cond(a, tier, true, wanted), c]
        }
        "8.2" | "9.2" | "10.2" => {
            let (min, n) = match def.id {
                "8.2" => (SkillLevel::Intermediate, 2),
                "9.2" => (SkillLevel::Advanced, 2),
                _ => (SkillLevel::Technician, 3),
            };
            let (c, fig) = skill_years_cond(a, min, n, f);
            professional = Some(fig);
            vec![c]
        }
        "9.3" => vec![honour_cond(a, ASSISTANT_HONOURS)],
        "10.3" => vec![honour_cond(a, ENGINEER_HONOURS)],
        "9.4" | "10.5" => {
            let held = if def.id == "9.4" {
                TitleLevel::AssistantEngineer
            } else {
                TitleLevel::Engineer
            };
            let (c, _) = other_title_cond(a, held, f);
            professional = Some(prof(1).1);
            vec![c]
        }
        _ => exceptional_conds(a, f, score, &mut professional, &mut title),
    };
    let status = Status::all(conds.iter().map(|c| c.status));
    let only_years_short = status != Status::Met
        && conds.iter().any(|c| c.years)
        && conds
            .iter()
            .filter(|c| !c.years)
            .all(|c| c.status == Status::Met);
    let shortfall = conds.iter().find_map(|c| c.shortfall.clone());
    let mut messages: Vec<String> = conds.into_iter().map(|c| c.message).collect();
    if let (Some(note), true) = (&f.professional_note, professional.is_some()) {
        messages.push(note.clone());
    }
    RouteVerdict {
        verdict: Verdict {
            id: def.id.to_string(),
            cite: def.cite.to_string(),
            title: def.title.to_string(),
            status,
            messages: messages
                .into_iter()
                .map(|m| format!("{m}（{}）", def.cite))
                .collect(),
            shortfall,
        },
        level: def.level,
        mode: def.mode,
        qualification_type: def.qualification_type,
        appointment: def.appointment,
        professional,
        title,
        only_years_short,
    }
}

fn exceptional_conds(
    a: &Applicant,
    f: &Facts,
    score: Option<&ScoreBreakdown>,
    professional: &mut Option<YearsFigure>,
    title: &mut Option<YearsFigure>,
) -> Vec<Cond> {
    let full = engineer_title_years(a);
    let (mut early, _) = title_years_cond(a, TitleLevel::AssistantEngineer, full - 1, f);
    early.message = format!(
        "任职年限未满的，提前申报原则上不超过 1 年：{}",
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
    let f = facts(a, plan);
    routes_for(a.level)
        .map(|def| evaluate_route(def, a, &f, score))
        .collect()
}

/// The route the 资历 score lines are measured against: within the chosen 申报方式 (when set),
/// the first route met, else the first one short only of years; 破格 uses 第十条（一）'s years.
pub fn seniority_basis(a: &Applicant, plan: &Plan) -> SeniorityBasis {
    if a.level == Level::Unset {
        return SeniorityBasis {
            reason: Some("请先选择申报级别，资历分按所选途径的年限要求计算".into()),
            ..SeniorityBasis::default()
        };
    }
    let routes = check_routes(a, plan, None);
    let in_mode = |r: &&RouteVerdict| a.mode == ApplyMode::Unset || r.mode == a.mode;
    let chosen = routes
        .iter()
        .filter(in_mode)
        .find(|r| r.verdict.status == Status::Met && r.mode != ApplyMode::Exceptional)
        .or_else(|| {
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

fn insurance_verdict(a: &Applicant, plan: &Plan) -> Verdict {
    let cite = format!(
        "{}二.4",
        if plan.notice.is_empty() {
            "通知"
        } else {
            plan.notice.as_str()
        }
    );
    let (status, message, shortfall) = match a.wenzhou_insurance_months {
        None => (
            Status::Missing,
            format!(
                "请填写申报截止日（{}）前在温州缴纳社保的月数",
                plan.application_end.iso()
            ),
            None,
        ),
        Some(m) if m > 3 => (
            Status::Met,
            format!("在温社保缴纳 {m} 个月，超过 3 个月"),
            None,
        ),
        Some(m) => (
            Status::NotMet,
            format!("申报截止日前须有 3 个月以上（超过 3 个月）的在温社保缴纳记录，现有 {m} 个月"),
            Some(format!("还差 {} 个月", 4 - m)),
        ),
    };
    Verdict {
        id: "general.insurance".into(),
        cite: cite.clone(),
        title: "申报截止日之前有 3 个月以上的在温社保缴纳记录".into(),
        status,
        messages: vec![format!("{message}（{cite}）")],
        shortfall,
    }
}

/// The whole eligibility answer; `score` is the self-score (for 破格).
pub fn check(a: &Applicant, plan: &Plan, score: &ScoreBreakdown) -> Eligibility {
    let routes = check_routes(a, plan, Some(score));
    let general = vec![
        education::check_evaluations(a, plan).verdict,
        education::check_continuing_education(a, plan).verdict,
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
    let hints = hints::hints(a, plan);
    Eligibility {
        level: a.level,
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

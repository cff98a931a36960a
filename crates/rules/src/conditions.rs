//! The building blocks of the routes: one condition each (education at a tier and 对口, years of
//! professional work with 机关 years added, years in a title, skill level, honours, 转评 title),
//! each returning met / not met / missing with a message and the concrete shortfall.

use super::applicant::{
    Applicant, Education, EducationLevel, HeldHonour, Relatedness, SkillCertificate, SkillHonour,
    SkillLevel, TitleLevel, WorkKind, YesNo,
};
use super::date::CivilDate;
use super::education::{check_continuing_education, check_evaluations, CeReport, EvaluationReport};
use super::held::{held, late_message, Held};
use super::plan::Plan;
use super::verdict::{years_check, Status};

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

/// One condition of a route.
pub(crate) struct Cond {
    pub status: Status,
    pub message: String,
    pub shortfall: Option<String>,
    pub years: bool,
}

pub(crate) fn cond(status: Status, message: impl Into<String>) -> Cond {
    Cond {
        status,
        message: message.into(),
        shortfall: None,
        years: false,
    }
}

/// What the later stages (routes, score, eligibility) need to know about the applicant in this
/// round, computed once per assessment.
pub(crate) struct Facts<'a> {
    /// The 资历 cut-off: years are counted up to it.
    pub cutoff: CivilDate,
    /// What counts as held: obtained by the achievements cut-off.
    pub held: Held<'a>,
    /// Start of related professional work, moved earlier by 机关 months (第十四条).
    pub professional_start: Result<CivilDate, String>,
    pub professional_note: Option<String>,
    /// 第六条 and the score's 继续教育 line.
    pub continuing_education: CeReport,
    /// 第五条 and the score's 年度考核 line.
    pub evaluations: EvaluationReport,
}

pub(crate) fn facts<'a>(a: &'a Applicant, plan: &Plan) -> Facts<'a> {
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
        held: held(a, plan),
        professional_start: start,
        professional_note: note,
        continuing_education: check_continuing_education(a, plan),
        evaluations: check_evaluations(a, plan),
    }
}

pub(crate) fn years_cond(
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

/// The best education entry held by the achievements cut-off at `min_tier` or above (and 对口
/// when `related`); an entry obtained after the cut-off that would have met the condition is
/// named with its date.
pub(crate) fn education_cond(f: &Facts, min_tier: u8, related: bool, wanted: &str) -> Cond {
    let fits = |e: &Education| {
        e.level.tier() >= min_tier && (!related || e.relatedness() != Relatedness::Unrelated)
    };
    let late: Vec<String> = f
        .held
        .late_education
        .iter()
        .filter(|(e, _)| fits(e))
        .map(|(e, on)| late_message(&format!("{}学历", e.level.label()), *on, f.held.cutoff))
        .collect();
    let mut c = held_education_cond(&f.held.education, min_tier, related, wanted);
    if c.status != Status::Met && !late.is_empty() {
        if f.held.education.iter().all(|e| !e.level.is_set()) {
            c = cond(Status::NotMet, format!("要求{wanted}"));
        }
        c.message = format!("{}；{}", c.message, late.join("；"));
    }
    c
}

fn held_education_cond(entries: &[&Education], min_tier: u8, related: bool, wanted: &str) -> Cond {
    let entries: Vec<&Education> = entries
        .iter()
        .copied()
        .filter(|e| e.level.is_set())
        .collect();
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

pub(crate) fn title_start(a: &Applicant, held: TitleLevel) -> Result<CivilDate, String> {
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

pub(crate) fn title_years_cond(
    a: &Applicant,
    held: TitleLevel,
    years: u32,
    f: &Facts,
) -> (Cond, YearsFigure) {
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

/// 第八条（二）、第九条（二）、第十条（二）: years since the first related certificate at `min` or
/// higher held by the achievements cut-off (a 高级工 of 2015 followed by a 技师 of 2021 meets the
/// 高级工 route from 2015), counted from the later of that date and the professional work start.
pub(crate) fn skill_years_cond(
    a: &Applicant,
    min: SkillLevel,
    years: u32,
    f: &Facts,
) -> (Cond, YearsFigure) {
    let what = format!("取得{}后从事专业技术工作", min.label());
    let figure = |missing: &str| YearsFigure {
        required: years,
        have: None,
        what: what.clone(),
        missing: Some(missing.to_string()),
    };
    let at_level = |c: &SkillCertificate| c.level.rank() >= min.rank();
    let related = |c: &SkillCertificate| c.related != YesNo::No;
    let late = f
        .held
        .late_certificates
        .iter()
        .filter(|(c, _)| at_level(c) && related(c))
        .map(|(c, on)| late_message(&format!("{}证书", c.level.label()), *on, f.held.cutoff))
        .collect::<Vec<_>>()
        .join("；");
    let with_late = |m: String| {
        if late.is_empty() {
            m
        } else {
            format!("{m}；{late}")
        }
    };
    let held: Vec<&SkillCertificate> = f.held.certificates.to_vec();
    let not_met = |m: String| {
        let m = with_late(m);
        (cond(Status::NotMet, m.clone()), figure(&m))
    };
    let missing = |m: String| (cond(Status::Missing, m.clone()), figure(&m));
    let at: Vec<&SkillCertificate> = held.iter().copied().filter(|c| at_level(c)).collect();
    if at.is_empty() {
        if held.iter().any(|c| !c.level.is_set()) {
            return missing(format!(
                "请选择技能等级证书的等级（要求{}及以上）",
                min.label()
            ));
        }
        let highest = held.iter().map(|c| c.level).max_by_key(|l| l.rank());
        return match (highest, a.skill_answer()) {
            (Some(level), _) if level.rank() > 0 => not_met(format!(
                "要求相关工种{}及以上职业技能等级，你的技能等级为「{}」",
                min.label(),
                level.label()
            )),
            _ if !late.is_empty() => {
                not_met(format!("要求相关工种{}及以上职业技能等级", min.label()))
            }
            (_, YesNo::No) => not_met(format!(
                "要求相关工种{}及以上职业技能等级，你填写的是没有职业技能等级证书",
                min.label()
            )),
            _ => missing(format!(
                "请填写职业技能等级证书（要求{}及以上）",
                min.label()
            )),
        };
    }
    let usable: Vec<&SkillCertificate> = at.iter().copied().filter(|c| related(c)).collect();
    if usable.is_empty() {
        return not_met("技能证书工种须与机电（机械）专业相关".to_string());
    }
    let first = usable
        .iter()
        .filter_map(|c| CivilDate::parse(&c.date).ok().map(|d| (d, *c)))
        .min_by_key(|(d, _)| *d);
    let undated = usable.iter().any(|c| CivilDate::parse(&c.date).is_err());
    let Some((first, cert)) = first else {
        return missing(format!("请填写取得{}证书的日期", usable[0].level.label()));
    };
    // Work counts from the later of the certificate and the start of professional work.
    let start = match &f.professional_start {
        Ok(p) if *p > first => *p,
        _ => first,
    };
    let (mut c, fig) = years_cond(Ok(start), years, &what, f.cutoff);
    if usable.len() > 1 {
        c.message = format!(
            "{}；按最早达到该等级的证书（{} {}）计",
            c.message,
            cert.level.label(),
            first.iso()
        );
    }
    if c.status != Status::Met {
        if undated {
            c.status = Status::Missing;
            c.message = format!("{}；还有技能等级证书未填取得日期，请补填", c.message);
        }
        c.message = with_late(c.message);
    }
    (c, fig)
}

/// 第九条（三）、第十条（三）: one of the listed honours, conferred by the achievements cut-off.
pub(crate) fn honour_cond(f: &Facts, listed: &[SkillHonour]) -> Cond {
    let listed_here = |h: SkillHonour| listed.contains(&h);
    let counted = f.held.honours.iter().filter(|h| listed_here(h.honour));
    let (dated, undated): (Vec<&HeldHonour>, Vec<&HeldHonour>) = counted
        .copied()
        .partition(|h| CivilDate::parse(&h.date).is_ok());
    if let Some(h) = dated.first() {
        return cond(
            Status::Met,
            format!("具有「{}」（{} 取得）", h.honour.label(), h.date.trim()),
        );
    }
    if let Some(h) = undated.first() {
        return cond(
            Status::Missing,
            format!(
                "请填写「{}」的取得时间：{} 之后取得的本次不计",
                h.honour.label(),
                f.held.cutoff.iso()
            ),
        );
    }
    let late: Vec<String> = f
        .held
        .late_honours
        .iter()
        .filter(|(h, _)| listed_here(h.honour))
        .map(|(h, on)| late_message(&format!("「{}」", h.honour.label()), *on, f.held.cutoff))
        .collect();
    if !late.is_empty() {
        return cond(Status::NotMet, late.join("；"));
    }
    cond(
        Status::NotMet,
        format!(
            "须具有以下荣誉之一：{}",
            listed
                .iter()
                .map(|h| h.label())
                .collect::<Vec<_>>()
                .join("、")
        ),
    )
}

pub(crate) fn other_title_cond(
    a: &Applicant,
    held: TitleLevel,
    years: u32,
    f: &Facts,
) -> (Cond, YearsFigure) {
    let what = format!("任其他专业{}职务", held.label());
    let start = match a.other_title {
        TitleLevel::Unknown | TitleLevel::NoTitle => {
            let m = format!(
                "转（兼）评须已任其他专业{}职务 {years} 年以上，请填写其他专业职称",
                held.label()
            );
            let figure = YearsFigure {
                required: years,
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
                required: years,
                have: None,
                what,
                missing: Some(m.clone()),
            };
            return (cond(Status::NotMet, m), figure);
        }
        _ => CivilDate::parse(&a.other_title_date)
            .map_err(|e| format!("请填写取得其他专业职称的日期（{}）", e.message())),
    };
    years_cond(start, years, &what, f.cutoff)
}

//! The 量化评价标准 self-score: every row of 基本条件 (cap 20) and 成果业绩 (cap 35), the
//! mountain-county bonus, and a breakdown with one line per item saying what counted, by which
//! rule, and why anything did not. The table itself is data (`score_table.json`).

use super::applicant::{
    Applicant, Education, ForeignLanguage, SkillLevel, TechPost, UnitSize, YesNo,
};
use super::conditions::{facts, Facts, YearsFigure};
use super::held::late_message;
use super::plan::Plan;
use super::routes::routes_with;
use super::rules_file::table;
use super::score_achievements::achievement_lines;
use super::score_table::{BasicTable, ScoreTable};
use super::seniority::{seniority_basis, SeniorityBasis};
use super::verdict::num;

use super::score_line::cap_in_order;
pub use super::score_line::{
    line, zero, ScoreBreakdown, ScoreLine, Section, EXPERT_DISCRETION, INFERRED_NOTE,
};

/// Scores the applicant against the plan: the 资历 lines use the route from
/// [`seniority_basis`]. Runs the stages before the score itself; `assess` runs each stage once and
/// calls [`score_from`].
pub fn score(applicant: &Applicant, plan: &Plan) -> ScoreBreakdown {
    let f = facts(applicant, plan);
    let routes = routes_with(applicant, &f, None);
    let basis = seniority_basis(applicant, &routes);
    score_from(applicant, plan, &f, &basis)
}

/// The score from the stages before it: the facts and the route the 资历 lines measure against.
pub(crate) fn score_from(
    applicant: &Applicant,
    plan: &Plan,
    f: &Facts,
    basis: &SeniorityBasis,
) -> ScoreBreakdown {
    let t = table();
    let mut lines = basic_lines(applicant, f, basis, t);
    let basic_total = apply_cap(&mut lines, t.caps.basic, "基本条件");
    let mut achievement_lines = achievement_lines(applicant, plan, t);
    let achievements_total = apply_cap(&mut achievement_lines, t.caps.achievements, "成果业绩");
    lines.extend(achievement_lines);
    let bonus = mountain_line(applicant, plan, f, t);
    let mountain_bonus = if bonus.counted { bonus.points } else { 0.0 };
    lines.push(bonus);
    let self_score = basic_total + achievements_total + mountain_bonus;
    ScoreBreakdown {
        lines,
        basic_total,
        achievements_total,
        mountain_bonus,
        self_score,
        exceptional_threshold: t.caps.exceptional_threshold,
        reaches_exceptional_threshold: self_score >= t.caps.exceptional_threshold,
    }
}

/// Caps the counted lines' sum at `cap` in line order (higher points first where order is
/// free); the line crossing the cap keeps the part that fits, later lines get nothing.
fn apply_cap(lines: &mut [ScoreLine], cap: f64, name: &str) -> f64 {
    let mut order: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].counted).collect();
    super::small_sort::sort_by(&mut order, |&a, &b| {
        lines[b].points.total_cmp(&lines[a].points).then(a.cmp(&b))
    });
    let over = format!("{name}已达 {} 分上限", num(cap));
    cap_in_order(lines, &order, cap, &over, false)
}

fn basic_lines(a: &Applicant, f: &Facts, basis: &SeniorityBasis, t: &ScoreTable) -> Vec<ScoreLine> {
    let b = &t.basic;
    let s = Section::Basic;
    let mut lines = Vec::new();

    // 学历: the best-scoring entry held by the achievements cut-off (对口 by 第十三条/第十九条), +1
    // with a degree certificate; a later one that would score more is named with its date.
    let rule = "量化评价标准·学历：研究生 5/4、本科 4/3、大专 3/2、中专 2/1（对口/不对口），最高学历同时具有学位证书另加 1 分".to_string();
    let held = &f.held;
    let education_points = |e: &Education| -> Option<(f64, f64, bool)> {
        let pair = match e.level.tier() {
            5 | 6 => b.education.postgraduate,
            4 => b.education.bachelor,
            3 => b.education.college,
            2 => b.education.secondary,
            _ => return None,
        };
        let related = e.relatedness().is_related();
        let points = if related { pair[0] } else { pair[1] };
        let bonus = if e.degree_certificate {
            b.education.degree_bonus
        } else {
            0.0
        };
        Some((points, bonus, related))
    };
    let mut best: Option<(f64, u8, &Education)> = None;
    let mut unknown_relatedness = false;
    for e in held.education.iter().copied() {
        let Some((points, bonus, _)) = education_points(e) else {
            continue;
        };
        unknown_relatedness |= e.relatedness() == super::applicant::Relatedness::Unknown;
        // The degree bonus belongs to the education counted, so it takes part in the choice: a
        // related 本科 with its degree (4 + 1) beats an unrelated 研究生 without one (4).
        let with_bonus = points + bonus;
        if best.is_none_or(|(p, tier, _)| (with_bonus, e.level.tier()) > (p, tier)) {
            best = Some((with_bonus, e.level.tier(), e));
        }
    }
    let best_points = best.map_or(0.0, |(p, ..)| p);
    let late_note = held
        .late_education
        .iter()
        .filter(|(e, _)| education_points(e).is_some_and(|(p, bonus, _)| p + bonus > best_points))
        .map(|(e, on)| late_message(&format!("{}学历", e.level.label()), *on, held.cutoff))
        .collect::<Vec<_>>();
    let late_note = (!late_note.is_empty()).then(|| late_note.join("；"));
    match best.and_then(|(_, _, e)| education_points(e).map(|p| (e, p))) {
        Some((e, (points, bonus, related))) => {
            let mut l = line(
                s,
                "学历",
                format!(
                    "{}（{}，{}）{}",
                    e.level.label(),
                    if e.major.is_empty() {
                        "专业未填"
                    } else {
                        e.major.as_str()
                    },
                    if related {
                        "专业对口"
                    } else {
                        "专业不对口"
                    },
                    if bonus > 0.0 {
                        "，有学位证书"
                    } else {
                        ""
                    }
                ),
                points + bonus,
                rule,
            );
            if !related && unknown_relatedness {
                l.reason = Some("未确认所学专业是否属于第十九条所列相关专业，暂按不对口计分；如属机电类、机械类、电子类、电气类、自动化类、工业设计类、金属材料类、计算机类，请选择「是」".into());
            }
            if let Some(note) = late_note {
                l.reason = Some(match l.reason.take() {
                    Some(r) => format!("{r}；{note}"),
                    None => note,
                });
            }
            lines.push(l);
        }
        None => lines.push(zero(
            s,
            "学历",
            "学历".into(),
            rule,
            late_note.unwrap_or_else(|| "未填写中专及以上学历（高中不计分）".into()),
        )),
    }

    // 技能等级: the highest related certificate held by the achievements cut-off.
    let rule =
        "量化评价标准·技能等级：高级技师 4、技师 3、高级工 2、中级工 1（工种须与机电相关相近）"
            .to_string();
    let skill_points = |level: SkillLevel| match level {
        SkillLevel::SeniorTechnician => b.skill.senior_technician,
        SkillLevel::Technician => b.skill.technician,
        SkillLevel::Advanced => b.skill.advanced,
        SkillLevel::Intermediate => b.skill.intermediate,
        _ => 0.0,
    };
    let highest = |related: bool| {
        held.certificates
            .iter()
            .filter(|c| (c.related != YesNo::No) == related)
            .map(|c| c.level)
            .max_by_key(|l| l.rank())
            .filter(|l| l.rank() > 0)
    };
    let counted = highest(true);
    let points = counted.map_or(0.0, skill_points);
    let late_note = held
        .late_certificates
        .iter()
        .filter(|(c, _)| c.related != YesNo::No && skill_points(c.level) > points)
        .map(|(c, on)| late_message(&format!("{}证书", c.level.label()), *on, held.cutoff))
        .collect::<Vec<_>>();
    let late_note = (!late_note.is_empty()).then(|| late_note.join("；"));
    lines.push(match (counted, highest(false)) {
        (Some(level), _) => {
            let mut l = line(s, "技能等级", level.label().into(), points, rule);
            l.reason = late_note;
            l
        }
        (None, Some(unrelated)) => zero(
            s,
            "技能等级",
            unrelated.label().into(),
            rule,
            late_note.unwrap_or_else(|| "证书上的工种与机电（机械）专业不相关，不计分".into()),
        ),
        (None, None) => zero(
            s,
            "技能等级",
            "职业技能等级".into(),
            rule,
            late_note.unwrap_or_else(|| "未填写职业技能等级".into()),
        ),
    });

    // 外语、计算机
    let rule = "量化评价标准·外语：CET-6 或职称外语国家线合格 2 分，CET-4 1 分".to_string();
    let points = match a.foreign_language {
        ForeignLanguage::Cet6 | ForeignLanguage::TitleExamPass => b.foreign.cet6,
        ForeignLanguage::Cet4 => b.foreign.cet4,
        _ => 0.0,
    };
    lines.push(if points > 0.0 {
        line(s, "外语", a.foreign_language.label().into(), points, rule)
    } else {
        zero(
            s,
            "外语",
            "外语".into(),
            rule,
            "无大学英语四、六级或职称外语合格证书".into(),
        )
    });
    let rule = "量化评价标准·计算机：4 个及以上模块合格 2 分，3 个模块 1 分".to_string();
    let points = match a.computer_modules {
        0..=2 => 0.0,
        3 => b.computer.three_modules,
        _ => b.computer.four_modules,
    };
    lines.push(if points > 0.0 {
        line(
            s,
            "计算机",
            format!("{} 个模块合格", a.computer_modules),
            points,
            rule,
        )
    } else {
        zero(
            s,
            "计算机",
            format!("{} 个模块合格", a.computer_modules),
            rule,
            "计算机应用能力考试合格模块不足 3 个".into(),
        )
    });

    // 资历
    lines.push(seniority_line(
        "专业工作年限",
        basis.professional.as_ref(),
        basis,
        b,
    ));
    lines.push(seniority_line(
        "职称任职年限",
        basis.title.as_ref(),
        basis,
        b,
    ));

    // 技术职务
    let rule = "量化评价标准·技术职务：单位技术负责人 4（大中型）/2（小微），部门技术负责人 2/1；需单位任职文件".to_string();
    let large = a.unit_size == UnitSize::LargeMedium;
    let points = match a.tech_post {
        TechPost::UnitTechLead if large => b.tech_post.unit_large,
        TechPost::UnitTechLead => b.tech_post.unit_small,
        TechPost::DeptTechLead if large => b.tech_post.dept_large,
        TechPost::DeptTechLead => b.tech_post.dept_small,
        _ => 0.0,
    };
    if points > 0.0 {
        let mut l = line(
            s,
            "技术职务",
            format!(
                "{}（{}）",
                a.tech_post.label(),
                if large {
                    "大中型企业"
                } else {
                    "小微企业"
                }
            ),
            points,
            rule,
        );
        if a.unit_size == UnitSize::Unknown {
            l.reason = Some("未填写企业规模，按小微企业计；年营业收入超过 2000 万元且员工超过 200 人的为大中型企业".into());
        }
        lines.push(l);
    } else {
        lines.push(zero(
            s,
            "技术职务",
            "技术职务".into(),
            rule,
            "未担任单位或部门技术负责人".into(),
        ));
    }

    // 年度考核
    let excellent = &f.evaluations.excellent_years;
    let rule = "量化评价标准·年度（绩效）考核：优秀等次每年度 1 分，累计不超过 3 分".to_string();
    let points = (excellent.len() as f64 * b.evaluation.per_excellent_year).min(b.evaluation.max);
    lines.push(years_line(
        s,
        "年度考核",
        (excellent, "年度考核优秀"),
        points,
        rule,
        ("年度考核优秀", "没有年度考核为优秀的年份"),
    ));

    // 工资薪金
    let rule =
        "量化评价标准·工资薪金：年收入 12 万以上 2 分，需税务部门出具的个税完税证明".to_string();
    lines.push(if a.income_over_120k {
        line(s, "工资薪金", "年收入 12 万元以上".into(), b.income, rule)
    } else {
        zero(
            s,
            "工资薪金",
            "年收入".into(),
            rule,
            "年收入未达 12 万元（或未填写）".into(),
        )
    });

    // 继续教育
    let ce = &b.continuing_education;
    let bonus_years = &f.continuing_education.bonus_years;
    let rule = format!(
        "量化评价标准·继续教育：年度学时超过标准 {} 学时以上（{} 年以前标准 {} 学时，以后 {} 学时）每年 1 分，累计不超过 3 分",
        num(ce.margin),
        ce.standard_from_year,
        num(ce.standard_before),
        num(ce.standard)
    );
    let points = (bonus_years.len() as f64 * ce.per_year).min(ce.max);
    lines.push(years_line(
        s,
        "继续教育",
        (bonus_years, "年学时超标准 10 学时以上"),
        points,
        rule,
        (
            "继续教育加分",
            "没有学时达到标准 + 10 学时的年份（2017 年起即 100 学时）",
        ),
    ));
    lines
}

/// A line that counts years (年度考核优秀, 继续教育超标准): the years and what they are
/// (「2023、2024 年度考核优秀」) with the points, or, when none counts, 0 with the line's name and
/// why.
fn years_line(
    s: Section,
    item: &str,
    (years, counted): (&[i32], &str),
    points: f64,
    rule: String,
    (name, none): (&str, &str),
) -> ScoreLine {
    if points > 0.0 {
        line(
            s,
            item,
            format!("{} {counted}", join_years(years)),
            points,
            rule,
        )
    } else {
        zero(s, item, name.into(), rule, none.into())
    }
}

fn join_years(years: &[i32]) -> String {
    years
        .iter()
        .map(|y| y.to_string())
        .collect::<Vec<_>>()
        .join("、")
}

fn seniority_line(
    item: &str,
    figure: Option<&YearsFigure>,
    basis: &SeniorityBasis,
    b: &BasicTable,
) -> ScoreLine {
    let p = &b.seniority;
    let rule = format!(
        "量化评价标准·{item}：达到申报条件的年限计 {} 分，每超 1 年加 {} 分，累计不超过 {} 分",
        num(p.reached),
        num(p.per_extra_year),
        num(p.max)
    );
    let Some(fig) = figure else {
        return zero(
            Section::Basic,
            item,
            item.into(),
            rule,
            basis.no_basis_reason(item),
        );
    };
    let route = format!("按{}（{}）", basis.cite, basis.route_title);
    match fig.have {
        None => zero(
            Section::Basic,
            item,
            route,
            rule,
            fig.missing
                .clone()
                .unwrap_or_else(|| format!("缺少计算{item}所需的日期")),
        ),
        Some(have) if have < fig.required as i32 => zero(
            Section::Basic,
            item,
            route,
            rule,
            format!(
                "{}满 {have} 年，未达到该途径要求的 {} 年",
                fig.what, fig.required
            ),
        ),
        Some(have) => {
            let extra = (have - fig.required as i32) as f64;
            let points = (p.reached + extra * p.per_extra_year).min(p.max);
            line(
                Section::Basic,
                item,
                format!(
                    "{route}：{}满 {have} 年（要求 {} 年）",
                    fig.what, fig.required
                ),
                points,
                rule,
            )
        }
    }
}

fn mountain_line(a: &Applicant, plan: &Plan, f: &Facts, t: &ScoreTable) -> ScoreLine {
    let c = &t.caps;
    let rule = format!(
        "{}二.2 山区县倾斜政策：在 {} 个山区县从事相关专技工作每满 1 年加 {} 分，累计不超过 {} 分（需用人单位出具专项证明并盖章）",
        if plan.notice.is_empty() { "通知".to_string() } else { plan.notice.clone() },
        plan.mountain_counties.len(),
        num(c.mountain_per_year),
        num(c.mountain_max)
    );
    let item = "山区县加分";
    if a.mountain_years == 0 {
        return zero(
            Section::Bonus,
            item,
            item.into(),
            rule,
            "未填写在山区县从事相关专技工作的年限".into(),
        );
    }
    let subject = format!("{}，{} 年", a.mountain_county.trim(), a.mountain_years);
    if a.mountain_county.trim().is_empty() {
        return zero(
            Section::Bonus,
            item,
            subject,
            rule,
            "请填写工作所在的山区县".into(),
        );
    }
    if plan.mountain_county(&a.mountain_county).is_none() {
        return zero(
            Section::Bonus,
            item,
            subject,
            rule,
            format!(
                "「{}」不在 {} 年度 {} 个山区县名单中（只认县名本身，可带「县」「市」等后缀和所在省市）",
                a.mountain_county.trim(),
                plan.year,
                plan.mountain_counties.len()
            ),
        );
    }
    // The years in a 山区县 are years of professional work there: never more than the professional
    // work years counted to the 资历 cut-off (READING.md, 2026-12), and none before that start
    // date is known.
    let worked = match &f.professional_start {
        Ok(start) => start.full_years_until(plan.seniority_cutoff).max(0) as u32,
        Err(why) => {
            return zero(
                Section::Bonus,
                item,
                subject,
                rule,
                format!(
                    "{why}：山区县工作年限不能超过从事专业技术工作的年限，填写后才能计算山区县加分"
                ),
            )
        }
    };
    let years = a.mountain_years.min(worked);
    let points = (years as f64 * c.mountain_per_year).min(c.mountain_max);
    let mut l = line(Section::Bonus, item, subject, points, rule);
    let mut reasons = Vec::new();
    if years < a.mountain_years {
        reasons.push(format!(
            "填写 {} 年，但到资历截止日 {} 从事专业技术工作只满 {worked} 年，按 {worked} 年计",
            a.mountain_years, plan.seniority_cutoff
        ));
    }
    if years as f64 * c.mountain_per_year > c.mountain_max {
        reasons.push(format!("累计不超过 {} 分", num(c.mountain_max)));
    }
    if !reasons.is_empty() {
        l.reason = Some(reasons.join("；"));
    }
    l
}

impl SeniorityBasis {
    /// Why a 资历 line has no basis (no route with a years requirement applies).
    pub fn no_basis_reason(&self, item: &str) -> String {
        match &self.reason {
            Some(reason) => reason.clone(),
            None if item == "职称任职年限" => {
                format!("所选途径（{}）不涉及低一级职称，本项为 0 分", self.cite)
            }
            None => format!("所选途径（{}）没有年限要求，本项为 0 分", self.cite),
        }
    }
}

#[cfg(test)]
#[path = "scoring_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "basic_score_tests.rs"]
mod basic_tests;

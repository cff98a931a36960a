//! The 量化评价标准 self-score: every row of 基本条件 (cap 20) and 成果业绩 (cap 35), the
//! mountain-county bonus, and a breakdown with one line per item saying what counted, by which
//! rule, and why anything did not. The table itself is data (`score_table.json`).

use super::applicant::{
    Achievement, Applicant, ForeignLanguage, SkillLevel, TechPost, UnitSize, YesNo,
};
use super::date::CivilDate;
use super::education;
use super::eligibility::{seniority_basis, SeniorityBasis, YearsFigure};
use super::plan::Plan;
use super::verdict::num;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE_JSON: &str = include_str!("score_table.json");

/// Shown with every line whose points READING.md marks as inferred from a garbled OCR cell.
pub const INFERRED_NOTE: &str = "此项分值据原表推断，以评委会解释为准";
pub const EXPERT_DISCRETION: &str = "其他排名由评议专家酌情量分";

#[derive(Clone, Debug, Deserialize)]
pub struct Caps {
    pub basic: f64,
    pub achievements: f64,
    pub exceptional_threshold: f64,
    pub mountain_per_year: f64,
    pub mountain_max: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct EducationPoints {
    /// [对口, 不对口]
    pub postgraduate: [f64; 2],
    pub bachelor: [f64; 2],
    pub college: [f64; 2],
    pub secondary: [f64; 2],
    pub degree_bonus: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct SkillPoints {
    pub intermediate: f64,
    pub advanced: f64,
    pub technician: f64,
    pub senior_technician: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct ForeignPoints {
    pub cet6: f64,
    pub cet4: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct ComputerPoints {
    pub four_modules: f64,
    pub three_modules: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct SeniorityPoints {
    pub reached: f64,
    pub per_extra_year: f64,
    pub max: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct TechPostPoints {
    pub unit_large: f64,
    pub unit_small: f64,
    pub dept_large: f64,
    pub dept_small: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct EvaluationPoints {
    pub per_excellent_year: f64,
    pub max: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct CePoints {
    pub per_year: f64,
    pub max: f64,
    pub margin: f64,
    pub standard: f64,
    pub standard_before: f64,
    pub standard_from_year: i32,
}

#[derive(Clone, Debug, Deserialize)]
pub struct BasicTable {
    pub education: EducationPoints,
    pub skill: SkillPoints,
    pub foreign: ForeignPoints,
    pub computer: ComputerPoints,
    pub seniority: SeniorityPoints,
    pub tech_post: TechPostPoints,
    pub evaluation: EvaluationPoints,
    pub income: f64,
    pub continuing_education: CePoints,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grouping {
    /// Same result (same non-empty `group_key`) counts once, the highest.
    SameResult,
    /// Within one year only the highest counts.
    SameYear,
    /// Counted once over all entries, the highest.
    Once,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub grouping: Grouping,
    #[serde(default)]
    pub subtotal_cap: Option<f64>,
    pub note: String,
}

/// `top` for rank `from`, one `step` less per rank, `bottom` at rank `to`.
#[derive(Clone, Debug, Deserialize)]
pub struct Segment {
    pub from: u32,
    pub to: u32,
    pub top: f64,
    pub bottom: f64,
    pub step: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Row {
    pub id: String,
    pub category: String,
    pub label: String,
    /// Rank-based rows; empty for fixed-point rows.
    #[serde(default)]
    pub ladder: Vec<Segment>,
    /// Fixed points (honours, 技能称号, 竞赛).
    #[serde(default)]
    pub points: Option<f64>,
    /// The row scores nothing in the self-assessment, for this reason.
    #[serde(default)]
    pub no_points: Option<String>,
    #[serde(default)]
    pub inferred: bool,
    #[serde(default)]
    pub count_limit: Option<usize>,
    #[serde(default)]
    pub needs_stamp: bool,
}

impl Row {
    /// The points for `rank` (`None` when the rank is outside every segment).
    pub fn points_for_rank(&self, rank: u32) -> Option<f64> {
        if let Some(points) = self.points {
            return Some(points);
        }
        self.ladder
            .iter()
            .find(|s| (s.from..=s.to).contains(&rank))
            .map(|s| s.top - s.step * (rank - s.from) as f64)
    }

    pub fn is_ranked(&self) -> bool {
        !self.ladder.is_empty()
    }

    /// 「第1-7名」, 「第1名、第2-5名」.
    pub fn ranks_label(&self) -> String {
        self.ladder
            .iter()
            .map(|s| {
                if s.from == s.to {
                    format!("第{}名", s.from)
                } else {
                    format!("第{}-{}名", s.from, s.to)
                }
            })
            .collect::<Vec<_>>()
            .join("、")
    }

    pub fn last_rank(&self) -> u32 {
        self.ladder.iter().map(|s| s.to).max().unwrap_or(0)
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct ScoreTable {
    pub caps: Caps,
    pub basic: BasicTable,
    pub categories: Vec<Category>,
    pub rows: Vec<Row>,
}

impl ScoreTable {
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The rows of a category, in table order (for a select box).
    pub fn rows_of<'a>(&'a self, category: &'a str) -> impl Iterator<Item = &'a Row> + 'a {
        self.rows.iter().filter(move |r| r.category == category)
    }
}

/// The score table, parsed once from the embedded data (its consistency is tested below).
pub fn table() -> &'static ScoreTable {
    static TABLE: OnceLock<ScoreTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        serde_json::from_str(TABLE_JSON).unwrap_or_else(|_| ScoreTable {
            caps: Caps {
                basic: 20.0,
                achievements: 35.0,
                exceptional_threshold: 25.0,
                mountain_per_year: 0.5,
                mountain_max: 3.0,
            },
            basic: serde_json::from_str(BASIC_FALLBACK).expect("fallback basic table"),
            categories: Vec::new(),
            rows: Vec::new(),
        })
    })
}

const BASIC_FALLBACK: &str = r#"{"education":{"postgraduate":[5,4],"bachelor":[4,3],"college":[3,2],"secondary":[2,1],"degree_bonus":1},"skill":{"intermediate":1,"advanced":2,"technician":3,"senior_technician":4},"foreign":{"cet6":2,"cet4":1},"computer":{"four_modules":2,"three_modules":1},"seniority":{"reached":2,"per_extra_year":0.5,"max":4},"tech_post":{"unit_large":4,"unit_small":2,"dept_large":2,"dept_small":1},"evaluation":{"per_excellent_year":1,"max":3},"income":2,"continuing_education":{"per_year":1,"max":3,"margin":10,"standard":90,"standard_before":32,"standard_from_year":2017}}"#;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Section {
    /// 基本条件 (cap 20)
    Basic,
    /// 成果业绩 (cap 35)
    Achievements,
    /// 山区县加分 (max 3), its own line
    Bonus,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreLine {
    pub section: Section,
    /// The table's item, e.g. 「学历」, 「专利」.
    pub item: String,
    /// What was scored, e.g. 「发明专利「一种阀门」第 2 名」.
    pub subject: String,
    /// Index into `applicant.achievements` for achievement lines.
    pub achievement: Option<usize>,
    pub points: f64,
    pub counted: bool,
    /// The rule applied, e.g. 「量化评价标准·专利：发明 第1-3名 12→8，每名减 2 分」.
    pub rule: String,
    /// Why the line scores nothing or less than its value.
    pub reason: Option<String>,
    pub inferred: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreBreakdown {
    pub lines: Vec<ScoreLine>,
    pub basic_total: f64,
    pub achievements_total: f64,
    pub mountain_bonus: f64,
    /// 基本条件 + 成果业绩 + 山区县加分 (exam and interview are not self-assessed).
    pub self_score: f64,
    pub exceptional_threshold: f64,
    /// 第十条（四）: self-score ≥ 25.
    pub reaches_exceptional_threshold: bool,
}

impl ScoreBreakdown {
    pub fn achievement_line(&self, index: usize) -> Option<&ScoreLine> {
        self.lines.iter().find(|l| l.achievement == Some(index))
    }
}

/// Scores the applicant against the plan: the 资历 lines use the route from
/// [`seniority_basis`].
pub fn score(applicant: &Applicant, plan: &Plan) -> ScoreBreakdown {
    let basis = seniority_basis(applicant, plan);
    score_with_basis(applicant, plan, &basis)
}

pub fn score_with_basis(
    applicant: &Applicant,
    plan: &Plan,
    basis: &SeniorityBasis,
) -> ScoreBreakdown {
    let t = table();
    let mut lines = basic_lines(applicant, plan, basis, t);
    let basic_total = apply_cap(&mut lines, t.caps.basic, "基本条件");
    let mut achievement_lines = achievement_lines(applicant, plan, t);
    let achievements_total = apply_cap(&mut achievement_lines, t.caps.achievements, "成果业绩");
    lines.extend(achievement_lines);
    let bonus = mountain_line(applicant, plan, t);
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

fn line(section: Section, item: &str, subject: String, points: f64, rule: String) -> ScoreLine {
    ScoreLine {
        section,
        item: item.to_string(),
        subject,
        achievement: None,
        points,
        counted: points > 0.0,
        rule,
        reason: None,
        inferred: false,
    }
}

fn zero(section: Section, item: &str, subject: String, rule: String, reason: String) -> ScoreLine {
    ScoreLine {
        reason: Some(reason),
        counted: false,
        ..line(section, item, subject, 0.0, rule)
    }
}

/// Caps the counted lines' sum at `cap` in line order (higher points first where order is
/// free); the line crossing the cap keeps the part that fits, later lines get nothing.
fn apply_cap(lines: &mut [ScoreLine], cap: f64, name: &str) -> f64 {
    let mut order: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].counted).collect();
    order.sort_by(|&a, &b| lines[b].points.total_cmp(&lines[a].points).then(a.cmp(&b)));
    let mut total = 0.0;
    for i in order {
        let room = cap - total;
        let l = &mut lines[i];
        if room <= 0.0 {
            l.reason = Some(format!("{name}已达 {} 分上限，此项不再计分", num(cap)));
            l.points = 0.0;
            l.counted = false;
        } else if l.points > room {
            l.reason = Some(format!(
                "{name}已达 {} 分上限，此项 {} 分只计 {} 分",
                num(cap),
                num(l.points),
                num(room)
            ));
            l.points = room;
            total = cap;
        } else {
            total += l.points;
        }
    }
    total
}

fn basic_lines(
    a: &Applicant,
    plan: &Plan,
    basis: &SeniorityBasis,
    t: &ScoreTable,
) -> Vec<ScoreLine> {
    let b = &t.basic;
    let s = Section::Basic;
    let mut lines = Vec::new();

    // 学历: the best-scoring entry (对口 by 第十三条/第十九条), +1 with a degree certificate.
    let rule = "量化评价标准·学历：研究生 5/4、本科 4/3、大专 3/2、中专 2/1（对口/不对口），最高学历同时具有学位证书另加 1 分".to_string();
    let mut best: Option<(f64, u8, usize, bool)> = None;
    let mut unknown_relatedness = false;
    for (i, e) in a.education.iter().enumerate() {
        if let Some(date) = CivilDate::parse(&e.graduation_date).ok() {
            if date > plan.seniority_cutoff {
                continue;
            }
        }
        let pair = match e.level.tier() {
            5 | 6 => b.education.postgraduate,
            4 => b.education.bachelor,
            3 => b.education.college,
            2 => b.education.secondary,
            _ => continue,
        };
        let relatedness = e.relatedness();
        unknown_relatedness |= relatedness == super::applicant::Relatedness::Unknown;
        let related = relatedness.is_related();
        let points = if related { pair[0] } else { pair[1] };
        let key = (points, e.level.tier(), i, related);
        if best.is_none_or(|(p, tier, _, _)| (points, e.level.tier()) > (p, tier)) {
            best = Some(key);
        }
    }
    match best {
        Some((points, _, i, related)) => {
            let e = &a.education[i];
            let bonus = if e.degree_certificate {
                b.education.degree_bonus
            } else {
                0.0
            };
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
            lines.push(l);
        }
        None => lines.push(zero(
            s,
            "学历",
            "学历".into(),
            rule,
            "未填写中专及以上学历（高中不计分）".into(),
        )),
    }

    // 技能等级
    let rule =
        "量化评价标准·技能等级：高级技师 4、技师 3、高级工 2、中级工 1（工种须与机电相关相近）"
            .to_string();
    let points = match a.skill_level {
        SkillLevel::SeniorTechnician => b.skill.senior_technician,
        SkillLevel::Technician => b.skill.technician,
        SkillLevel::Advanced => b.skill.advanced,
        SkillLevel::Intermediate => b.skill.intermediate,
        _ => 0.0,
    };
    lines.push(if points == 0.0 {
        zero(
            s,
            "技能等级",
            "职业技能等级".into(),
            rule,
            "未填写职业技能等级".into(),
        )
    } else if a.skill_related == YesNo::No {
        zero(
            s,
            "技能等级",
            a.skill_level.label().into(),
            rule,
            "证书上的工种与机电（机械）专业不相关，不计分".into(),
        )
    } else {
        line(s, "技能等级", a.skill_level.label().into(), points, rule)
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
    let excellent = education::check_evaluations(a, plan).excellent_years;
    let rule = "量化评价标准·年度（绩效）考核：优秀等次每年度 1 分，累计不超过 3 分".to_string();
    let points = (excellent.len() as f64 * b.evaluation.per_excellent_year).min(b.evaluation.max);
    lines.push(if points > 0.0 {
        line(
            s,
            "年度考核",
            format!("{} 年度考核优秀", join_years(&excellent)),
            points,
            rule,
        )
    } else {
        zero(
            s,
            "年度考核",
            "年度考核优秀".into(),
            rule,
            "没有年度考核为优秀的年份".into(),
        )
    });

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
    let bonus_years = education::check_continuing_education(a, plan).bonus_years;
    let rule = format!(
        "量化评价标准·继续教育：年度学时超过标准 {} 学时以上（{} 年以前标准 {} 学时，以后 {} 学时）每年 1 分，累计不超过 3 分",
        num(ce.margin),
        ce.standard_from_year,
        num(ce.standard_before),
        num(ce.standard)
    );
    let points = (bonus_years.len() as f64 * ce.per_year).min(ce.max);
    lines.push(if points > 0.0 {
        line(
            s,
            "继续教育",
            format!("{} 年学时超标准 10 学时以上", join_years(&bonus_years)),
            points,
            rule,
        )
    } else {
        zero(
            s,
            "继续教育",
            "继续教育加分".into(),
            rule,
            "没有学时达到标准 + 10 学时的年份（2017 年起即 100 学时）".into(),
        )
    });
    lines
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

fn mountain_line(a: &Applicant, plan: &Plan, t: &ScoreTable) -> ScoreLine {
    let c = &t.caps;
    let rule = format!(
        "{}二.2 山区县倾斜政策：在 26 个山区县从事相关专技工作每满 1 年加 {} 分，累计不超过 {} 分（需用人单位出具专项证明并盖章）",
        if plan.notice.is_empty() { "通知".to_string() } else { plan.notice.clone() },
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
                "「{}」不在 {} 年度 26 个山区县名单中",
                a.mountain_county.trim(),
                plan.year
            ),
        );
    }
    let points = (a.mountain_years as f64 * c.mountain_per_year).min(c.mountain_max);
    let mut l = line(Section::Bonus, item, subject, points, rule);
    if a.mountain_years as f64 * c.mountain_per_year > c.mountain_max {
        l.reason = Some(format!("累计不超过 {} 分", num(c.mountain_max)));
    }
    l
}

/// Why an achievement cannot count at all, before any grouping or cap.
fn entry_problem(
    e: &Achievement,
    row: &Row,
    plan: &Plan,
    title_date: Option<CivilDate>,
) -> Option<String> {
    if !e.selected {
        return Some("未选入本次申报（第四步「选择相关业绩」）".into());
    }
    if e.related == YesNo::No {
        return Some("与机电（机械）专业无关，不计分（第十七条）".into());
    }
    if let Some(reason) = &row.no_points {
        return Some(reason.clone());
    }
    let Ok(date) = CivilDate::parse(&e.date) else {
        return Some(format!(
            "缺少有效的取得日期，无法确认是否在任现职后、{} 之前取得；请填写日期（如 2021-06-01）",
            plan.achievements_cutoff.iso()
        ));
    };
    if date > plan.achievements_cutoff {
        return Some(format!(
            "取得日期 {} 晚于业绩截止日 {}，本年度不计（通知二.6）",
            date.iso(),
            plan.achievements_cutoff.iso()
        ));
    }
    if let Some(title_date) = title_date {
        if date < title_date {
            return Some(format!(
                "取得于任现职（{}）之前，不计分（第十七条：业绩须为任现职后取得）",
                title_date.iso()
            ));
        }
    }
    if row.is_ranked() {
        if e.rank == 0 {
            return Some("未填写本人排名".into());
        }
        if row.points_for_rank(e.rank).is_none() {
            return Some(format!(
                "第 {} 名超出排名范围（{}），{EXPERT_DISCRETION}",
                e.rank,
                row.ranks_label()
            ));
        }
    }
    if row.needs_stamp && !e.unit_stamped {
        return Some("未公开发表的须经工作单位审核盖章后才能计分".into());
    }
    None
}

fn row_rule(row: &Row, category: &str) -> String {
    let mut rule = format!("量化评价标准·{category}：{}", row.label);
    if row.is_ranked() {
        for s in &row.ladder {
            if s.from == s.to {
                rule.push_str(&format!(" 第{}名 {} 分", s.from, num(s.top)));
            } else {
                rule.push_str(&format!(
                    " 第{}-{}名 {}→{}（每名减 {} 分）",
                    s.from,
                    s.to,
                    num(s.top),
                    num(s.bottom),
                    num(s.step)
                ));
            }
        }
    } else if let Some(points) = row.points {
        rule.push_str(&format!(" {} 分", num(points)));
    }
    rule
}

fn achievement_lines(a: &Applicant, plan: &Plan, t: &ScoreTable) -> Vec<ScoreLine> {
    let title_date = CivilDate::parse(&a.current_title_date).ok();
    let mut lines: Vec<ScoreLine> = Vec::with_capacity(a.achievements.len());
    // (line index, category index, row, date) of the entries still in the running.
    let mut live: Vec<(usize, usize, &Row, Option<CivilDate>)> = Vec::new();
    for (i, e) in a.achievements.iter().enumerate() {
        let subject = achievement_subject(e);
        let Some(row) = t.row(e.row.trim()) else {
            lines.push(ScoreLine {
                achievement: Some(i),
                ..zero(
                    Section::Achievements,
                    "成果业绩",
                    subject,
                    "量化评价标准·成果业绩".into(),
                    "未选择成果类别（对应评分表的哪一行）".into(),
                )
            });
            continue;
        };
        let cat_index = t
            .categories
            .iter()
            .position(|c| c.id == row.category)
            .unwrap_or(0);
        let cat_name = t
            .categories
            .get(cat_index)
            .map(|c| c.name.as_str())
            .unwrap_or("成果业绩");
        let rule = row_rule(row, cat_name);
        let mut l = ScoreLine {
            achievement: Some(i),
            inferred: row.inferred,
            ..zero(
                Section::Achievements,
                cat_name,
                subject,
                rule,
                String::new(),
            )
        };
        match entry_problem(e, row, plan, title_date) {
            Some(reason) => l.reason = Some(reason),
            None => {
                l.points = row.points_for_rank(e.rank).unwrap_or(0.0);
                l.counted = true;
                l.reason = None;
                live.push((lines.len(), cat_index, row, CivilDate::parse(&e.date).ok()));
            }
        }
        if row.inferred {
            l.reason = Some(match l.reason.take() {
                Some(r) => format!("{r}；{INFERRED_NOTE}"),
                None => INFERRED_NOTE.to_string(),
            });
        }
        lines.push(l);
    }

    // Highest-only rules: group the live entries, keep the best of each group.
    let mut groups: HashMap<(usize, String), Vec<usize>> = HashMap::new();
    for &(li, ci, _, date) in &live {
        let category = &t.categories[ci.min(t.categories.len().saturating_sub(1))];
        let e = &a.achievements[lines[li].achievement.unwrap_or(0)];
        let key = match category.grouping {
            Grouping::SameResult if !e.group_key.trim().is_empty() => {
                format!("r:{}", e.group_key.trim())
            }
            Grouping::SameResult => continue,
            Grouping::SameYear => format!("y:{}", date.map(|d| d.year).unwrap_or(0)),
            Grouping::Once => "once".to_string(),
        };
        groups.entry((ci, key)).or_default().push(li);
    }
    let mut group_list: Vec<_> = groups.into_iter().collect();
    group_list.sort_by(|a, b| a.1.first().cmp(&b.1.first()));
    for ((ci, key), members) in group_list {
        if members.len() < 2 {
            continue;
        }
        let best = best_of(&lines, &members);
        let category = &t.categories[ci];
        for &li in &members {
            if li == best {
                continue;
            }
            let reason = match category.grouping {
                Grouping::SameResult => format!(
                    "与第 {} 项为同一成果（{}），按就高原则只计最高一项",
                    lines[best].achievement.unwrap_or(0) + 1,
                    key.trim_start_matches("r:")
                ),
                Grouping::SameYear => format!(
                    "同一年度（{} 年）{}按就高原则只计一次，已计第 {} 项",
                    key.trim_start_matches("y:"),
                    category.name,
                    lines[best].achievement.unwrap_or(0) + 1
                ),
                Grouping::Once => format!(
                    "技能称号按就高原则只计一次，已计第 {} 项",
                    lines[best].achievement.unwrap_or(0) + 1
                ),
            };
            drop_line(&mut lines[li], reason);
        }
    }

    // Count limits per row (企业标准 3 项, 未公开发表 2 篇): the highest ones count.
    for row in t.rows.iter().filter(|r| r.count_limit.is_some()) {
        let limit = row.count_limit.unwrap_or(usize::MAX);
        let mut members: Vec<usize> = live
            .iter()
            .filter(|(li, _, r, _)| r.id == row.id && lines[*li].counted)
            .map(|(li, ..)| *li)
            .collect();
        sort_best_first(&lines, &mut members);
        for &li in members.iter().skip(limit) {
            drop_line(
                &mut lines[li],
                format!("{}限 {limit} 项，只计分值最高的 {limit} 项", row.label),
            );
        }
    }

    // Subtotal caps per category (论文著作 20, 专利 20).
    for (ci, category) in t.categories.iter().enumerate() {
        let Some(cap) = category.subtotal_cap else {
            continue;
        };
        let mut members: Vec<usize> = live
            .iter()
            .filter(|(li, c, ..)| *c == ci && lines[*li].counted)
            .map(|(li, ..)| *li)
            .collect();
        sort_best_first(&lines, &mut members);
        let mut total = 0.0;
        for li in members {
            let room = cap - total;
            let l = &mut lines[li];
            if room <= 0.0 {
                drop_line(
                    l,
                    format!(
                        "超过{}总分 {} 分上限，此项不再计分",
                        category.name,
                        num(cap)
                    ),
                );
            } else if l.points > room {
                l.reason = Some(format!(
                    "超过{}总分 {} 分上限，此项 {} 分只计 {} 分",
                    category.name,
                    num(cap),
                    num(l.points),
                    num(room)
                ));
                l.points = room;
                total = cap;
            } else {
                total += l.points;
            }
        }
    }
    lines
}

fn drop_line(l: &mut ScoreLine, reason: String) {
    l.points = 0.0;
    l.counted = false;
    l.reason = Some(if l.inferred {
        format!("{reason}；{INFERRED_NOTE}")
    } else {
        reason
    });
}

fn sort_best_first(lines: &[ScoreLine], members: &mut [usize]) {
    members.sort_by(|&a, &b| lines[b].points.total_cmp(&lines[a].points).then(a.cmp(&b)));
}

fn best_of(lines: &[ScoreLine], members: &[usize]) -> usize {
    let mut sorted = members.to_vec();
    sort_best_first(lines, &mut sorted);
    sorted[0]
}

fn achievement_subject(e: &Achievement) -> String {
    let title = if e.title.trim().is_empty() {
        "（未命名）"
    } else {
        e.title.trim()
    };
    if e.rank > 0 {
        format!("「{title}」第 {} 名", e.rank)
    } else {
        format!("「{title}」")
    }
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

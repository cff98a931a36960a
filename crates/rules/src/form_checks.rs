//! What is missing or inconsistent on steps 2 and 3, field by field: the problems the error
//! summary lists and each field shows, with the DOM id of the field they concern.

use super::applicant::{
    Applicant, ApplyMode, Appointment, Level, QualificationType, SkillHonour, TitleLevel, YesNo,
};
use super::basic_info;
use super::date::{describe_months, CivilDate};
use super::draft::Draft;
use super::eligibility::PortalAdvice;
use super::form_fields::{check_id_number, check_mobile, check_specialty, parse_count};
use super::info_fields;
use super::plan::Plan;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Required and empty: the step is 进行中 until it is filled.
    Missing,
    /// Filled but wrong or inconsistent: the step is 有问题.
    Invalid,
    /// Worth a look; never blocks.
    Note,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormProblem {
    /// The id of the input it concerns (the error summary links to it).
    pub field: String,
    pub kind: ProblemKind,
    pub message: String,
}

struct Collector {
    found: Vec<FormProblem>,
    today: CivilDate,
    birth: Option<CivilDate>,
}

impl Collector {
    fn push(&mut self, field: impl Into<String>, kind: ProblemKind, message: impl Into<String>) {
        self.found.push(FormProblem {
            field: field.into(),
            kind,
            message: message.into(),
        });
    }

    fn missing(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.push(field, ProblemKind::Missing, message);
    }

    fn invalid(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.push(field, ProblemKind::Invalid, message);
    }

    fn required_text(&mut self, field: &str, label: &str, value: &str) {
        if value.trim().is_empty() {
            self.missing(field, format!("请填写{label}"));
        }
    }

    /// A date field: required or not, parsed, not in the future, not before birth.
    fn date(&mut self, field: &str, label: &str, value: &str, required: bool) -> Option<CivilDate> {
        if value.trim().is_empty() {
            if required {
                self.missing(field, format!("请填写{label}"));
            }
            return None;
        }
        match CivilDate::parse(value) {
            Err(error) => {
                self.invalid(field, format!("{label}：{}", error.message()));
                None
            }
            Ok(date) if date > self.today => {
                self.invalid(
                    field,
                    format!("{label}（{}）晚于今天，请检查", date.chinese()),
                );
                None
            }
            Ok(date) if self.birth.is_some_and(|birth| date < birth) => {
                self.invalid(
                    field,
                    format!("{label}（{}）早于出生日期，请检查", date.chinese()),
                );
                None
            }
            Ok(date) => Some(date),
        }
    }

    fn count(&mut self, field: &str, label: &str, value: &str, required: bool) -> Option<u32> {
        match parse_count(value) {
            Ok(None) if required => {
                self.missing(field, format!("请填写{label}"));
                None
            }
            Ok(n) => n,
            Err(error) => {
                self.invalid(field, format!("{label}：{error}"));
                None
            }
        }
    }
}

/// Problems of step 3 (填写申报信息). `advice` is the eligibility check's 资格类型 / 聘任情况
/// advice for the route the applicant can take, when there is one.
pub fn info_problems(
    draft: &Draft,
    plan: &Plan,
    advice: Option<&PortalAdvice>,
    today: CivilDate,
) -> Vec<FormProblem> {
    let basic = &draft.basic;
    let birth = CivilDate::parse(&basic.birth_date).ok();
    let mut c = Collector {
        found: Vec::new(),
        today,
        birth,
    };
    for spec in basic_info::missing_fields(basic) {
        let verb = match spec.kind {
            basic_info::FieldKind::Choice(_) => "请选择",
            _ => "请填写",
        };
        c.missing(spec.id, format!("{verb}{}", spec.label));
    }
    for problem in basic_info::problems(basic, today) {
        let id = basic_info::BASIC_FIELDS
            .iter()
            .find(|s| s.field == problem.field)
            .map_or("name", |s| s.id);
        c.invalid(id, problem.message);
    }
    let form = &draft.form;
    if !form.id_number.trim().is_empty() {
        if let Err(message) = check_id_number(&form.id_number, birth) {
            c.invalid(info_fields::ID_NUMBER.id, message);
        }
    }
    if !form.phone.trim().is_empty() {
        if let Err(message) = check_mobile(&form.phone) {
            c.invalid(info_fields::PHONE.id, message);
        }
    }

    let a = &draft.applicant;
    if !a.level.is_set() {
        c.missing(
            info_fields::LEVEL.id,
            "请选择申报级别（技术员、助理工程师或工程师）",
        );
    }
    if !a.mode.is_set() {
        c.missing(info_fields::MODE.id, "请选择申报方式");
    }
    c.required_text(info_fields::SPECIALTY.id, "现从事专业", &form.specialty);
    match check_specialty(&form.specialty, &plan.common_specialties) {
        (Some(error), _) => c.invalid(info_fields::SPECIALTY.id, error),
        (None, Some(note)) => c.push(info_fields::SPECIALTY.id, ProblemKind::Note, note),
        _ => {}
    }
    if form.acceptance_point.trim().is_empty() {
        c.missing(info_fields::ACCEPTANCE_POINT.id, "请选择受理点");
    } else if !plan
        .acceptance_points
        .iter()
        .any(|p| p.name == form.acceptance_point)
    {
        c.invalid(
            info_fields::ACCEPTANCE_POINT.id,
            format!(
                "「{}」不在{}的受理点名单里，请重新选择",
                form.acceptance_point,
                plan.label()
            ),
        );
    }

    if a.education.is_empty() {
        c.missing("education-add", "请至少填写一条学历（教育经历）");
    }
    for (i, e) in a.education.iter().enumerate() {
        let n = i + 1;
        if !e.level.is_set() {
            c.missing(
                format!("edu-{i}-level"),
                format!("请选择第 {n} 条学历的学历层次"),
            );
        }
        c.required_text(
            &format!("edu-{i}-school"),
            &format!("第 {n} 条学历的学校"),
            &e.school,
        );
        c.required_text(
            &format!("edu-{i}-major"),
            &format!("第 {n} 条学历的专业"),
            &e.major,
        );
        c.date(
            &format!("edu-{i}-graduation"),
            &format!("第 {n} 条学历的毕业日期"),
            &e.graduation_date,
            true,
        );
    }

    if a.work.is_empty() {
        c.missing("work-add", "请至少填写一条工作经历");
    }
    let mut periods = Vec::new();
    for (i, w) in a.work.iter().enumerate() {
        let n = i + 1;
        c.required_text(
            &format!("work-{i}-unit"),
            &format!("第 {n} 条工作经历的单位"),
            &w.unit,
        );
        let from = c.date(
            &format!("work-{i}-from"),
            &format!("第 {n} 条工作经历的开始时间"),
            &w.from,
            true,
        );
        let to = c.date(
            &format!("work-{i}-to"),
            &format!("第 {n} 条工作经历的结束时间"),
            &w.to,
            false,
        );
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                c.invalid(
                    format!("work-{i}-to"),
                    format!("第 {n} 条工作经历的结束时间早于开始时间，请检查"),
                );
                continue;
            }
        }
        if let Some(from) = from {
            periods.push((i, from, to.unwrap_or(today)));
        }
    }
    super::small_sort::sort_by_key(&mut periods, |(_, from, _)| *from);
    for pair in periods.windows(2) {
        let ((earlier, _, end), (later, start, _)) = (pair[0], pair[1]);
        if start < end {
            c.invalid(
                format!("work-{later}-from"),
                format!(
                    "第 {} 条工作经历与第 {} 条时间重叠（{} 开始时前一段尚未结束），请按劳动合同和社保记录核对",
                    later + 1,
                    earlier + 1,
                    start.chinese()
                ),
            );
        }
    }
    c.date(
        info_fields::PROFESSIONAL_START.id,
        "从事专业技术工作起始时间",
        &a.professional_start_date,
        true,
    );
    c.count(
        info_fields::INSURANCE_MONTHS.id,
        "在温州缴纳社保的月数",
        &form.insurance_months,
        true,
    );

    if !a.current_title.is_set() {
        c.missing(
            info_fields::CURRENT_TITLE.id,
            "请选择现有职称（没有就选「无」）",
        );
    } else if !matches!(a.current_title, TitleLevel::NoTitle) {
        c.date(
            info_fields::CURRENT_TITLE_DATE.id,
            "现有职称的取得时间",
            &a.current_title_date,
            true,
        );
    }
    if a.mode == ApplyMode::Transfer {
        if !a.other_title.is_set() || a.other_title == TitleLevel::NoTitle {
            c.missing(
                info_fields::OTHER_TITLE.id,
                "转（兼）评请选择已取得的其他专业职称",
            );
        }
        c.date(
            info_fields::OTHER_TITLE_DATE.id,
            "其他专业职称的取得时间",
            &a.other_title_date,
            true,
        );
        c.required_text(
            info_fields::OTHER_TITLE_SPECIALTY.id,
            "其他专业职称的专业",
            &a.other_title_specialty,
        );
    }
    skill_problems(&mut c, a);

    qualification_problems(&mut c, draft, advice);
    appointment_problems(&mut c, draft, plan, advice);

    c.count(
        info_fields::COMPUTER_MODULES.id,
        "计算机考试合格模块数",
        &form.computer_modules,
        false,
    );
    let mountain = c.count(
        info_fields::MOUNTAIN_YEARS.id,
        "在山区县工作的年数",
        &form.mountain_years,
        false,
    );
    if mountain.is_some_and(|years| years > 0) {
        if a.mountain_county.trim().is_empty() {
            c.missing(
                info_fields::MOUNTAIN_COUNTY.id,
                "填写了山区县工作年数，请选择是哪个县（市、区）",
            );
        } else if plan.mountain_county(&a.mountain_county).is_none() {
            c.invalid(
                info_fields::MOUNTAIN_COUNTY.id,
                format!(
                    "「{}」不在{}的 26 个山区县名单里",
                    a.mountain_county,
                    plan.label()
                ),
            );
        }
    }
    if a.mode == ApplyMode::Exceptional {
        c.count(
            info_fields::EXPERT_RECOMMENDATIONS.id,
            "推荐专家人数",
            &form.expert_recommendations,
            true,
        );
    } else {
        c.count(
            info_fields::EXPERT_RECOMMENDATIONS.id,
            "推荐专家人数",
            &form.expert_recommendations,
            false,
        );
    }
    c.found
}

/// 职业技能: each certificate needs its level and date, each honour its date (a qualification
/// obtained after the achievements cut-off does not count, so the date decides).
fn skill_problems(c: &mut Collector, a: &Applicant) {
    let has_certificate = a.skill_certificates.iter().any(|s| s.level.is_set());
    if a.mode == ApplyMode::SkilledTalent && !has_certificate && a.honours.is_empty() {
        c.missing(
            info_fields::HAS_SKILL.id,
            "按技能人才申报，请添加职业技能等级证书（或勾选技能荣誉）",
        );
    } else if a.has_skill_certificate == YesNo::Yes && a.skill_certificates.is_empty() {
        c.missing(
            info_fields::HAS_SKILL.id,
            "你选了有职业技能等级证书，请按「添加一张技能等级证书」填写",
        );
    }
    for (i, cert) in a.skill_certificates.iter().enumerate() {
        if !cert.level.is_set() {
            c.missing(
                format!("skill-{i}-level"),
                format!("请选择第 {} 张技能等级证书的等级", i + 1),
            );
        }
        c.date(
            &format!("skill-{i}-date"),
            &format!("第 {} 张技能等级证书的发证日期", i + 1),
            &cert.date,
            true,
        );
    }
    for held in &a.honours {
        if let Some(index) = SkillHonour::ALL.iter().position(|h| *h == held.honour) {
            c.date(
                &format!("honour-{index}-date"),
                &format!("「{}」的取得时间", held.honour.label()),
                &held.date,
                true,
            );
        }
    }
}

fn qualification_problems(c: &mut Collector, draft: &Draft, advice: Option<&PortalAdvice>) {
    let a = &draft.applicant;
    if !a.qualification_type.is_set() {
        c.missing(info_fields::QUALIFICATION_TYPE.id, "请选择资格类型");
        return;
    }
    if let Some(advice) = advice {
        if advice.qualification_type.is_set() && advice.qualification_type != a.qualification_type {
            c.invalid(
                info_fields::QUALIFICATION_TYPE.id,
                format!(
                    "按{}申报，资格类型应选「{}」，现在选的是「{}」（指南五.4.(3)）",
                    advice.cite,
                    advice.qualification_type.label(),
                    a.qualification_type.label()
                ),
            );
        }
    }
    if a.qualification_type == QualificationType::NoQualification {
        return;
    }
    if draft.form.qualifications.is_empty() {
        c.missing(
            "qualification-add",
            "资格类型不是「无」，请填写资格证书（最多两条）",
        );
    }
    for (i, q) in draft.form.qualifications.iter().enumerate() {
        let n = i + 1;
        c.required_text(
            &format!("qual-{i}-name"),
            &format!("第 {n} 个资格的名称"),
            &q.name,
        );
        c.date(
            &format!("qual-{i}-date"),
            &format!("第 {n} 个资格的取得时间"),
            &q.date,
            true,
        );
        c.required_text(
            &format!("qual-{i}-authority"),
            &format!("第 {n} 个资格的发证机关"),
            &q.authority,
        );
    }
}

/// The 聘期 the appointment letter must cover (guide §五.4.(4)): 助理工程师 → 工程师 4 years
/// (破格 3), 转评 with 工程师 1 year; None where no letter is needed.
pub fn required_appointment_years(level: Level, mode: ApplyMode) -> Option<i32> {
    match (level, mode) {
        (Level::Engineer, ApplyMode::Normal) => Some(4),
        (Level::Engineer, ApplyMode::Exceptional) => Some(3),
        (Level::Engineer, ApplyMode::Transfer) => Some(1),
        _ => None,
    }
}

fn appointment_problems(
    c: &mut Collector,
    draft: &Draft,
    plan: &Plan,
    advice: Option<&PortalAdvice>,
) {
    let a = &draft.applicant;
    let form = &draft.form;
    if !a.appointment.is_set() {
        c.missing(
            info_fields::APPOINTMENT.id,
            "请选择专业技术职务聘任情况（有 / 无）",
        );
        return;
    }
    if let Some(advice) = advice {
        if advice.appointment.is_set() && advice.appointment != a.appointment {
            c.invalid(
                info_fields::APPOINTMENT.id,
                format!(
                    "按{}申报，聘任情况应选「{}」（指南五.4.(4)：只有助理工程师晋升工程师和工程师转评需要聘书）",
                    advice.cite,
                    advice.appointment.label()
                ),
            );
        }
    }
    if a.appointment != Appointment::Yes {
        return;
    }
    c.required_text(
        info_fields::APPOINTMENT_TITLE.id,
        "聘任的职务",
        &form.appointment_title,
    );
    let from = c.date(
        info_fields::APPOINTMENT_FROM.id,
        "聘任开始时间",
        &form.appointment_from,
        true,
    );
    let to = match CivilDate::parse(&form.appointment_to) {
        Ok(to) => Some(to),
        Err(_) if form.appointment_to.trim().is_empty() => None,
        Err(error) => {
            c.invalid(
                info_fields::APPOINTMENT_TO.id,
                format!("聘任结束时间：{}", error.message()),
            );
            return;
        }
    };
    let Some(from) = from else { return };
    if let Some(to) = to {
        if to < from {
            c.invalid(
                info_fields::APPOINTMENT_TO.id,
                "聘任结束时间早于开始时间，请检查",
            );
            return;
        }
    }
    if let Some(years) = required_appointment_years(a.level, a.mode) {
        let end = to.map_or(plan.seniority_cutoff, |to| to.min(plan.seniority_cutoff));
        let held = from.whole_months_until(end).max(0);
        if held < years * 12 {
            c.invalid(
                info_fields::APPOINTMENT_FROM.id,
                format!(
                    "聘期从 {} 到 {} 只有 {}，申报{}{}需聘任满 {years} 年（还差 {}，指南五.4.(4)）",
                    from.chinese(),
                    end.chinese(),
                    describe_months(held),
                    a.level.label(),
                    if a.mode == ApplyMode::Normal {
                        ""
                    } else {
                        a.mode.label()
                    },
                    describe_months(years * 12 - held)
                ),
            );
        }
    }
}

/// Problems of step 2 (真实性保证书): the three parts, and the name matching 姓名 of step 3.
pub fn pledge_problems(draft: &Draft, today: CivilDate) -> Vec<FormProblem> {
    let pledge = &draft.pledge;
    let mut c = Collector {
        found: Vec::new(),
        today,
        birth: None,
    };
    if !pledge.agreed {
        c.missing("pledge-agree", "请勾选「本人已阅读并承诺」");
    }
    c.required_text("pledge-name", "承诺人姓名", &pledge.name);
    let (typed, registered) = (pledge.name.trim(), draft.basic.name.trim());
    if !typed.is_empty() && !registered.is_empty() && typed != registered {
        c.invalid(
            "pledge-name",
            format!("承诺人姓名「{typed}」与填写申报信息中的姓名「{registered}」不一致"),
        );
    }
    c.date("pledge-date", "承诺日期", &pledge.date, true);
    c.found
}

/// Whether anything in `problems` makes the step 有问题, or only 进行中.
pub fn has_invalid(problems: &[FormProblem]) -> bool {
    problems.iter().any(|p| p.kind == ProblemKind::Invalid)
}

pub fn has_missing(problems: &[FormProblem]) -> bool {
    problems.iter().any(|p| p.kind == ProblemKind::Missing)
}

#[cfg(test)]
#[path = "form_checks_tests.rs"]
mod tests;

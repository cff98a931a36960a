//! Step 6 预览确认提交: every open problem across the steps, and every answer of steps 1–5 as
//! label/value rows, each pointing at the step and field where it is changed.

use super::achievement_fields::Part;
use super::applicant::YesNo;
use super::archive_fields::{CePart, EvalPart};
use super::assess::Assessment;
use super::basic_info::{self, BASIC_FIELDS};
use super::date::CivilDate;
use super::draft::Draft;
use super::evidence::EvidenceItem;
use super::form_checks::{info_problems, pledge_problems, ProblemKind};
use super::info_fields::{self, Field};
use super::number_text::short;
use super::photo::kb;
use super::progress::Step;
use super::verdict::Status;

/// Where a problem or an answer is fixed: the step and, when there is one, the field's DOM id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub step: Step,
    pub field: Option<String>,
}

fn at(step: Step, field: impl Into<String>) -> Target {
    Target {
        step,
        field: Some(field.into()),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenProblem {
    pub target: Target,
    pub message: String,
}

/// Everything that still stands between the draft and a clean application, in step order.
pub fn open_problems(draft: &Draft, assessment: &Assessment, today: CivilDate) -> Vec<OpenProblem> {
    let mut found = Vec::new();
    let mut push = |target: Target, message: String| found.push(OpenProblem { target, message });

    match &draft.photo {
        None => push(at(Step::Photo, "photo-file"), "还没有上传证件照".into()),
        Some(photo) if !photo.passes => push(
            at(Step::Photo, "photo-file"),
            format!(
                "证件照「{}」不符合平台要求，请看第 1 步的检查结果",
                photo.file_name
            ),
        ),
        Some(_) => {}
    }
    for p in pledge_problems(draft, today) {
        if p.kind != ProblemKind::Note {
            push(
                at(Step::Pledge, p.field),
                format!("真实性保证书：{}", p.message),
            );
        }
    }
    let info = info_problems(
        draft,
        &assessment.plan,
        assessment.eligibility.advice.as_ref(),
        today,
    );
    let missing: Vec<_> = info
        .iter()
        .filter(|p| p.kind == ProblemKind::Missing)
        .collect();
    if let Some(first) = missing.first() {
        push(
            at(Step::Info, first.field.clone()),
            format!(
                "填写申报信息还有 {} 项没有填（第一项：{}）",
                missing.len(),
                first.message
            ),
        );
    }
    for p in info.iter().filter(|p| p.kind == ProblemKind::Invalid) {
        push(at(Step::Info, p.field.clone()), p.message.clone());
    }
    let e = &assessment.eligibility;
    if e.level.is_set() && e.status != Status::Met {
        let why = e.summary.first().cloned().unwrap_or_default();
        push(
            at(Step::Info, "eligibility-title"),
            format!(
                "申报条件：{}（{}）{}",
                e.status.label(),
                e.level.label(),
                why
            ),
        );
    }
    for year in &assessment.continuing_education.years {
        for shortfall in &year.shortfalls {
            push(
                at(Step::Achievements, "ce-title"),
                format!("继续教育：{shortfall}"),
            );
        }
    }
    let evaluations = &assessment.evaluations.verdict;
    if evaluations.status != Status::Met {
        for message in &evaluations.messages {
            push(
                at(Step::Achievements, "eval-title"),
                format!("年度考核：{message}"),
            );
        }
    }
    for item in &assessment.evidence {
        match draft.attachments.get(&item.id) {
            None => push(
                at(Step::Attachments, format!("evidence-{}", item.id)),
                format!("缺少佐证材料：{}", item.title),
            ),
            Some(file) if !file.passes => push(
                at(Step::Attachments, format!("evidence-{}", item.id)),
                format!("佐证材料「{}」不符合要求：{}", file.file_name, item.title),
            ),
            Some(_) => {}
        }
    }
    found
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerRow {
    pub label: String,
    /// 「未填写」 when empty.
    pub value: String,
    pub target: Target,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerSection {
    pub step: Step,
    pub title: String,
    pub rows: Vec<AnswerRow>,
}

const EMPTY: &str = "未填写";

fn shown(value: &str) -> String {
    if value.trim().is_empty() {
        EMPTY.to_string()
    } else {
        value.trim().to_string()
    }
}

/// A date in one form, however it was typed (1998/3/12, 1998年3月12日 → 1998-03-12); text that
/// is not a date is shown as typed, so that the preview never hides what will be refused.
fn day(text: &str) -> String {
    CivilDate::parse(text).map_or_else(|_| text.trim().to_string(), |d| d.iso())
}

fn row(label: impl Into<String>, value: impl AsRef<str>, target: Target) -> AnswerRow {
    AnswerRow {
        label: label.into(),
        value: shown(value.as_ref()),
        target,
    }
}

/// A preview row for a registered step-3 field: its label and its 修改 link from the registry.
fn field_row(field: &Field, value: impl AsRef<str>) -> AnswerRow {
    row(field.row_label(), value, at(Step::Info, field.id))
}

fn choice(label: &'static str, set: bool) -> &'static str {
    if set {
        label
    } else {
        ""
    }
}

/// Every answer of steps 1–5, section by section, as the preview shows and prints it.
pub fn answer_sections(draft: &Draft, assessment: &Assessment) -> Vec<AnswerSection> {
    let a = &draft.applicant;
    let f = &draft.form;
    let photo = vec![row(
        "证件照",
        draft
            .photo
            .as_ref()
            .map(|p| {
                format!(
                    "{}（{}，{}）",
                    p.file_name,
                    kb(p.byte_size),
                    if p.passes {
                        "符合要求"
                    } else {
                        "不符合要求"
                    }
                )
            })
            .unwrap_or_default(),
        at(Step::Photo, "photo-file"),
    )];

    let pledge = vec![
        row(
            "本人已阅读并承诺",
            if draft.pledge.agreed { "已勾选" } else { "" },
            at(Step::Pledge, "pledge-agree"),
        ),
        row(
            "承诺人姓名",
            &draft.pledge.name,
            at(Step::Pledge, "pledge-name"),
        ),
        row(
            "承诺日期",
            day(&draft.pledge.date),
            at(Step::Pledge, "pledge-date"),
        ),
    ];

    let mut info: Vec<AnswerRow> = BASIC_FIELDS
        .iter()
        .map(|spec| {
            let value = draft.basic.get(spec.field);
            let value = if matches!(spec.kind, basic_info::FieldKind::Date) {
                day(value)
            } else {
                value.to_string()
            };
            row(spec.label, value, at(Step::Info, spec.id))
        })
        .collect();
    info.push(row(
        "所属专业技术职务系列",
        basic_info::SERIES,
        at(Step::Info, "series"),
    ));
    info.push(field_row(&info_fields::ID_NUMBER, &f.id_number));
    info.push(field_row(&info_fields::PHONE, &f.phone));
    info.push(field_row(&info_fields::PLAN, assessment.plan.label()));
    info.push(field_row(
        &info_fields::LEVEL,
        choice(a.level.label(), a.level.is_set()),
    ));
    info.push(field_row(
        &info_fields::MODE,
        choice(a.mode.label(), a.mode.is_set()),
    ));
    info.push(field_row(&info_fields::SPECIALTY, &f.specialty));
    info.push(field_row(
        &info_fields::ACCEPTANCE_POINT,
        &f.acceptance_point,
    ));
    if a.education.is_empty() {
        info.push(row("学历", "", at(Step::Info, "education-add")));
    }
    for (i, e) in a.education.iter().enumerate() {
        let related = match e.related {
            YesNo::Yes => "相关专业",
            YesNo::No => "非相关专业",
            YesNo::Unknown => "是否相关未填",
        };
        info.push(row(
            format!("学历 {}", i + 1),
            format!(
                "{} · {} · {} · {} · 毕业 {}{}",
                choice(e.level.label(), e.level.is_set()),
                shown(&e.school),
                shown(&e.major),
                related,
                shown(&day(&e.graduation_date)),
                if e.degree_certificate {
                    " · 有学位证书"
                } else {
                    ""
                }
            ),
            at(Step::Info, format!("edu-{i}-level")),
        ));
    }
    if a.work.is_empty() {
        info.push(row("工作经历", "", at(Step::Info, "work-add")));
    }
    for (i, w) in a.work.iter().enumerate() {
        let to = if w.to.trim().is_empty() {
            "至今".to_string()
        } else {
            day(&w.to)
        };
        let post = if w.administrative_post.trim().is_empty() {
            String::new()
        } else {
            format!(" · 行政职务：{}", w.administrative_post.trim())
        };
        info.push(row(
            format!("工作经历 {}", i + 1),
            format!(
                "{} · {} 至 {}{post}",
                shown(&w.unit),
                shown(&day(&w.from)),
                to
            ),
            at(Step::Info, format!("work-{i}-unit")),
        ));
    }
    info.push(field_row(
        &info_fields::PROFESSIONAL_START,
        day(&a.professional_start_date),
    ));
    info.push(field_row(
        &info_fields::INSURANCE_MONTHS,
        &f.insurance_months,
    ));
    info.push(field_row(
        &info_fields::CURRENT_TITLE,
        if a.current_title.is_set() {
            format!("{} {}", a.current_title.label(), day(&a.current_title_date))
        } else {
            String::new()
        },
    ));
    info.push(field_row(
        &info_fields::QUALIFICATION_TYPE,
        choice(a.qualification_type.label(), a.qualification_type.is_set()),
    ));
    for (i, q) in f.qualifications.iter().enumerate() {
        info.push(row(
            format!("资格 {}", i + 1),
            format!(
                "{} · {} · {}",
                shown(&q.name),
                shown(&day(&q.date)),
                shown(&q.authority)
            ),
            at(Step::Info, format!("qual-{i}-name")),
        ));
    }
    info.push(field_row(
        &info_fields::APPOINTMENT,
        if a.appointment.is_set() {
            let period = if f.appointment_from.trim().is_empty() {
                String::new()
            } else {
                let to = if f.appointment_to.trim().is_empty() {
                    "至今".to_string()
                } else {
                    day(&f.appointment_to)
                };
                format!(
                    "（{} {} 至 {}）",
                    f.appointment_title.trim(),
                    day(&f.appointment_from),
                    to
                )
            };
            format!("{}{period}", a.appointment.label())
        } else {
            String::new()
        },
    ));
    info.push(field_row(
        &info_fields::HAS_SKILL,
        if a.skill_certificates.is_empty() {
            choice("无", a.has_skill_certificate == YesNo::No).to_string()
        } else {
            a.skill_certificates
                .iter()
                .map(|c| {
                    let trade = c.trade.trim();
                    let trade = if trade.is_empty() {
                        String::new()
                    } else {
                        format!("（{trade}）")
                    };
                    format!("{}{trade} {}", c.level.label(), day(&c.date))
                })
                .collect::<Vec<_>>()
                .join("；")
        },
    ));
    info.push(row(
        "技能荣誉（选填）",
        a.honours
            .iter()
            .map(|h| {
                format!("{} {}", h.honour.label(), day(&h.date))
                    .trim()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("；"),
        at(Step::Info, "honour-0"),
    ));
    info.push(field_row(
        &info_fields::FOREIGN_LANGUAGE,
        choice(a.foreign_language.label(), a.foreign_language.is_set()),
    ));
    info.push(field_row(
        &info_fields::COMPUTER_MODULES,
        &f.computer_modules,
    ));
    info.push(field_row(
        &info_fields::TECH_POST,
        choice(a.tech_post.label(), a.tech_post.is_set()),
    ));
    info.push(field_row(
        &info_fields::UNIT_SIZE,
        choice(a.unit_size.label(), a.unit_size.is_set()),
    ));
    info.push(field_row(
        &info_fields::INCOME,
        if a.income_over_120k { "是" } else { "否" },
    ));
    info.push(field_row(
        &info_fields::MOUNTAIN_YEARS,
        if f.mountain_years.trim().is_empty() {
            String::new()
        } else {
            format!(
                "{} 年 · {}",
                f.mountain_years.trim(),
                shown(&a.mountain_county)
            )
        },
    ));

    let mut archive = Vec::new();
    if a.continuing_education.is_empty() {
        archive.push(row("继续教育", "", at(Step::Achievements, "ce-add")));
    }
    for (i, y) in a.continuing_education.iter().enumerate() {
        archive.push(row(
            format!(
                "继续教育 {}",
                if y.year == 0 {
                    "（未填年份）".to_string()
                } else {
                    format!("{} 年", y.year)
                }
            ),
            format!(
                "一般公需 {} · 行业公需 {} · 专业科目 {} 学时",
                short(y.general_public),
                short(y.industry_public),
                short(y.professional)
            ),
            at(Step::Achievements, CePart::Year.id(i)),
        ));
    }
    if a.evaluations.is_empty() {
        archive.push(row("年度考核", "", at(Step::Achievements, "eval-add")));
    }
    for (i, e) in a.evaluations.iter().enumerate() {
        archive.push(row(
            format!("年度考核 {} 年", e.year),
            choice(e.grade.label(), e.grade.is_set()),
            at(Step::Achievements, EvalPart::Grade.id(i)),
        ));
    }
    for (i, entry) in a.achievements.iter().enumerate() {
        let line = assessment.score.achievement_line(i);
        let points = match line {
            Some(l) if l.counted => format!("计 {} 分", short(l.points)),
            _ => "不计分".to_string(),
        };
        archive.push(row(
            format!("业绩 {}", i + 1),
            format!(
                "{}{} · {}",
                if entry.selected {
                    ""
                } else {
                    "（未选入）"
                },
                shown(&entry.title),
                points
            ),
            at(Step::Achievements, Part::Title.id(i)),
        ));
    }

    let attachments = assessment
        .evidence
        .iter()
        .map(|item: &EvidenceItem| {
            let value = draft
                .attachments
                .get(&item.id)
                .map(|file| {
                    format!(
                        "{}（{} 页，{}）",
                        file.file_name,
                        file.pages,
                        if file.passes {
                            "符合要求"
                        } else {
                            "不符合要求"
                        }
                    )
                })
                .unwrap_or_default();
            row(
                item.title.clone(),
                value,
                at(Step::Attachments, format!("evidence-{}", item.id)),
            )
        })
        .collect();

    [
        (Step::Photo, photo),
        (Step::Pledge, pledge),
        (Step::Info, info),
        (Step::Achievements, archive),
        (Step::Attachments, attachments),
    ]
    .into_iter()
    .map(|(step, rows)| AnswerSection {
        step,
        title: step.title().into(),
        rows,
    })
    .collect()
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;

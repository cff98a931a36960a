use super::*;
use crate::applicant::{Education, EducationLevel, WorkKind, WorkPeriod, YesNo};
use crate::draft::BasicInfo;
use crate::form_fields::Qualification;
use crate::rules_file::latest_plan;

fn today() -> CivilDate {
    CivilDate::new(2022, 9, 1).unwrap()
}

/// A complete 助理工程师 applicant: related 大专, 技术员 since 2020-06-30.
fn complete() -> Draft {
    let mut d = Draft {
        basic: BasicInfo {
            name: "张三".into(),
            gender: "男".into(),
            ethnicity: "汉族".into(),
            birth_date: "1995-03-07".into(),
            political_status: "群众".into(),
            work_start_date: "2016-07-01".into(),
            unit_nature: "民营企业/非公有制单位".into(),
            unit_name: "温州某机电有限公司".into(),
            unit_address: "温州市鹿城区".into(),
            department: "技术部".into(),
            post: "机械设计".into(),
        },
        ..Draft::default()
    };
    let a = &mut d.applicant;
    a.level = Level::AssistantEngineer;
    a.mode = ApplyMode::Normal;
    a.education = vec![Education {
        level: EducationLevel::JuniorCollege,
        school: "温州职业技术学院".into(),
        major: "机电一体化技术".into(),
        related: YesNo::Yes,
        graduation_date: "2016-06-30".into(),
        ..Education::default()
    }];
    a.work = vec![WorkPeriod {
        unit: "温州某机电有限公司".into(),
        from: "2016-07-01".into(),
        kind: WorkKind::Professional,
        ..WorkPeriod::default()
    }];
    a.professional_start_date = "2016-07-01".into();
    a.current_title = TitleLevel::Technician;
    a.current_title_date = "2020-06-30".into();
    a.qualification_type = QualificationType::TitleQualification;
    a.appointment = Appointment::No;
    d.form.specialty = "机械设计".into();
    d.form.acceptance_point = latest_plan().acceptance_points[0].name.clone();
    d.form.insurance_months = "60".into();
    d.form.qualifications = vec![Qualification {
        name: "技术员".into(),
        date: "2020-06-30".into(),
        authority: "温州市人力资源和社会保障局".into(),
    }];
    d
}

fn problems(d: &Draft) -> Vec<FormProblem> {
    info_problems(d, latest_plan(), None, today())
}

fn the_one(found: &[FormProblem]) -> &FormProblem {
    let real: Vec<_> = found
        .iter()
        .filter(|p| p.kind != ProblemKind::Note)
        .collect();
    assert_eq!(real.len(), 1, "{found:#?}");
    real[0]
}

#[test]
fn a_complete_applicant_has_no_problems() {
    assert_eq!(problems(&complete()), vec![]);
}

#[test]
fn an_empty_draft_lists_every_required_field_as_missing() {
    let found = problems(&Draft::default());
    assert!(
        found.iter().all(|p| p.kind == ProblemKind::Missing),
        "{found:#?}"
    );
    for field in [
        "name",
        "gender",
        "birth-date",
        "level",
        "mode",
        "specialty",
        "acceptance-point",
        "education-add",
        "work-add",
        "professional-start",
        "insurance-months",
        "current-title",
        "qualification-type",
        "appointment",
    ] {
        assert!(
            found.iter().any(|p| p.field == field),
            "{field} missing from {found:#?}"
        );
    }
    assert!(found.iter().any(|p| p.message == "请填写姓名"));
}

#[test]
fn each_consistency_rule_names_its_field() {
    type Edit = fn(&mut Draft);
    let cases: Vec<(&str, Edit, &str, &str)> = vec![
        (
            "future date",
            |d| d.applicant.professional_start_date = "2023-01-01".into(),
            "professional-start",
            "晚于今天",
        ),
        (
            "before birth",
            |d| d.applicant.education[0].graduation_date = "1990-06-30".into(),
            "edu-0-graduation",
            "早于出生日期",
        ),
        (
            "impossible date",
            |d| d.applicant.current_title_date = "2021-02-29".into(),
            "current-title-date",
            "没有 29 日",
        ),
        (
            "end before start",
            |d| d.applicant.work[0].to = "2015-01-01".into(),
            "work-0-to",
            "早于开始时间",
        ),
        (
            "specialty too long",
            |d| d.form.specialty = "机械设计及其自动化".into(),
            "specialty",
            "最多 8 个字",
        ),
        (
            "letters in a number",
            |d| d.form.insurance_months = "六十".into(),
            "insurance-months",
            "不是整数",
        ),
        (
            "bad id number",
            |d| d.form.id_number = "110105199503070010".into(),
            "id-number",
            "校验位",
        ),
        (
            "id birth mismatch",
            |d| d.form.id_number = "11010519491231002X".into(),
            "id-number",
            "不一致",
        ),
        (
            "bad phone",
            |d| d.form.phone = "2381234567".into(),
            "phone",
            "11 位",
        ),
        (
            "unknown acceptance point",
            |d| d.form.acceptance_point = "火星受理点".into(),
            "acceptance-point",
            "不在",
        ),
        (
            "mountain years without county",
            |d| d.form.mountain_years = "3".into(),
            "mountain-county",
            "请选择是哪个县",
        ),
        (
            "county not on the list",
            |d| {
                d.form.mountain_years = "3".into();
                d.applicant.mountain_county = "鹿城".into();
            },
            "mountain-county",
            "不在",
        ),
        (
            "qualification without certificate",
            |d| d.form.qualifications.clear(),
            "qualification-add",
            "资格证书",
        ),
        (
            "transfer without other title",
            |d| d.applicant.mode = ApplyMode::Transfer,
            "other-title",
            "其他专业职称",
        ),
    ];
    for (label, edit, field, words) in cases {
        let mut d = complete();
        edit(&mut d);
        let found = problems(&d);
        let problem = found
            .iter()
            .find(|p| p.field == field)
            .unwrap_or_else(|| panic!("{label}: nothing on {field}: {found:#?}"));
        assert!(
            problem.message.contains(words),
            "{label}: {}",
            problem.message
        );
    }
}

#[test]
fn overlapping_work_periods_are_found() {
    let mut d = complete();
    d.applicant.work[0].to = "2019-12-31".into();
    d.applicant.work.push(WorkPeriod {
        unit: "另一家公司".into(),
        from: "2019-06-01".into(),
        ..WorkPeriod::default()
    });
    let problem = the_one(&problems(&d)).clone();
    assert_eq!(problem.field, "work-1-from");
    assert!(
        problem.message.contains("与第 1 条时间重叠"),
        "{}",
        problem.message
    );
    // Back to back is fine.
    d.applicant.work[1].from = "2020-01-01".into();
    assert_eq!(problems(&d), vec![]);
}

#[test]
fn portal_answers_that_do_not_fit_the_route_are_invalid() {
    let advice = PortalAdvice {
        route_id: "9.1.a".into(),
        cite: "第九条（一）".into(),
        mode: ApplyMode::Normal,
        qualification_type: QualificationType::TitleQualification,
        appointment: Appointment::No,
        messages: vec![],
    };
    let mut d = complete();
    d.applicant.qualification_type = QualificationType::NoQualification;
    let found = info_problems(&d, latest_plan(), Some(&advice), today());
    let problem = the_one(&found);
    assert_eq!(problem.field, "qualification-type");
    assert!(
        problem.message.contains("应选「专业技术职务任职资格」"),
        "{}",
        problem.message
    );

    let mut d = complete();
    d.applicant.appointment = Appointment::Yes;
    d.form.appointment_title = "助理工程师".into();
    d.form.appointment_from = "2020-07-01".into();
    let found = info_problems(&d, latest_plan(), Some(&advice), today());
    let problem = the_one(&found);
    assert_eq!(problem.field, "appointment");
    assert!(
        problem.message.contains("聘任情况应选「无」"),
        "{}",
        problem.message
    );
}

#[test]
fn an_appointment_shorter_than_the_route_needs_says_by_how_much() {
    let mut d = complete();
    d.applicant.level = Level::Engineer;
    d.applicant.current_title = TitleLevel::AssistantEngineer;
    d.applicant.appointment = Appointment::Yes;
    d.form.appointment_title = "助理工程师".into();
    // Counted to the 资历 cut-off 2022-12-31: from 2019-01-01 that is 3 years 11 months.
    d.form.appointment_from = "2019-01-01".into();
    let problem = problems(&d)
        .into_iter()
        .find(|p| p.field == "appointment-from")
        .expect("short appointment");
    assert!(
        problem.message.contains("只有 3 年 11 个月"),
        "{}",
        problem.message
    );
    assert!(
        problem.message.contains("需聘任满 4 年（还差 1 个月"),
        "{}",
        problem.message
    );
    d.form.appointment_from = "2018-12-31".into();
    assert!(problems(&d).iter().all(|p| p.field != "appointment-from"));
    // 破格 needs 3 years.
    d.applicant.mode = ApplyMode::Exceptional;
    d.form.expert_recommendations = "2".into();
    d.form.appointment_from = "2019-12-31".into();
    assert!(problems(&d).iter().all(|p| p.field != "appointment-from"));
    assert_eq!(
        required_appointment_years(Level::Engineer, ApplyMode::Transfer),
        Some(1)
    );
    assert_eq!(
        required_appointment_years(Level::AssistantEngineer, ApplyMode::Normal),
        None
    );
}

#[test]
fn the_pledge_needs_all_three_parts_and_the_same_name() {
    let mut d = complete();
    let found = pledge_problems(&d, today());
    assert_eq!(found.len(), 3, "{found:#?}");
    d.pledge.agreed = true;
    d.pledge.name = "张 三".into();
    d.pledge.date = "2022年8月20日".into();
    let problem = the_one(&pledge_problems(&d, today())).clone();
    assert!(problem.message.contains("不一致"), "{}", problem.message);
    d.pledge.name = "张三".into();
    assert_eq!(pledge_problems(&d, today()), vec![]);
    d.pledge.date = "2022-13-01".into();
    assert_eq!(the_one(&pledge_problems(&d, today())).field, "pledge-date");
}

#[test]
fn a_specialty_from_the_plans_own_suggestions_gets_no_note() {
    // 机电, 电气, 机械 are in the 2022 plan's common specialties (the list under the field).
    for name in ["机电", "电气", "机械"] {
        let mut d = complete();
        d.form.specialty = name.into();
        assert_eq!(problems(&d), vec![], "{name}");
    }
    let mut d = complete();
    d.form.specialty = "电工".into();
    let found = problems(&d);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].kind, ProblemKind::Note);
    assert!(found[0].message.contains("一般为 4 个字"));
}

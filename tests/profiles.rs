//! Five whole applicants written out by hand, with every total computed by hand in the comments
//! (2022 plan: 资历 to 2022-12-31, achievements to 2022-07-31, evaluations 2021/2020/2019).

use zhicheng_yanlian::rules::applicant::*;
use zhicheng_yanlian::rules::assess::{assess, Assessment};
use zhicheng_yanlian::rules::verdict::Status;

fn edu(level: EducationLevel, major: &str, related: YesNo, graduated: &str) -> Education {
    Education {
        level,
        school: "某学校".into(),
        major: major.into(),
        related,
        graduation_date: graduated.into(),
        ..Education::default()
    }
}

fn ev(year: i32, grade: EvaluationGrade) -> AnnualEvaluation {
    AnnualEvaluation { year, grade }
}

fn ce(year: i32, general: f64, industry: f64, professional: f64) -> ContinuingEducationYear {
    ContinuingEducationYear {
        year,
        general_public: general,
        industry_public: industry,
        professional,
        ..ContinuingEducationYear::default()
    }
}

fn ach(row: &str, rank: u32, date: &str) -> Achievement {
    Achievement {
        row: row.into(),
        title: format!("{row}-{date}"),
        rank,
        date: date.into(),
        unit_stamped: true,
        ..Achievement::default()
    }
}

fn points(result: &Assessment) -> Vec<f64> {
    result
        .score
        .lines
        .iter()
        .filter(|l| l.achievement.is_some())
        .map(|l| l.points)
        .collect()
}

fn basic(result: &Assessment, item: &str) -> f64 {
    result
        .score
        .lines
        .iter()
        .find(|l| l.item == item)
        .unwrap()
        .points
}

fn met_routes(result: &Assessment) -> Vec<&str> {
    result
        .eligibility
        .routes
        .iter()
        .filter(|r| r.verdict.status == Status::Met)
        .map(|r| r.verdict.id.as_str())
        .collect()
}

/// 张工: 工程师 by 第十条（一）, related 本科 with degree, 助理工程师 since 2016-12-20.
#[test]
fn profile_1_engineer_by_education_and_title() {
    let a = Applicant {
        level: Level::Engineer,
        mode: ApplyMode::Normal,
        education: vec![Education {
            degree_certificate: true,
            ..edu(
                EducationLevel::Bachelor,
                "机械设计制造及其自动化",
                YesNo::Yes,
                "2010-07-01",
            )
        }],
        professional_start_date: "2010-07-15".into(),
        wenzhou_insurance_months: Some(60),
        current_title: TitleLevel::AssistantEngineer,
        current_title_date: "2016-12-20".into(),
        qualification_type: QualificationType::TitleQualification,
        appointment: Appointment::Yes,
        foreign_language: ForeignLanguage::Cet4,
        tech_post: TechPost::DeptTechLead,
        unit_size: UnitSize::LargeMedium,
        evaluations: vec![
            ev(2021, EvaluationGrade::Excellent),
            ev(2020, EvaluationGrade::Pass),
            ev(2019, EvaluationGrade::Competent),
        ],
        continuing_education: vec![
            ce(2022, 18.0, 12.0, 60.0),
            ce(2021, 18.0, 12.0, 72.0),
            ce(2020, 18.0, 0.0, 72.0),
            ce(2019, 18.0, 12.0, 60.0),
        ],
        achievements: vec![
            ach("patent.utility", 1, "2019-05-10"),                // 6
            ach("patent.utility", 3, "2020-03-01"),                // 4 − 1 = 3
            ach("paper.core", 2, "2021-06-01"),                    // 10 − 2 = 8
            ach("paper.other", 1, "2015-06-01"),                   // before the title: 0
            ach("honour.advanced_worker.county", 0, "2021-01-15"), // 3
            ach("honour.party_member.county", 0, "2021-07-01"),    // same year, lower: 0
        ],
        ..Applicant::default()
    };
    let r = assess(&a);
    // 成果业绩 = 6 + 3 + 8 + 3 = 20.
    assert_eq!(points(&r), [6.0, 3.0, 8.0, 0.0, 3.0, 0.0]);
    assert_eq!(r.score.achievements_total, 20.0);
    // 基本条件 = 学历 4+1 + 外语 1 + 专业工作年限 (12 years vs 4: 2 + 4 → cap 4)
    //          + 职称任职年限 (6 years vs 4: 2 + 1 = 3) + 部门技术负责人·大中型 2
    //          + 优秀 2021: 1 + 继续教育 2021 (102 学时): 1 = 17.
    assert_eq!(basic(&r, "学历"), 5.0);
    assert_eq!(basic(&r, "专业工作年限"), 4.0);
    assert_eq!(basic(&r, "职称任职年限"), 3.0);
    assert_eq!(r.score.basic_total, 17.0);
    assert_eq!(r.score.self_score, 37.0);
    assert_eq!(met_routes(&r), ["10.1.b"]);
    assert_eq!(r.eligibility.status, Status::Met);
    let advice = r.eligibility.advice.as_ref().unwrap();
    assert_eq!(
        advice.qualification_type,
        QualificationType::TitleQualification
    );
    assert_eq!(advice.appointment, Appointment::Yes);
    assert_eq!(
        advice.messages.len(),
        2,
        "answers already right: {:?}",
        advice.messages
    );
}

/// 李工: 助理工程师 as 技能人才 (第九条（二）), 高中, 高级工 since 2019-09-01, 永嘉 5 years.
#[test]
fn profile_2_assistant_by_skill_with_short_hours() {
    let a = Applicant {
        level: Level::AssistantEngineer,
        mode: ApplyMode::SkilledTalent,
        education: vec![edu(
            EducationLevel::HighSchool,
            "",
            YesNo::Unknown,
            "2010-06-30",
        )],
        professional_start_date: "2014-03-01".into(),
        wenzhou_insurance_months: Some(24),
        current_title: TitleLevel::NoTitle,
        skill_certificates: vec![SkillCertificate {
            level: SkillLevel::Advanced,
            trade: String::new(),
            related: YesNo::Yes,
            date: "2019-09-01".into(),
        }],
        mountain_years: 5,
        mountain_county: "永嘉县".into(),
        evaluations: vec![
            ev(2021, EvaluationGrade::Pass),
            ev(2020, EvaluationGrade::Pass),
            ev(2019, EvaluationGrade::Pass),
        ],
        continuing_education: vec![
            ce(2022, 18.0, 0.0, 62.0),
            ce(2021, 18.0, 12.0, 60.0),
            ce(2020, 18.0, 12.0, 60.0),
            ce(2019, 18.0, 12.0, 60.0),
        ],
        achievements: vec![
            ach("competition.city.first", 0, "2020-10-01"),    // 7
            ach("competition.county.first", 0, "2020-05-01"),  // same year 2020, lower: 0
            ach("competition.county.second", 0, "2021-11-01"), // 3
            ach("skill_title.county", 0, "2021-12-01"),        // once, lower: 0
            ach("skill_title.city_master", 0, "2022-06-30"),   // 6
        ],
        ..Applicant::default()
    };
    let r = assess(&a);
    // 成果业绩 = 7 + 3 + 6 = 16.
    assert_eq!(points(&r), [7.0, 0.0, 3.0, 0.0, 6.0]);
    // 基本条件 = 高级工 2 + 专业工作年限 (3 years since 高级工 vs 2: 2.5) = 4.5 (高中 scores 0).
    assert_eq!(basic(&r, "学历"), 0.0);
    assert_eq!(basic(&r, "专业工作年限"), 2.5);
    assert_eq!(basic(&r, "职称任职年限"), 0.0);
    assert_eq!(r.score.basic_total, 4.5);
    // 山区县 5 years × 0.5 = 2.5; self-score = 4.5 + 16 + 2.5 = 23.
    assert_eq!(r.score.mountain_bonus, 2.5);
    assert_eq!(r.score.self_score, 23.0);
    assert_eq!(met_routes(&r), ["9.2"]);
    assert_eq!(r.continuing_education.verdict.status, Status::NotMet);
    assert_eq!(
        r.continuing_education.years[0].shortfalls,
        ["2022 年合计差 10 学时"]
    );
    assert_eq!(r.eligibility.status, Status::NotMet, "hours are short");
    let advice = r.eligibility.advice.as_ref().unwrap();
    assert_eq!(
        advice.qualification_type,
        QualificationType::VocationalQualification
    );
    assert_eq!(advice.appointment, Appointment::No);
    assert!(r.evidence.iter().any(|e| e.id == "attachment.mountain"));
    assert!(r
        .evidence
        .iter()
        .any(|e| e.id == "attachment.skill_certificate"));
}

/// 王工: 技术员 by unrelated 大专 + exactly 2 years; 2019 not yet working; 3 months insurance.
#[test]
fn profile_3_technician_with_missing_years() {
    let a = Applicant {
        level: Level::Technician,
        mode: ApplyMode::Normal,
        education: vec![edu(
            EducationLevel::JuniorCollege,
            "会计",
            YesNo::No,
            "2019-06-30",
        )],
        professional_start_date: "2020-12-31".into(),
        wenzhou_insurance_months: Some(3),
        current_title: TitleLevel::NoTitle,
        computer_modules: 3,
        evaluations: vec![
            ev(2021, EvaluationGrade::Pass),
            ev(2020, EvaluationGrade::Pass),
        ],
        continuing_education: vec![
            ce(2022, 18.0, 12.0, 60.0),
            ce(2021, 18.0, 12.0, 60.0),
            ce(2020, 18.0, 12.0, 60.0),
        ],
        ..Applicant::default()
    };
    let r = assess(&a);
    // 基本条件 = 大专不对口 2 + 计算机 3 模块 1 + 专业工作年限 (2 vs 2: 2) = 5.
    assert_eq!(basic(&r, "学历"), 2.0);
    assert_eq!(basic(&r, "专业工作年限"), 2.0);
    assert_eq!(r.score.basic_total, 5.0);
    assert_eq!(r.score.self_score, 5.0);
    assert_eq!(met_routes(&r), ["8.1.b"]);
    assert_eq!(r.evaluations.verdict.status, Status::Missing);
    assert!(r.evaluations.verdict.messages[0].starts_with("缺少 2019 年年度考核结果"));
    assert_eq!(
        r.continuing_education.verdict.messages[0],
        "缺少 2019 年继续教育学时记录"
    );
    let insurance = r
        .eligibility
        .general
        .iter()
        .find(|v| v.id == "general.insurance")
        .unwrap();
    // READING.md (2026-12): 「3 个月以上」 includes 3 (第二十条), so 3 months are enough; the
    // profile is left undecided only by its missing 2019 evaluation and continuing education.
    assert_eq!(insurance.status, Status::Met);
    assert_eq!(insurance.shortfall, None);
    assert_eq!(r.eligibility.status, Status::Missing);
    assert!(
        r.eligibility.hints.is_empty(),
        "unrelated education: no 初定"
    );
    let advice = r.eligibility.advice.as_ref().unwrap();
    assert_eq!(
        advice.qualification_type,
        QualificationType::NoQualification
    );
}

/// 陈工: 工程师 by 破格 (第十条（四）): unrelated 大专, 助理工程师 3 years (1 year early).
#[test]
fn profile_4_exceptional_engineer() {
    let a = Applicant {
        level: Level::Engineer,
        mode: ApplyMode::Exceptional,
        education: vec![edu(
            EducationLevel::JuniorCollege,
            "市场营销",
            YesNo::No,
            "2007-07-01",
        )],
        professional_start_date: "2008-03-01".into(),
        wenzhou_insurance_months: Some(100),
        current_title: TitleLevel::AssistantEngineer,
        current_title_date: "2019-06-30".into(),
        skill_certificates: vec![SkillCertificate {
            level: SkillLevel::Advanced,
            trade: String::new(),
            related: YesNo::Yes,
            date: "2015-05-01".into(),
        }],
        foreign_language: ForeignLanguage::Cet6,
        computer_modules: 4,
        tech_post: TechPost::UnitTechLead,
        unit_size: UnitSize::SmallMicro,
        income_over_120k: true,
        expert_recommendations: 2,
        evaluations: vec![
            ev(2021, EvaluationGrade::Excellent),
            ev(2020, EvaluationGrade::Excellent),
            ev(2019, EvaluationGrade::Excellent),
        ],
        continuing_education: vec![
            ce(2022, 18.0, 12.0, 60.0),
            ce(2021, 18.0, 12.0, 70.0),
            ce(2020, 18.0, 12.0, 80.0),
            ce(2019, 18.0, 12.0, 60.0),
        ],
        achievements: vec![
            ach("research.county", 2, "2020-09-01"),   // 7 − 1.5 = 5.5
            ach("patent.invention", 5, "2021-03-01"),  // 7 − 1.5 = 5.5
            ach("award.city.second", 4, "2021-12-01"), // inferred: 16 − 6 = 10
            ach("paper.unpublished", 1, "2020-01-01"), // 3
            Achievement {
                claim: "主持车间自动化改造".into(),
                ..ach("other.claim", 0, "2021-01-01")
            }, // experts
        ],
        ..Applicant::default()
    };
    let r = assess(&a);
    // 成果业绩 = 5.5 + 5.5 + 10 + 3 = 24.
    assert_eq!(points(&r), [5.5, 5.5, 10.0, 3.0, 0.0]);
    assert!(r.score.lines.iter().any(|l| l.inferred && l.points == 10.0));
    // 基本条件 raw = 学历 2 + 高级工 2 + CET-6 2 + 计算机 2 + 专业工作年限 (14 vs 4 → 4)
    //   + 职称任职年限 (3 vs 4 → 0) + 单位技术负责人·小微 2 + 优秀 ×3 → 3 + 工资 2
    //   + 继续教育 (2021: 100, 2020: 110) 2 = 21 → cap 20 (继续教育 keeps 1).
    assert_eq!(basic(&r, "专业工作年限"), 4.0);
    assert_eq!(basic(&r, "职称任职年限"), 0.0);
    assert_eq!(basic(&r, "继续教育"), 1.0);
    assert_eq!(r.score.basic_total, 20.0);
    // Self-score = 20 + 24 = 44 ≥ 25.
    assert_eq!(r.score.self_score, 44.0);
    assert!(r.score.reaches_exceptional_threshold);
    assert_eq!(met_routes(&r), ["10.4"]);
    assert_eq!(r.eligibility.status, Status::Met);
    let advice = r.eligibility.advice.as_ref().unwrap();
    assert_eq!(advice.route_id, "10.4");
    assert_eq!(advice.appointment, Appointment::Yes);
    assert!(r.evidence.iter().any(|e| e.id == "attachment.exceptional"));
    assert!(r.evidence.iter().any(|e| e.id == "attachment.tax"));
}

/// 赵工: 助理工程师 by 第九条（一） with a 技工院校高级工班 (= 大专, 第十八条) and many entries.
#[test]
fn profile_5_assistant_with_caps_everywhere() {
    let a = Applicant {
        level: Level::AssistantEngineer,
        mode: ApplyMode::Normal,
        education: vec![edu(
            EducationLevel::TechSchoolAdvanced,
            "数控加工",
            YesNo::Yes,
            "2015-07-01",
        )],
        professional_start_date: "2015-08-01".into(),
        wenzhou_insurance_months: Some(90),
        current_title: TitleLevel::Technician,
        current_title_date: "2021-06-30".into(),
        evaluations: vec![
            ev(2021, EvaluationGrade::Excellent),
            ev(2020, EvaluationGrade::Pass),
            ev(2019, EvaluationGrade::Pass),
        ],
        continuing_education: vec![
            ce(2022, 18.0, 12.0, 60.0),
            ce(2021, 18.0, 12.0, 60.0),
            ce(2020, 18.0, 12.0, 60.0),
            ce(2019, 18.0, 12.0, 60.0),
        ],
        achievements: vec![
            ach("paper.monograph", 1, "2021-09-01"),     // 14
            ach("paper.core", 1, "2021-10-01"),          // 10 → 6 (论文著作 20) → 1 (成果业绩 35)
            ach("paper.core", 6, "2022-01-01"),          // beyond 第1-5名: experts
            ach("patent.invention", 1, "2021-11-01"),    // 12
            ach("patent.invention", 2, "2022-02-01"),    // 10 → 8 (专利 20)
            ach("standard.enterprise", 1, "2022-03-01"), // 6 → 0 (35 reached)
            ach("standard.enterprise", 2, "2022-04-01"), // 4 → 0
            ach("standard.enterprise", 3, "2022-05-01"), // 3 → 0
            ach("standard.enterprise", 4, "2022-06-01"), // 2, 4th 企业标准: 0
            ach("product.provincial", 1, "2022-08-15"),  // after 2022-07-31: 0
        ],
        ..Applicant::default()
    };
    let r = assess(&a);
    // Highest first within 35: 14 + 12 + 8 = 34, then the 6 left of the core paper keeps 1.
    assert_eq!(
        points(&r),
        [14.0, 1.0, 0.0, 12.0, 8.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    );
    assert_eq!(r.score.achievements_total, 35.0);
    let reason = |i: usize| {
        r.score
            .lines
            .iter()
            .find(|l| l.achievement == Some(i))
            .unwrap()
            .reason
            .clone()
            .unwrap()
    };
    assert!(reason(1).contains("成果业绩已达 35 分上限"));
    assert!(reason(2).contains("其他排名由评议专家酌情量分"));
    assert!(reason(4).contains("超过专利总分 20 分上限"));
    assert!(reason(8).contains("企业标准限 3 项"));
    assert!(reason(9).contains("晚于业绩截止日 2022-07-31"));
    // 基本条件 = 大专对口 3 + 专业工作年限 (7 vs 1: 2 + 3 → cap 4) + 职称任职年限 (1 vs 1: 2)
    //          + 优秀 2021: 1 = 10.
    assert_eq!(basic(&r, "学历"), 3.0);
    assert_eq!(basic(&r, "专业工作年限"), 4.0);
    assert_eq!(basic(&r, "职称任职年限"), 2.0);
    assert_eq!(r.score.basic_total, 10.0);
    assert_eq!(r.score.self_score, 45.0);
    // A related 大专 also satisfies the "非相关 大专 + 5 years" item (7 years of work).
    assert_eq!(met_routes(&r), ["9.1.a", "9.1.c"]);
    assert_eq!(r.eligibility.advice.as_ref().unwrap().route_id, "9.1.a");
    assert_eq!(r.eligibility.status, Status::Met);
    // 技工院校高级工班 counts as 大专 for 申报评审 only (第十八条): no 初定 hint (READING.md, 2026-12).
    assert!(
        r.eligibility
            .hints
            .iter()
            .all(|h| !h.cite.starts_with("第十一条")),
        "{:?}",
        r.eligibility.hints
    );
    let route = r
        .eligibility
        .routes
        .iter()
        .find(|r| r.verdict.id == "9.1.a")
        .unwrap();
    assert!(route.verdict.messages[0].contains("按第十八条相当于大专"));
}

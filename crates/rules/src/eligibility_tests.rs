use super::*;
use crate::applicant::{
    Education, EducationLevel, HeldHonour, SkillCertificate, SkillHonour, SkillLevel, TitleLevel,
    WorkKind, WorkPeriod, YesNo,
};
use crate::rules_file::latest_plan;
use crate::scoring::{score, ScoreBreakdown};

fn edu(level: EducationLevel, related: YesNo) -> Education {
    Education {
        level,
        major: if related == YesNo::No {
            "会计学".into()
        } else {
            "机械设计制造及其自动化".into()
        },
        related,
        graduation_date: "2005-07-01".into(),
        ..Education::default()
    }
}

fn route(a: &Applicant, id: &str) -> RouteVerdict {
    let s = score(a, latest_plan());
    check_routes(a, latest_plan(), Some(&s))
        .into_iter()
        .find(|r| r.verdict.id == id)
        .unwrap_or_else(|| panic!("route {id}"))
}

/// One case per route: the applicant that meets it exactly at the cut-off (2022-12-31), and the
/// same applicant one day short.
fn boundary_case(
    id: &str,
    level: Level,
    build: impl Fn(&str) -> Applicant,
    met_date: &str,
    short_date: &str,
    cite: &str,
) {
    let mut a = build(met_date);
    a.level = level;
    let met = route(&a, id);
    assert_eq!(
        met.verdict.status,
        Status::Met,
        "{id} met: {:?}",
        met.verdict.messages
    );
    assert_eq!(met.verdict.cite, cite);
    assert!(
        met.verdict
            .messages
            .iter()
            .all(|m| m.ends_with(&format!("（{cite}）"))),
        "{id}"
    );
    let mut a = build(short_date);
    a.level = level;
    let short = route(&a, id);
    assert_eq!(
        short.verdict.status,
        Status::NotMet,
        "{id} short: {:?}",
        short.verdict.messages
    );
    assert_eq!(
        short.verdict.shortfall.as_deref(),
        Some("还差 1 天"),
        "{id}"
    );
    assert!(short.only_years_short, "{id}");
}

#[test]
fn years_routes_met_and_one_day_short() {
    let work = |level, related| {
        move |start: &str| Applicant {
            education: vec![edu(level, related)],
            professional_start_date: start.into(),
            ..Applicant::default()
        }
    };
    let title = |level, related, held| {
        move |date: &str| Applicant {
            education: vec![edu(level, related)],
            current_title: held,
            current_title_date: date.into(),
            ..Applicant::default()
        }
    };
    let skill = |level| {
        move |date: &str| Applicant {
            skill_certificates: vec![SkillCertificate {
                level,
                trade: String::new(),
                related: YesNo::Unknown,
                date: date.into(),
            }],
            ..Applicant::default()
        }
    };
    let other = |held| {
        move |date: &str| Applicant {
            other_title: held,
            other_title_date: date.into(),
            other_title_specialty: "化工".into(),
            ..Applicant::default()
        }
    };
    use EducationLevel::*;
    use Level::*;
    boundary_case(
        "8.1.a",
        Technician,
        work(HighSchool, YesNo::No),
        "2016-12-31",
        "2017-01-01",
        "第八条（一）",
    );
    boundary_case(
        "8.1.b",
        Technician,
        work(JuniorCollege, YesNo::No),
        "2020-12-31",
        "2021-01-01",
        "第八条（一）",
    );
    boundary_case(
        "8.2",
        Technician,
        skill(SkillLevel::Intermediate),
        "2020-12-31",
        "2021-01-01",
        "第八条（二）",
    );
    boundary_case(
        "9.1.a",
        AssistantEngineer,
        title(JuniorCollege, YesNo::Yes, TitleLevel::Technician),
        "2021-12-31",
        "2022-01-01",
        "第九条（一）",
    );
    boundary_case(
        "9.1.b",
        AssistantEngineer,
        title(Secondary, YesNo::Yes, TitleLevel::Technician),
        "2018-12-31",
        "2019-01-01",
        "第九条（一）",
    );
    boundary_case(
        "9.1.c",
        AssistantEngineer,
        work(JuniorCollege, YesNo::No),
        "2017-12-31",
        "2018-01-01",
        "第九条（一）",
    );
    boundary_case(
        "9.1.d",
        AssistantEngineer,
        work(HighSchool, YesNo::No),
        "2012-12-31",
        "2013-01-01",
        "第九条（一）",
    );
    boundary_case(
        "9.2",
        AssistantEngineer,
        skill(SkillLevel::Advanced),
        "2020-12-31",
        "2021-01-01",
        "第九条（二）",
    );
    boundary_case(
        "9.4",
        AssistantEngineer,
        other(TitleLevel::AssistantEngineer),
        "2021-12-31",
        "2022-01-01",
        "第九条（四）",
    );
    boundary_case(
        "10.1.a",
        Engineer,
        title(Postgraduate, YesNo::Yes, TitleLevel::AssistantEngineer),
        "2020-12-31",
        "2021-01-01",
        "第十条（一）",
    );
    boundary_case(
        "10.1.b",
        Engineer,
        title(Bachelor, YesNo::Yes, TitleLevel::AssistantEngineer),
        "2018-12-31",
        "2019-01-01",
        "第十条（一）",
    );
    boundary_case(
        "10.1.b",
        Engineer,
        title(JuniorCollege, YesNo::Yes, TitleLevel::AssistantEngineer),
        "2018-12-31",
        "2019-01-01",
        "第十条（一）",
    );
    boundary_case(
        "10.2",
        Engineer,
        skill(SkillLevel::Technician),
        "2019-12-31",
        "2020-01-01",
        "第十条（二）",
    );
    boundary_case(
        "10.5",
        Engineer,
        other(TitleLevel::Engineer),
        "2021-12-31",
        "2022-01-01",
        "第十条（五）",
    );
}

#[test]
fn shortfalls_are_concrete() {
    let a = Applicant {
        level: Level::Engineer,
        education: vec![edu(EducationLevel::Bachelor, YesNo::Yes)],
        current_title: TitleLevel::AssistantEngineer,
        current_title_date: "2020-03-31".into(),
        ..Applicant::default()
    };
    let r = route(&a, "10.1.b");
    assert_eq!(r.verdict.shortfall.as_deref(), Some("还差 1 年 3 个月"));
    assert!(
        r.verdict.messages[1].contains("需到 2024-03-31 才满 4 年"),
        "{:?}",
        r.verdict.messages
    );
    // Leap day: 2020-02-29 + 4 years = 2024-02-29, which is 14 whole months after 2022-12-31
    // (a month counts once its day is reached, clamped to the month's end: date.rs).
    let a = Applicant {
        current_title_date: "2020-02-29".into(),
        ..a
    };
    assert_eq!(
        route(&a, "10.1.b").verdict.shortfall.as_deref(),
        Some("还差 1 年 2 个月")
    );
    // An impossible date is missing information, not a crash.
    let a = Applicant {
        current_title_date: "2021-02-29".into(),
        ..a
    };
    let r = route(&a, "10.1.b");
    assert_eq!(r.verdict.status, Status::Missing);
    assert!(
        r.verdict.messages[1].contains("2021 年 2 月没有 29 日"),
        "{:?}",
        r.verdict.messages
    );
}

#[test]
fn honour_routes() {
    let with = |honours: Vec<SkillHonour>| Applicant {
        honours: honours
            .into_iter()
            .map(|honour| HeldHonour {
                honour,
                date: "2021-05-01".into(),
            })
            .collect(),
        ..Applicant::default()
    };
    use SkillHonour::*;
    for h in [
        ZhejiangTechExpert,
        ProvincialClass1Top5,
        ProvincialClass2Top3,
        ProvincialExcellentSkilled,
    ] {
        assert_eq!(
            route(&with(vec![h]), "9.3").verdict.status,
            Status::Met,
            "{h:?}"
        );
        assert_eq!(
            route(&with(vec![h]), "10.3").verdict.status,
            Status::NotMet,
            "{h:?}"
        );
    }
    for h in [
        ProvincialMasterStudioLead,
        ProvincialChiefTechnician,
        NationalTechExpert,
        WorldSkillsExcellence,
        NationalClass1Top5,
        NationalClass2Top3,
        ProvincialTopSkilled,
    ] {
        assert_eq!(
            route(&with(vec![h]), "10.3").verdict.status,
            Status::Met,
            "{h:?}"
        );
    }
    let none = route(&with(vec![]), "9.3");
    assert_eq!(none.verdict.status, Status::NotMet);
    assert!(none.verdict.messages[0].contains("浙江省技术能手"));
}

fn fake_score(self_score: f64) -> ScoreBreakdown {
    ScoreBreakdown {
        lines: vec![],
        basic_total: self_score,
        achievements_total: 0.0,
        mountain_bonus: 0.0,
        self_score,
        exceptional_threshold: 25.0,
        reaches_exceptional_threshold: self_score >= 25.0,
    }
}

#[test]
fn exceptional_route() {
    let plan = latest_plan();
    let base = Applicant {
        level: Level::Engineer,
        mode: ApplyMode::Exceptional,
        education: vec![edu(EducationLevel::HighSchool, YesNo::No)],
        current_title: TitleLevel::AssistantEngineer,
        current_title_date: "2019-12-31".into(),
        expert_recommendations: 2,
        ..Applicant::default()
    };
    let status = |a: &Applicant, s: f64| {
        check_routes(a, plan, Some(&fake_score(s)))
            .into_iter()
            .find(|r| r.verdict.id == "10.4")
            .unwrap()
            .verdict
    };
    assert_eq!(status(&base, 25.0).status, Status::Met);
    let low = status(&base, 24.5);
    assert_eq!(low.status, Status::NotMet);
    assert!(low.messages[0].contains("自评分 24.5 分，未达到 25 分，还差 0.5 分"));
    let one_expert = Applicant {
        expert_recommendations: 1,
        ..base.clone()
    };
    assert_eq!(status(&one_expert, 30.0).status, Status::NotMet);
    // More than 1 year early: 3 years as 助理 needed (4 − 1), one day short.
    let early = Applicant {
        current_title_date: "2020-01-01".into(),
        ..base.clone()
    };
    let v = status(&early, 30.0);
    assert_eq!(v.status, Status::NotMet);
    assert_eq!(v.shortfall.as_deref(), Some("还差 1 天"));
    // Related 研究生: 2 − 1 = 1 year.
    let postgraduate = Applicant {
        education: vec![edu(EducationLevel::Postgraduate, YesNo::Yes)],
        current_title_date: "2021-12-31".into(),
        ..base.clone()
    };
    assert_eq!(status(&postgraduate, 30.0).status, Status::Met);
    let without_score = check_routes(&base, plan, None);
    let r = without_score
        .iter()
        .find(|r| r.verdict.id == "10.4")
        .unwrap();
    assert_eq!(r.verdict.status, Status::Missing);
}

#[test]
fn related_specialty_tech_schools_and_government_years() {
    let assistant = |e: Education| Applicant {
        level: Level::AssistantEngineer,
        education: vec![e],
        current_title: TitleLevel::Technician,
        current_title_date: "2020-06-30".into(),
        ..Applicant::default()
    };
    let unrelated = route(
        &assistant(edu(EducationLevel::JuniorCollege, YesNo::No)),
        "9.1.a",
    );
    assert_eq!(unrelated.verdict.status, Status::NotMet);
    assert!(unrelated.verdict.messages[0].contains("视为不具备规定学历（第十三条、第十九条）"));
    let unknown = Education {
        major: "经济管理".into(),
        ..edu(EducationLevel::JuniorCollege, YesNo::Unknown)
    };
    let r = route(&assistant(unknown), "9.1.a");
    assert_eq!(r.verdict.status, Status::Missing);
    assert!(r.verdict.messages[0].contains("是否属于第十九条所列相关专业"));
    let inferred = route(
        &assistant(edu(EducationLevel::JuniorCollege, YesNo::Unknown)),
        "9.1.a",
    );
    assert_eq!(inferred.verdict.status, Status::Met);
    assert!(inferred.verdict.messages[0].contains("机械类"));
    let tech = route(
        &assistant(edu(EducationLevel::TechSchoolAdvanced, YesNo::Yes)),
        "9.1.a",
    );
    assert_eq!(tech.verdict.status, Status::Met);
    assert!(tech.verdict.messages[0].contains("按第十八条相当于大专"));
    let low = route(
        &assistant(edu(EducationLevel::TechSchoolIntermediate, YesNo::Yes)),
        "9.1.a",
    );
    assert_eq!(low.verdict.status, Status::NotMet);
    assert_eq!(
        route(
            &assistant(edu(EducationLevel::TechSchoolIntermediate, YesNo::Yes)),
            "9.1.b"
        )
        .verdict
        .status,
        Status::NotMet,
        "only 2.5 years"
    );

    // 第十四条: 2 years in a government office before 3 years of professional work make 5.
    let mut a = Applicant {
        level: Level::AssistantEngineer,
        education: vec![edu(EducationLevel::JuniorCollege, YesNo::No)],
        professional_start_date: "2019-12-31".into(),
        ..Applicant::default()
    };
    assert_eq!(route(&a, "9.1.c").verdict.status, Status::NotMet);
    a.work.push(WorkPeriod {
        unit: "某区经信局".into(),
        from: "2017-12-31".into(),
        to: "2019-12-31".into(),
        kind: WorkKind::Government,
        administrative_post: String::new(),
    });
    let r = route(&a, "9.1.c");
    assert_eq!(r.verdict.status, Status::Met, "{:?}", r.verdict.messages);
    assert!(r
        .verdict
        .messages
        .iter()
        .any(|m| m.contains("机关工作 2 年 视为专业工龄") || m.contains("第十四条")));
}

#[test]
fn general_conditions_and_portal_advice() {
    let plan = latest_plan();
    let a = Applicant {
        level: Level::Engineer,
        mode: ApplyMode::Normal,
        education: vec![edu(EducationLevel::Bachelor, YesNo::Yes)],
        current_title: TitleLevel::AssistantEngineer,
        current_title_date: "2017-06-30".into(),
        qualification_type: QualificationType::NoQualification,
        appointment: Appointment::No,
        wenzhou_insurance_months: Some(2),
        ..Applicant::default()
    };
    let e = check(&a, plan, &score(&a, plan));
    let insurance = e
        .general
        .iter()
        .find(|v| v.id == "general.insurance")
        .unwrap();
    assert_eq!(insurance.status, Status::NotMet);
    assert_eq!(insurance.shortfall.as_deref(), Some("还差 1 个月"));
    assert_eq!(insurance.cite, "温职改办〔2022〕14号二.4");
    let advice = e.advice.unwrap();
    assert_eq!(advice.route_id, "10.1.b");
    assert_eq!(
        advice.qualification_type,
        QualificationType::TitleQualification
    );
    assert_eq!(advice.appointment, Appointment::Yes);
    assert!(advice
        .messages
        .iter()
        .any(|m| m == "你填写的资格类型为「无」，应改为「专业技术职务任职资格」"));
    assert!(advice
        .messages
        .iter()
        .any(|m| m == "你填写的聘任情况为「无」，应改为「有」"));
    assert_eq!(e.status, Status::NotMet, "insurance 2 months is short of 3");

    // 「3 个月以上」 includes 3 (第二十条): 3 and 4 months meet it.
    for months in [3, 4] {
        let a = Applicant {
            wenzhou_insurance_months: Some(months),
            ..a.clone()
        };
        let e = check(&a, plan, &score(&a, plan));
        assert_eq!(e.general[2].status, Status::Met, "{months} months");
        assert!(e.general[2].messages[0].contains("含 3 个月，第二十条"));
    }

    // Normal mode picked, but only the skill route holds: the mode must change.
    let a = Applicant {
        level: Level::AssistantEngineer,
        mode: ApplyMode::Normal,
        skill_certificates: vec![SkillCertificate {
            level: SkillLevel::Advanced,
            trade: String::new(),
            related: YesNo::Unknown,
            date: "2019-01-01".into(),
        }],
        ..Applicant::default()
    };
    let advice = check(&a, plan, &score(&a, plan)).advice.unwrap();
    assert_eq!(advice.route_id, "9.2");
    assert_eq!(
        advice.qualification_type,
        QualificationType::VocationalQualification
    );
    assert_eq!(advice.appointment, Appointment::No);
    assert!(advice.messages[0].contains("申报方式应选「技能人才」"));
}

#[test]
fn an_empty_applicant_is_told_what_is_missing() {
    let plan = latest_plan();
    let a = Applicant::default();
    let e = check(&a, plan, &score(&a, plan));
    assert_eq!(e.status, Status::Missing);
    assert_eq!(e.routes.len(), 16, "every route of every level");
    assert!(e.summary[0].contains("请先选择申报的职称级别"));
    for r in &e.routes {
        assert_ne!(r.verdict.status, Status::Met, "{}", r.verdict.id);
        assert!(!r.verdict.messages.is_empty(), "{}", r.verdict.id);
    }
    for v in &e.general {
        assert_eq!(v.status, Status::Missing, "{}", v.id);
    }
    assert!(e.advice.is_none());
    assert!(e.hints.is_empty());
}

#[test]
fn a_route_short_only_of_time_says_in_which_round_it_opens() {
    let a = |since: &str| Applicant {
        level: Level::Engineer,
        education: vec![edu(EducationLevel::Bachelor, YesNo::Yes)],
        professional_start_date: "2010-07-01".into(),
        current_title: TitleLevel::AssistantEngineer,
        current_title_date: since.into(),
        ..Applicant::default()
    };
    let opens = |since: &str| {
        let a = a(since);
        let s = score(&a, latest_plan());
        let e = check(&a, latest_plan(), &s);
        let r = e
            .routes
            .iter()
            .find(|r| r.verdict.id == "10.1.b")
            .unwrap()
            .clone();
        (r, e.openings)
    };
    // 4 years as 助理工程师 by the 资历 cut-off 12-31 of the round: held since 2021-03-01 → 2025.
    let (r, openings) = opens("2021-03-01");
    assert_eq!(r.verdict.status, Status::NotMet);
    assert_eq!(
        r.opens.as_deref(),
        Some("按现有条件，2025 年度可走第十条（一）（届时取得助理工程师资格后实际从事助理工程师工作满 4 年）；2025 年度按往年规律推算，以正式通知为准")
    );
    assert!(openings
        .iter()
        .any(|o| o.starts_with("按现有条件，2025 年度可走第十条（一）")));
    // Held since 2020-12-31: 4 years on 2024-12-31, the cut-off of the 2024 round.
    assert!(opens("2020-12-31")
        .0
        .opens
        .unwrap()
        .starts_with("按现有条件，2024 年度"));
    // A route already met, or not short only of time, has no opening.
    assert_eq!(opens("2018-12-31").0.opens, None);
    let mut unrelated = a("2021-03-01");
    unrelated.education = vec![edu(EducationLevel::Bachelor, YesNo::No)];
    let s = score(&unrelated, latest_plan());
    let e = check(&unrelated, latest_plan(), &s);
    assert_eq!(
        e.routes
            .iter()
            .find(|r| r.verdict.id == "10.1.b")
            .unwrap()
            .opens,
        None
    );
}

//! The 基本条件 lines of the score (学历, 资历, 职称外语, 计算机, 技能等级, 山区县 …) and the 破格
//! threshold; the achievement lines are in scoring_tests.rs, whose helpers these tests share.

use super::tests::*;
use super::*;
use crate::applicant::{
    AnnualEvaluation, ContinuingEducationYear, Education, EducationLevel, EvaluationGrade, Level,
    SkillCertificate, TitleLevel,
};
use crate::rules_file::latest_plan;

fn basic(a: &Applicant, item: &str) -> ScoreLine {
    score(a, latest_plan())
        .lines
        .into_iter()
        .find(|l| l.item == item)
        .unwrap()
}

#[test]
fn basic_rows() {
    let edu = |level, related, degree| Education {
        level,
        major: "机电一体化".into(),
        related,
        degree_certificate: degree,
        ..Education::default()
    };
    let cases = [
        (edu(EducationLevel::Postgraduate, YesNo::Yes, false), 5.0),
        (edu(EducationLevel::Postgraduate, YesNo::No, true), 5.0),
        (edu(EducationLevel::Bachelor, YesNo::Yes, true), 5.0),
        (edu(EducationLevel::Bachelor, YesNo::No, false), 3.0),
        (edu(EducationLevel::JuniorCollege, YesNo::Yes, false), 3.0),
        (
            edu(EducationLevel::TechSchoolAdvanced, YesNo::Yes, false),
            3.0,
        ),
        (
            edu(EducationLevel::TechSchoolIntermediate, YesNo::No, false),
            1.0,
        ),
        (edu(EducationLevel::Secondary, YesNo::Yes, false), 2.0),
        (edu(EducationLevel::HighSchool, YesNo::Yes, false), 0.0),
        (edu(EducationLevel::Bachelor, YesNo::Unknown, false), 4.0),
    ];
    for (e, points) in cases {
        let a = Applicant {
            education: vec![e.clone()],
            ..Applicant::default()
        };
        assert_eq!(basic(&a, "学历").points, points, "{e:?}");
    }
    let a = Applicant {
        education: vec![Education {
            level: EducationLevel::Bachelor,
            major: "会计".into(),
            ..Education::default()
        }],
        ..Applicant::default()
    };
    let l = basic(&a, "学历");
    assert_eq!(l.points, 3.0);
    assert!(l.reason.unwrap().contains("暂按不对口计分"));

    let skill = |level, related| Applicant {
        skill_certificates: vec![SkillCertificate {
            level,
            trade: String::new(),
            related,
            date: String::new(),
        }],
        ..Applicant::default()
    };
    assert_eq!(
        basic(&skill(SkillLevel::SeniorTechnician, YesNo::Yes), "技能等级").points,
        4.0
    );
    assert_eq!(
        basic(&skill(SkillLevel::Technician, YesNo::Unknown), "技能等级").points,
        3.0
    );
    assert_eq!(
        basic(&skill(SkillLevel::Advanced, YesNo::Yes), "技能等级").points,
        2.0
    );
    assert_eq!(
        basic(&skill(SkillLevel::Intermediate, YesNo::Yes), "技能等级").points,
        1.0
    );
    assert_eq!(
        basic(&skill(SkillLevel::Technician, YesNo::No), "技能等级").points,
        0.0
    );

    let lang = |f| Applicant {
        foreign_language: f,
        ..Applicant::default()
    };
    assert_eq!(basic(&lang(ForeignLanguage::Cet6), "外语").points, 2.0);
    assert_eq!(
        basic(&lang(ForeignLanguage::TitleExamPass), "外语").points,
        2.0
    );
    assert_eq!(basic(&lang(ForeignLanguage::Cet4), "外语").points, 1.0);
    let comp = |n| Applicant {
        computer_modules: n,
        ..Applicant::default()
    };
    assert_eq!(basic(&comp(4), "计算机").points, 2.0);
    assert_eq!(basic(&comp(3), "计算机").points, 1.0);
    assert_eq!(basic(&comp(2), "计算机").points, 0.0);

    let post = |p, size| Applicant {
        tech_post: p,
        unit_size: size,
        ..Applicant::default()
    };
    assert_eq!(
        basic(
            &post(TechPost::UnitTechLead, UnitSize::LargeMedium),
            "技术职务"
        )
        .points,
        4.0
    );
    assert_eq!(
        basic(
            &post(TechPost::UnitTechLead, UnitSize::SmallMicro),
            "技术职务"
        )
        .points,
        2.0
    );
    assert_eq!(
        basic(
            &post(TechPost::DeptTechLead, UnitSize::LargeMedium),
            "技术职务"
        )
        .points,
        2.0
    );
    assert_eq!(
        basic(
            &post(TechPost::DeptTechLead, UnitSize::SmallMicro),
            "技术职务"
        )
        .points,
        1.0
    );
    assert_eq!(
        basic(&post(TechPost::DeptTechLead, UnitSize::Unknown), "技术职务").points,
        1.0
    );

    let ev = |years: &[i32]| Applicant {
        evaluations: years
            .iter()
            .map(|&year| AnnualEvaluation {
                year,
                grade: EvaluationGrade::Excellent,
            })
            .collect(),
        ..Applicant::default()
    };
    assert_eq!(basic(&ev(&[2021]), "年度考核").points, 1.0);
    assert_eq!(
        basic(&ev(&[2021, 2020, 2019, 2018]), "年度考核").points,
        3.0
    );
    assert_eq!(
        basic(&ev(&[2022]), "年度考核").points,
        0.0,
        "the plan year itself is not yet rated"
    );

    let income = Applicant {
        income_over_120k: true,
        ..Applicant::default()
    };
    assert_eq!(basic(&income, "工资薪金").points, 2.0);

    let ce = |hours: &[(i32, f64)]| Applicant {
        continuing_education: hours
            .iter()
            .map(|&(year, professional)| ContinuingEducationYear {
                year,
                general_public: 18.0,
                industry_public: 0.0,
                professional,
                ..ContinuingEducationYear::default()
            })
            .collect(),
        ..Applicant::default()
    };
    assert_eq!(
        basic(&ce(&[(2021, 82.0)]), "继续教育").points,
        1.0,
        "100 hours"
    );
    assert_eq!(
        basic(&ce(&[(2021, 81.0)]), "继续教育").points,
        0.0,
        "99 hours"
    );
    assert_eq!(
        basic(&ce(&[(2016, 24.0)]), "继续教育").points,
        1.0,
        "42 hours before 2017"
    );
    assert_eq!(
        basic(&ce(&[(2016, 23.0)]), "继续教育").points,
        0.0,
        "41 hours before 2017"
    );
    assert_eq!(
        basic(
            &ce(&[(2022, 90.0), (2021, 90.0), (2020, 90.0), (2019, 90.0)]),
            "继续教育"
        )
        .points,
        3.0
    );
}

/// 学历: the highest related education counts, with +1 when it has its degree certificate; with
/// several educations the bonus is part of the choice.
#[test]
fn education_line_counts_the_degree_of_the_education_chosen() {
    let e = |level, related, degree| Education {
        level,
        major: if related == YesNo::Yes {
            "机械工程"
        } else {
            "会计学"
        }
        .into(),
        related,
        degree_certificate: degree,
        graduation_date: "2010-07-01".into(),
        ..Education::default()
    };
    use EducationLevel::*;
    let cases = [
        (
            vec![
                e(Bachelor, YesNo::Yes, true),
                e(Postgraduate, YesNo::No, false),
            ],
            5.0,
            "本科",
        ),
        (
            vec![
                e(Bachelor, YesNo::Yes, false),
                e(Postgraduate, YesNo::No, false),
            ],
            4.0,
            "研究生",
        ),
        (
            vec![
                e(Bachelor, YesNo::Yes, false),
                e(Postgraduate, YesNo::No, true),
            ],
            5.0,
            "研究生",
        ),
        (
            vec![
                e(JuniorCollege, YesNo::Yes, true),
                e(Bachelor, YesNo::No, false),
            ],
            4.0,
            "大专",
        ),
    ];
    for (education, points, counted) in cases {
        let a = Applicant {
            education,
            ..Applicant::default()
        };
        let l = basic(&a, "学历");
        assert_eq!(l.points, points, "{}", l.subject);
        assert!(l.subject.starts_with(counted), "{}", l.subject);
    }
}

fn engineer(title_date: &str, work_start: &str) -> Applicant {
    Applicant {
        level: Level::Engineer,
        education: vec![Education {
            level: EducationLevel::Bachelor,
            major: "机械设计制造及其自动化".into(),
            related: YesNo::Yes,
            ..Education::default()
        }],
        current_title: TitleLevel::AssistantEngineer,
        current_title_date: title_date.into(),
        professional_start_date: work_start.into(),
        ..Applicant::default()
    }
}

#[test]
fn seniority_lines_follow_the_route() {
    // 第十条（一） 本科: 4 years as 助理工程师 and (READING) 4 years of professional work.
    let cases = [
        ("2018-12-31", "2018-12-31", 2.0, 2.0),
        ("2016-12-31", "2014-12-31", 3.0, 4.0),
        ("2010-12-31", "2000-01-01", 4.0, 4.0),
        ("2019-01-01", "2010-01-01", 0.0, 4.0),
    ];
    for (title, work, title_points, work_points) in cases {
        let a = engineer(title, work);
        assert_eq!(basic(&a, "职称任职年限").points, title_points, "{title}");
        assert_eq!(basic(&a, "专业工作年限").points, work_points, "{work}");
    }
    let short = basic(&engineer("2019-01-01", "2010-01-01"), "职称任职年限");
    assert!(
        short
            .reason
            .unwrap()
            .contains("满 3 年，未达到该途径要求的 4 年"),
        "the 1-day-short case"
    );

    // A skill route involves no lower title.
    let a = Applicant {
        level: Level::Technician,
        skill_certificates: vec![SkillCertificate {
            level: SkillLevel::Intermediate,
            trade: String::new(),
            related: YesNo::Unknown,
            date: "2019-06-30".into(),
        }],
        ..Applicant::default()
    };
    assert_eq!(basic(&a, "专业工作年限").points, 2.5);
    let title_line = basic(&a, "职称任职年限");
    assert_eq!(title_line.points, 0.0);
    assert!(title_line.reason.unwrap().contains("不涉及低一级职称"));
    let none = basic(&Applicant::default(), "专业工作年限");
    assert!(none.reason.unwrap().contains("请先选择申报级别"));
}

/// When several routes are met, the 资历 lines use the 申报基本条件 that fit the applicant best:
/// an unrelated 大专 graduate applying for 技术员 is measured against 第八条（一）'s 2 years of the
/// 大专 clause, not the 6 years of the 高中 clause.
#[test]
fn seniority_lines_use_the_met_route_that_fits_best() {
    let technician = |level, start: &str| Applicant {
        level: Level::Technician,
        education: vec![Education {
            level,
            major: "会计学".into(),
            related: YesNo::No,
            graduation_date: "2010-07-01".into(),
            ..Education::default()
        }],
        professional_start_date: start.into(),
        ..Applicant::default()
    };
    let cases = [
        // 大专: 2 years required.
        (EducationLevel::JuniorCollege, "2016-12-31", 4.0, "大学专科"),
        (EducationLevel::JuniorCollege, "2019-12-31", 2.5, "大学专科"),
        (EducationLevel::JuniorCollege, "2020-12-31", 2.0, "大学专科"),
        // 高中: 6 years required.
        (EducationLevel::HighSchool, "2016-12-31", 2.0, "高中"),
        (EducationLevel::HighSchool, "2012-12-31", 4.0, "高中"),
    ];
    for (level, start, points, route) in cases {
        let l = basic(&technician(level, start), "专业工作年限");
        assert_eq!(l.points, points, "{level:?} {start}");
        assert!(
            l.subject.contains(route),
            "{level:?} {start}: {}",
            l.subject
        );
    }
}

#[test]
fn mountain_bonus_is_its_own_line() {
    let bonus = |years, county: &str| {
        let a = Applicant {
            mountain_years: years,
            mountain_county: county.into(),
            professional_start_date: "2010-07-01".into(),
            ..Applicant::default()
        };
        let s = score(&a, latest_plan());
        let l = s
            .lines
            .iter()
            .find(|l| l.section == Section::Bonus)
            .unwrap()
            .clone();
        assert_eq!(s.mountain_bonus, l.points);
        l
    };
    assert_eq!(bonus(1, "永嘉县").points, 0.5);
    assert_eq!(bonus(6, "丽水市景宁畲族自治县").points, 3.0);
    let capped = bonus(7, "泰顺");
    assert_eq!(capped.points, 3.0);
    assert!(capped.reason.unwrap().contains("累计不超过 3 分"));
    assert_eq!(bonus(0, "永嘉").points, 0.0);
    let outside = bonus(4, "鹿城区");
    assert_eq!(outside.points, 0.0);
    assert!(outside
        .reason
        .unwrap()
        .contains("不在 2022 年度 26 个山区县名单中"));
    assert!(bonus(4, " ")
        .reason
        .unwrap()
        .contains("请填写工作所在的山区县"));
}

#[test]
fn exceptional_threshold_is_25_including_the_bonus() {
    // 标准 national 1st (16) + core paper 1st (10) = 26 → reached.
    let mut a = with(vec![
        ach("standard.national", 1, "2021-01-01"),
        ach("paper.core", 1, "2021-01-01"),
    ]);
    let s = score(&a, latest_plan());
    assert_eq!(s.self_score, 26.0);
    assert!(s.reaches_exceptional_threshold);
    // core 2nd (8) + national 1st (16) = 24, + mountain 0.5 = 24.5 → not reached; 2 years → 25.
    a.achievements[1].rank = 2;
    a.mountain_county = "文成".into();
    a.mountain_years = 1;
    a.professional_start_date = "2010-07-01".into();
    let s = score(&a, latest_plan());
    assert_eq!(s.self_score, 24.5);
    assert!(!s.reaches_exceptional_threshold);
    a.mountain_years = 2;
    let s = score(&a, latest_plan());
    assert_eq!(s.self_score, 25.0);
    assert!(s.reaches_exceptional_threshold);
}

/// READING.md (2026-12): 山区县 years never exceed the professional work years counted to the
/// 资历 cut-off; with no professional start known there is no bonus yet; a county is only its own
/// name, with or without its suffix, province and city.
#[test]
fn mountain_years_are_capped_by_professional_years_and_need_a_start() {
    let bonus = |years, county: &str, start: &str| {
        let a = Applicant {
            mountain_years: years,
            mountain_county: county.into(),
            professional_start_date: start.into(),
            ..Applicant::default()
        };
        let s = score(&a, latest_plan());
        let l = s
            .lines
            .iter()
            .find(|l| l.section == Section::Bonus)
            .unwrap()
            .clone();
        assert_eq!(s.mountain_bonus, if l.counted { l.points } else { 0.0 });
        l
    };
    // 8 years claimed, professional work since 2020-12-31: 2 full years on 2022-12-31 → +1.
    let capped = bonus(8, "文成", "2020-12-31");
    assert_eq!(capped.points, 1.0);
    assert_eq!(
        capped.reason.as_deref(),
        Some("填写 8 年，但到资历截止日 2022-12-31 从事专业技术工作只满 2 年，按 2 年计")
    );
    // The day after: only 1 full year → +0.5; the day before: 2 years as well.
    assert_eq!(bonus(8, "文成", "2021-01-01").points, 0.5);
    assert_eq!(bonus(8, "文成", "2020-12-30").points, 1.0);
    // Work started after the cut-off: nothing yet.
    assert_eq!(bonus(3, "文成", "2023-01-01").points, 0.0);
    // No start entered: no bonus, and the line asks for the date.
    let no_start = bonus(3, "文成", "");
    assert_eq!(no_start.points, 0.0);
    assert!(no_start
        .reason
        .unwrap()
        .starts_with("请填写从事相关专业技术工作的起始日期：山区县工作年限不能超过"));
    // Counties: one county however written; a place that only starts with one is none.
    for county in [
        "文成",
        "文成县",
        "温州市文成县",
        "浙江省文成县",
        "浙江省温州市文成县",
    ] {
        assert_eq!(bonus(2, county, "2010-07-01").points, 1.0, "{county}");
    }
    for place in ["三门峡市", "龙泉驿区", "文成路", "江山县"] {
        let l = bonus(2, place, "2010-07-01");
        assert_eq!(l.points, 0.0, "{place}");
        assert!(
            l.reason
                .unwrap()
                .contains("不在 2022 年度 26 个山区县名单中"),
            "{place}"
        );
    }
    assert_eq!(bonus(2, "江山市", "2010-07-01").points, 1.0);
}

/// 任现职后 is after the title held now, of any specialty: for a 转（兼）评 applicant the other
/// specialty's title (READING.md, 2026-12); an article before it scores 0, one on or after it counts.
#[test]
fn transfer_applicants_count_achievements_from_the_other_specialty_title() {
    use crate::applicant::ApplyMode;
    let cases = [
        // (mode, article date, points)
        (ApplyMode::Transfer, "2018-05-01", 0.0),
        (ApplyMode::Transfer, "2019-12-31", 0.0),
        (ApplyMode::Transfer, "2020-01-01", 10.0),
        (ApplyMode::Transfer, "2020-01-02", 10.0),
        // Not 转评: the other title is not the one held for this application.
        (ApplyMode::Normal, "2018-05-01", 10.0),
    ];
    for (mode, date, points) in cases {
        let mut a = with(vec![ach("paper.core", 1, date)]);
        a.level = Level::Engineer;
        a.mode = mode;
        a.other_title = TitleLevel::Engineer;
        a.other_title_date = "2020-01-01".into();
        a.other_title_specialty = "其他专业".into();
        let l = line_of(&a, 0);
        assert_eq!(l.points, points, "{mode:?} {date}");
        if points == 0.0 {
            assert!(
                l.reason
                    .as_deref()
                    .unwrap_or("")
                    .contains("任现职（2020-01-01）之前"),
                "{:?}",
                l.reason
            );
        }
    }
}

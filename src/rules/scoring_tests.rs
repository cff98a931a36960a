use super::*;
use crate::rules::applicant::{
    Achievement, AnnualEvaluation, ContinuingEducationYear, Education, EducationLevel,
    EvaluationGrade, Level, SkillCertificate, TitleLevel,
};
use crate::rules::rules_file::latest_plan;

fn ach(row: &str, rank: u32, date: &str) -> Achievement {
    Achievement {
        row: row.into(),
        title: format!("{row} #{rank}"),
        rank,
        date: date.into(),
        unit_stamped: true,
        ..Achievement::default()
    }
}

fn with(achievements: Vec<Achievement>) -> Applicant {
    Applicant {
        achievements,
        ..Applicant::default()
    }
}

fn points_of(a: &Applicant) -> Vec<f64> {
    let s = score(a, latest_plan());
    (0..a.achievements.len())
        .map(|i| s.achievement_line(i).unwrap().points)
        .collect()
}

fn line_of(a: &Applicant, i: usize) -> ScoreLine {
    score(a, latest_plan()).achievement_line(i).unwrap().clone()
}

/// (row, first-rank points, last listed rank, its points). One rank beyond scores 0.
const RANKED: &[(&str, f64, u32, f64)] = &[
    ("award.city.first", 18.0, 9, 2.0),
    ("award.city.second", 16.0, 8, 2.0),
    ("award.city.third", 14.0, 7, 2.0),
    ("award.county.first", 12.0, 6, 2.0),
    ("award.county.second", 10.0, 5, 2.0),
    ("award.county.third", 8.0, 4, 2.0),
    ("research.provincial", 14.0, 7, 5.0),
    ("research.city", 10.0, 7, 1.0),
    ("research.county", 7.0, 5, 1.0),
    ("paper.monograph", 14.0, 7, 2.0),
    ("paper.core", 10.0, 5, 2.0),
    ("paper.other", 6.0, 3, 2.0),
    ("paper.unpublished", 3.0, 2, 1.0),
    ("patent.invention", 12.0, 8, 1.0),
    ("patent.utility", 6.0, 5, 1.0),
    ("patent.software", 7.0, 6, 1.0),
    ("standard.national", 16.0, 7, 4.0),
    ("standard.industry", 15.0, 7, 3.0),
    ("standard.local", 14.0, 7, 2.0),
    ("standard.enterprise", 6.0, 5, 1.0),
    ("product.national", 11.0, 9, 3.0),
    ("product.provincial", 9.0, 9, 1.0),
];

#[test]
fn every_ranked_row_first_last_and_one_beyond() {
    for &(row, first, last, last_points) in RANKED {
        let a = with(vec![
            ach(row, 1, "2021-01-01"),
            Achievement {
                group_key: String::new(),
                ..ach(row, last, "2020-01-01")
            },
            ach(row, last + 1, "2019-01-01"),
        ]);
        let s = score(&a, latest_plan());
        let l = |i| s.achievement_line(i).unwrap();
        assert_eq!(l(0).points, first, "{row} rank 1");
        assert!(l(0).counted);
        assert_eq!(l(1).points, last_points, "{row} rank {last}");
        assert_eq!(l(2).points, 0.0, "{row} rank {}", last + 1);
        assert!(!l(2).counted);
        let reason = l(2).reason.clone().unwrap();
        assert!(
            reason.contains("其他排名由评议专家酌情量分"),
            "{row}: {reason}"
        );
        assert!(
            reason.contains(&format!("第 {} 名超出排名范围", last + 1)),
            "{reason}"
        );
        let inferred = row == "award.city.first" || row == "award.city.second";
        assert_eq!(l(0).inferred, inferred, "{row}");
        if inferred {
            assert!(l(0).reason.as_deref().unwrap().contains(INFERRED_NOTE));
        }
    }
}

#[test]
fn steps_inside_the_ladders() {
    let cases = [
        ("research.city", 2, 8.5),
        ("research.provincial", 3, 11.0),
        ("patent.invention", 3, 8.0),
        ("patent.invention", 4, 7.0),
        ("patent.invention", 5, 5.5),
        ("patent.utility", 2, 4.0),
        ("patent.software", 2, 5.0),
        ("standard.enterprise", 2, 4.0),
        ("standard.enterprise", 3, 3.0),
        ("award.city.second", 4, 10.0),
    ];
    for (row, rank, points) in cases {
        assert_eq!(
            points_of(&with(vec![ach(row, rank, "2021-01-01")])),
            [points],
            "{row} {rank}"
        );
    }
}

#[test]
fn every_fixed_row_scores_its_points() {
    let cases = [
        ("honour.labour_model.city", 8.0),
        ("honour.labour_model.county", 5.0),
        ("honour.advanced_worker.city", 5.0),
        ("honour.advanced_worker.county", 3.0),
        ("honour.advanced_worker.section", 1.0),
        ("honour.party_member.city", 3.0),
        ("honour.party_member.county", 2.0),
        ("honour.party_member.section", 1.0),
        ("skill_title.provincial_chief", 10.0),
        ("skill_title.city_chief", 8.0),
        ("skill_title.city_master", 6.0),
        ("skill_title.county", 4.0),
        ("competition.national.first", 12.0),
        ("competition.national.second", 10.0),
        ("competition.national.third", 8.0),
        ("competition.provincial.first", 9.0),
        ("competition.provincial.second", 7.0),
        ("competition.provincial.third", 5.0),
        ("competition.city.first", 7.0),
        ("competition.city.second", 5.0),
        ("competition.city.third", 3.0),
        ("competition.county.first", 5.0),
        ("competition.county.second", 3.0),
        ("competition.county.third", 1.0),
    ];
    for (row, points) in cases {
        assert_eq!(
            points_of(&with(vec![ach(row, 0, "2021-01-01")])),
            [points],
            "{row}"
        );
    }
    for row in ["award.national", "award.provincial.first", "other.claim"] {
        let l = line_of(&with(vec![ach(row, 1, "2021-01-01")]), 0);
        assert_eq!(l.points, 0.0, "{row}");
        assert!(!l.counted);
        assert!(l.reason.is_some());
    }
}

#[test]
fn subtotal_caps_for_papers_and_patents() {
    let a = with(vec![
        ach("paper.monograph", 1, "2021-01-01"),
        ach("paper.monograph", 1, "2020-01-01"),
        ach("paper.core", 1, "2019-01-01"),
    ]);
    let s = score(&a, latest_plan());
    let l = |i| s.achievement_line(i).unwrap();
    assert_eq!([l(0).points, l(1).points, l(2).points], [14.0, 6.0, 0.0]);
    assert!(l(1)
        .reason
        .as_deref()
        .unwrap()
        .contains("超过论文著作总分 20 分上限，此项 14 分只计 6 分"));
    assert!(l(2)
        .reason
        .as_deref()
        .unwrap()
        .contains("超过论文著作总分 20 分上限"));
    assert_eq!(s.achievements_total, 20.0);

    let a = with(vec![
        ach("patent.invention", 1, "2021-01-01"),
        ach("patent.invention", 1, "2020-01-01"),
    ]);
    assert_eq!(points_of(&a), [12.0, 8.0]);
    // Exactly at the cap: nothing is cut.
    let a = with(vec![
        ach("patent.invention", 1, "2021-01-01"),
        ach("patent.invention", 3, "2020-01-01"),
    ]);
    assert_eq!(points_of(&a), [12.0, 8.0]);
    assert!(line_of(&a, 1).reason.is_none());
}

#[test]
fn achievements_cap_35_and_basic_cap_20() {
    let a = with(vec![
        ach("standard.national", 1, "2021-01-01"),
        ach("standard.national", 1, "2020-01-01"),
        ach("standard.national", 1, "2019-01-01"),
    ]);
    let s = score(&a, latest_plan());
    assert_eq!(points_of(&a), [16.0, 16.0, 3.0]);
    assert_eq!(s.achievements_total, 35.0);
    assert!(s
        .achievement_line(2)
        .unwrap()
        .reason
        .as_deref()
        .unwrap()
        .contains("成果业绩已达 35 分上限"));

    let ev = |year| AnnualEvaluation {
        year,
        grade: EvaluationGrade::Excellent,
    };
    let ce = |year| ContinuingEducationYear {
        year,
        general_public: 18.0,
        industry_public: 12.0,
        professional: 70.0,
        ..ContinuingEducationYear::default()
    };
    let a = Applicant {
        education: vec![Education {
            level: EducationLevel::Postgraduate,
            major: "机械工程".into(),
            related: YesNo::Yes,
            degree_certificate: true,
            ..Education::default()
        }],
        skill_certificates: vec![SkillCertificate {
            level: SkillLevel::SeniorTechnician,
            ..SkillCertificate::default()
        }],
        foreign_language: ForeignLanguage::Cet6,
        computer_modules: 4,
        tech_post: TechPost::UnitTechLead,
        unit_size: UnitSize::LargeMedium,
        evaluations: vec![ev(2021), ev(2020), ev(2019)],
        income_over_120k: true,
        continuing_education: vec![ce(2021), ce(2020), ce(2019)],
        ..Applicant::default()
    };
    let s = score(&a, latest_plan());
    // Raw: 学历 6 + 技能 4 + 外语 2 + 计算机 2 + 技术职务 4 + 考核 3 + 工资 2 + 继续教育 3 = 26.
    assert_eq!(s.basic_total, 20.0);
    let counted: f64 = s
        .lines
        .iter()
        .filter(|l| l.section == Section::Basic)
        .map(|l| l.points)
        .sum();
    assert_eq!(counted, 20.0);
    assert!(s.lines.iter().any(|l| l
        .reason
        .as_deref()
        .is_some_and(|r| r.contains("基本条件已达 20 分上限"))));
}

#[test]
fn count_limits_keep_the_highest() {
    let a = with(vec![
        ach("standard.enterprise", 3, "2021-01-01"),
        ach("standard.enterprise", 1, "2021-02-01"),
        ach("standard.enterprise", 1, "2021-03-01"),
        ach("standard.enterprise", 2, "2021-04-01"),
    ]);
    assert_eq!(points_of(&a), [0.0, 6.0, 6.0, 4.0]);
    assert!(line_of(&a, 0).reason.unwrap().contains("企业标准限 3 项"));

    let mut unstamped = ach("paper.unpublished", 1, "2021-01-01");
    unstamped.unit_stamped = false;
    let a = with(vec![
        ach("paper.unpublished", 2, "2021-01-01"),
        ach("paper.unpublished", 1, "2021-01-01"),
        ach("paper.unpublished", 1, "2021-01-01"),
        unstamped,
    ]);
    assert_eq!(points_of(&a), [0.0, 3.0, 3.0, 0.0]);
    assert!(line_of(&a, 0).reason.unwrap().contains("限 2 项"));
    assert!(line_of(&a, 3).reason.unwrap().contains("盖章"));
}

#[test]
fn highest_only_rules() {
    // Same result (one award at two levels): the higher counts.
    let mut county = ach("award.county.first", 1, "2020-01-01");
    county.group_key = "阀门成果".into();
    let mut city = ach("award.city.third", 1, "2021-01-01");
    city.group_key = "阀门成果".into();
    let a = with(vec![county, city]);
    assert_eq!(points_of(&a), [0.0, 14.0]);
    assert!(line_of(&a, 0).reason.unwrap().contains("同一成果"));

    // Honours: same year only the highest; another year adds.
    let a = with(vec![
        ach("honour.party_member.city", 0, "2021-03-01"),
        ach("honour.labour_model.city", 0, "2021-09-01"),
        ach("honour.advanced_worker.county", 0, "2020-05-01"),
    ]);
    assert_eq!(points_of(&a), [0.0, 8.0, 3.0]);
    assert!(line_of(&a, 0)
        .reason
        .unwrap()
        .contains("同一年度（2021 年）个人荣誉按就高原则只计一次"));

    // Competitions: same.
    let a = with(vec![
        ach("competition.city.first", 0, "2021-03-01"),
        ach("competition.provincial.third", 0, "2021-09-01"),
        ach("competition.county.first", 0, "2019-05-01"),
    ]);
    assert_eq!(points_of(&a), [7.0, 0.0, 5.0]);

    // 技能称号: once, the highest, whatever the years.
    let a = with(vec![
        ach("skill_title.county", 0, "2018-03-01"),
        ach("skill_title.city_chief", 0, "2021-09-01"),
    ]);
    assert_eq!(points_of(&a), [0.0, 8.0]);
    assert!(line_of(&a, 0)
        .reason
        .unwrap()
        .contains("技能称号按就高原则只计一次"));
}

#[test]
fn dates_selection_and_relatedness() {
    let mut a = with(vec![
        ach("paper.core", 1, "2022-07-31"),
        ach("paper.core", 1, "2022-08-01"),
        ach("paper.core", 1, "2016-06-30"),
        ach("paper.core", 1, "2016-07-01"),
        ach("paper.core", 1, ""),
        ach("paper.core", 1, "2021-02-29"),
        Achievement {
            selected: false,
            ..ach("paper.core", 1, "2021-01-01")
        },
        Achievement {
            related: YesNo::No,
            ..ach("paper.core", 1, "2021-01-01")
        },
        ach("paper.core", 0, "2021-01-01"),
        ach("no.such.row", 1, "2021-01-01"),
    ]);
    a.current_title = TitleLevel::AssistantEngineer;
    a.current_title_date = "2016-07-01".into();
    let s = score(&a, latest_plan());
    let pts: Vec<f64> = (0..10)
        .map(|i| s.achievement_line(i).unwrap().points)
        .collect();
    assert_eq!(pts, [10.0, 0.0, 0.0, 10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
    let reason = |i| s.achievement_line(i).unwrap().reason.clone().unwrap();
    assert!(reason(1).contains("晚于业绩截止日 2022-07-31"));
    assert!(reason(2).contains("任现职（2016-07-01）之前"));
    assert!(reason(4).contains("缺少取得日期"));
    assert!(
        reason(5).contains("取得日期「2021-02-29」无效：2021 年 2 月没有 29 日"),
        "leap day in a common year: {}",
        reason(5)
    );
    assert!(reason(6).contains("未选入本次申报"));
    assert!(reason(7).contains("第十七条"));
    assert!(reason(8).contains("未填写本人排名"));
    assert!(reason(9).contains("未选择成果类别"));
    let leap = with(vec![ach("paper.core", 1, "2020-02-29")]);
    assert_eq!(points_of(&leap), [10.0]);
}

/// 第十七条: achievements count only from the current title on; a title given without a usable
/// date leaves that unconfirmed, so nothing counts until the date is given.
#[test]
fn achievements_need_the_current_title_date_when_a_title_is_held() {
    let cases = [
        (
            TitleLevel::AssistantEngineer,
            "",
            0.0,
            Some("未填写取得现有职称（助理工程师）的有效日期"),
        ),
        (TitleLevel::Technician, "2021-02-29", 0.0, Some("第十七条")),
        (TitleLevel::AssistantEngineer, "2019-01-01", 10.0, None),
        (
            TitleLevel::AssistantEngineer,
            "2021-01-02",
            0.0,
            Some("任现职（2021-01-02）之前"),
        ),
        (TitleLevel::NoTitle, "", 10.0, None),
        (TitleLevel::Unknown, "", 10.0, None),
    ];
    for (title, date, points, reason) in cases {
        let mut a = with(vec![ach("paper.core", 1, "2021-01-01")]);
        a.current_title = title;
        a.current_title_date = date.into();
        let l = line_of(&a, 0);
        assert_eq!(l.points, points, "{title:?} {date}");
        match reason {
            Some(r) => assert!(
                l.reason.as_deref().unwrap_or("").contains(r),
                "{:?}",
                l.reason
            ),
            None => assert_eq!(l.reason, None, "{title:?} {date}"),
        }
    }
}

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
    use crate::rules::applicant::ApplyMode;
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

use super::*;
use crate::applicant::{
    Achievement, AnnualEvaluation, ContinuingEducationYear, Education, EducationLevel,
    EvaluationGrade, SkillCertificate, TitleLevel,
};
use crate::rules_file::latest_plan;

pub(super) fn ach(row: &str, rank: u32, date: &str) -> Achievement {
    Achievement {
        row: row.into(),
        title: format!("{row} #{rank}"),
        rank,
        date: date.into(),
        unit_stamped: true,
        ..Achievement::default()
    }
}

pub(super) fn with(achievements: Vec<Achievement>) -> Applicant {
    Applicant {
        achievements,
        ..Applicant::default()
    }
}

pub(super) fn points_of(a: &Applicant) -> Vec<f64> {
    let s = score(a, latest_plan());
    (0..a.achievements.len())
        .map(|i| s.achievement_line(i).unwrap().points)
        .collect()
}

pub(super) fn line_of(a: &Applicant, i: usize) -> ScoreLine {
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

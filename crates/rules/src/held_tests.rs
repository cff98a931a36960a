use super::*;
use crate::applicant::{EducationLevel, SkillHonour, SkillLevel};
use crate::rules_file::plan_for_year as plan_for;

#[test]
fn entries_dated_after_the_achievements_cut_off_are_set_aside_the_day_after() {
    let plan = plan_for(2022);
    let cases = [
        ("2022-07-30", true),
        ("2022-07-31", true),
        ("2022-08-01", false),
        ("", true),
        ("2022-13-01", true),
    ];
    for (date, counts) in cases {
        let a = Applicant {
            education: vec![Education {
                level: EducationLevel::Postgraduate,
                graduation_date: date.into(),
                ..Education::default()
            }],
            skill_certificates: vec![SkillCertificate {
                level: SkillLevel::Advanced,
                date: date.into(),
                ..SkillCertificate::default()
            }],
            honours: vec![HeldHonour {
                honour: SkillHonour::ZhejiangTechExpert,
                date: date.into(),
            }],
            ..Applicant::default()
        };
        let h = held(&a, &plan);
        assert_eq!(h.education.len() == 1, counts, "education {date}");
        assert_eq!(h.certificates.len() == 1, counts, "certificate {date}");
        assert_eq!(h.honours.len() == 1, counts, "honour {date}");
        assert_eq!(h.late_education.len() == 1, !counts, "{date}");
        assert_eq!(h.late_certificates.len() == 1, !counts, "{date}");
        assert_eq!(h.late_honours.len() == 1, !counts, "{date}");
    }
}

#[test]
fn the_message_names_both_dates() {
    let plan = plan_for(2022);
    let on = CivilDate::parse("2022-08-01").unwrap();
    assert_eq!(
        late_message("学历", on, plan.achievements_cutoff),
        "学历取得于 2022-08-01，晚于本年度业绩截止日 2022-07-31，本次不计"
    );
}

// --- What the cut-off changes on screen: routes, score lines and hints (READING.md, 2026-12) ---

use crate::applicant::{
    Applicant, ApplyMode, Education, HeldHonour, Level, SkillCertificate, YesNo,
};
use crate::assess::{assess_with_plan, Assessment};
use crate::eligibility::RouteVerdict;
use crate::scoring::ScoreLine;
use crate::verdict::Status;

const LATE: &str = "晚于本年度业绩截止日 2022-07-31，本次不计";

fn assess_2022(a: &Applicant) -> Assessment {
    assess_with_plan(a, &plan_for(2022))
}

fn route_of(result: &Assessment, id: &str) -> RouteVerdict {
    result
        .eligibility
        .routes
        .iter()
        .find(|r| r.verdict.id == id)
        .cloned()
        .unwrap_or_else(|| panic!("route {id}"))
}

fn line_of(result: &Assessment, item: &str) -> ScoreLine {
    result
        .score
        .lines
        .iter()
        .find(|l| l.item == item)
        .cloned()
        .unwrap_or_else(|| panic!("line {item}"))
}

fn text(v: &RouteVerdict) -> String {
    v.verdict.messages.join(" | ")
}

fn postgraduate(graduated: &str) -> Applicant {
    Applicant {
        level: Level::Technician,
        mode: ApplyMode::Normal,
        education: vec![Education {
            level: EducationLevel::Postgraduate,
            major: "机械工程".into(),
            related: YesNo::Yes,
            graduation_date: graduated.into(),
            ..Education::default()
        }],
        professional_start_date: "2010-01-01".into(),
        ..Applicant::default()
    }
}

#[test]
fn an_education_after_the_achievements_cut_off_opens_no_route_and_scores_nothing() {
    // Case 4 of issue 13: a 研究生 of 2022-08-01 in the 2022 round.
    for (graduated, counts) in [
        ("2022-07-30", true),
        ("2022-07-31", true),
        ("2022-08-01", false),
    ] {
        let result = assess_2022(&postgraduate(graduated));
        let r = route_of(&result, "8.1.a");
        let l = line_of(&result, "学历");
        if counts {
            assert_eq!(r.verdict.status, Status::Met, "{graduated}: {}", text(&r));
            assert_eq!(l.points, 5.0, "{graduated}");
            assert!(!text(&r).contains(LATE));
        } else {
            assert_eq!(
                r.verdict.status,
                Status::NotMet,
                "{graduated}: {}",
                text(&r)
            );
            assert!(
                text(&r).contains("学历取得于 2022-08-01，晚于本年度业绩截止日 2022-07-31，本次不计（第八条（一））"),
                "{}",
                text(&r)
            );
            assert_eq!(l.points, 0.0);
            assert!(
                l.reason.as_deref().is_some_and(
                    |r| r.contains(&format!("研究生（硕士）学历取得于 2022-08-01，{LATE}"))
                ),
                "{:?}",
                l.reason
            );
        }
    }
}

#[test]
fn a_later_education_leaves_the_earlier_one_counted_and_says_why_the_higher_does_not_count() {
    let mut a = postgraduate("2022-08-01");
    a.education.push(Education {
        level: EducationLevel::Bachelor,
        major: "机械工程".into(),
        related: YesNo::Yes,
        graduation_date: "2012-07-01".into(),
        ..Education::default()
    });
    let result = assess_2022(&a);
    let l = line_of(&result, "学历");
    assert_eq!(l.points, 4.0, "the 本科 counts");
    assert!(l.reason.as_deref().is_some_and(|r| r.contains(LATE)));
    assert_eq!(route_of(&result, "8.1.a").verdict.status, Status::Met);
}

#[test]
fn a_doctorate_after_the_cut_off_gives_no_initial_determination_hint() {
    for (graduated, hinted) in [("2022-07-31", true), ("2022-08-01", false)] {
        let mut a = postgraduate(graduated);
        a.education[0].level = EducationLevel::Doctor;
        a.level = Level::Engineer;
        let result = assess_2022(&a);
        let hint = result
            .eligibility
            .hints
            .iter()
            .any(|h| h.cite == "第十一条（三）");
        assert_eq!(hint, hinted, "{graduated}");
    }
}

fn cert(level: SkillLevel, date: &str, related: YesNo) -> SkillCertificate {
    SkillCertificate {
        level,
        trade: String::new(),
        related,
        date: date.into(),
    }
}

#[test]
fn a_skill_certificate_after_the_cut_off_scores_nothing_and_opens_no_route() {
    // Case 5 of issue 13.
    for (date, points) in [("2022-07-31", 3.0), ("2022-08-01", 0.0)] {
        let a = Applicant {
            level: Level::Engineer,
            mode: ApplyMode::SkilledTalent,
            skill_certificates: vec![cert(SkillLevel::Technician, date, YesNo::Yes)],
            ..Applicant::default()
        };
        let result = assess_2022(&a);
        let l = line_of(&result, "技能等级");
        assert_eq!(l.points, points, "{date}");
        let r = route_of(&result, "10.2");
        assert_eq!(r.verdict.status, Status::NotMet, "{date}: {}", text(&r));
        assert_eq!(
            text(&r).contains(&format!("技师（二级）证书取得于 2022-08-01，{LATE}")),
            points == 0.0,
            "{date}: {}",
            text(&r)
        );
        if points == 0.0 {
            assert!(l.reason.as_deref().is_some_and(|r| r.contains(LATE)));
        }
    }
}

#[test]
fn skill_routes_count_from_the_first_certificate_at_the_level_or_higher() {
    // 高级工 of 2015 then 技师 of 2021: 第九条（二） is met from 2015, in either order.
    for certificates in [
        vec![
            cert(SkillLevel::Advanced, "2015-06-01", YesNo::Yes),
            cert(SkillLevel::Technician, "2021-06-01", YesNo::Yes),
        ],
        vec![
            cert(SkillLevel::Technician, "2021-06-01", YesNo::Yes),
            cert(SkillLevel::Advanced, "2015-06-01", YesNo::Yes),
        ],
    ] {
        let a = Applicant {
            level: Level::AssistantEngineer,
            mode: ApplyMode::SkilledTalent,
            skill_certificates: certificates,
            ..Applicant::default()
        };
        let result = assess_2022(&a);
        let r = route_of(&result, "9.2");
        assert_eq!(r.verdict.status, Status::Met, "{}", text(&r));
        assert!(text(&r).contains("自 2015-06-01 起"), "{}", text(&r));
        assert!(text(&r).contains("按最早达到该等级的证书（高级工（三级） 2015-06-01）计"));
        // The 技师 alone is 1 year short of 第十条（二）'s 3 years; the score takes the 技师.
        let r = route_of(
            &assess_2022(&Applicant {
                level: Level::Engineer,
                ..a.clone()
            }),
            "10.2",
        );
        assert_eq!(r.verdict.status, Status::NotMet, "{}", text(&r));
        assert!(text(&r).contains("自 2021-06-01 起"), "{}", text(&r));
        assert_eq!(line_of(&result, "技能等级").points, 3.0);
    }
}

#[test]
fn the_score_takes_the_highest_related_certificate_held_by_the_cut_off() {
    let cases = [
        // (certificates, points)
        (
            vec![
                cert(SkillLevel::SeniorTechnician, "2020-01-01", YesNo::No),
                cert(SkillLevel::Technician, "2019-01-01", YesNo::Yes),
            ],
            3.0,
        ),
        (
            vec![
                cert(SkillLevel::SeniorTechnician, "2022-08-01", YesNo::Yes),
                cert(SkillLevel::Advanced, "2019-01-01", YesNo::Unknown),
            ],
            2.0,
        ),
        (
            vec![
                cert(SkillLevel::Intermediate, "2012-01-01", YesNo::Yes),
                cert(SkillLevel::Advanced, "2016-01-01", YesNo::Yes),
            ],
            2.0,
        ),
        (
            vec![cert(SkillLevel::Technician, "2019-01-01", YesNo::No)],
            0.0,
        ),
        (vec![], 0.0),
    ];
    for (certificates, points) in cases {
        let a = Applicant {
            skill_certificates: certificates.clone(),
            ..Applicant::default()
        };
        let l = line_of(&assess_2022(&a), "技能等级");
        assert_eq!(l.points, points, "{certificates:?}");
    }
}

#[test]
fn the_skill_answer_decides_between_not_met_and_to_be_filled() {
    let with = |answer| Applicant {
        level: Level::Technician,
        has_skill_certificate: answer,
        ..Applicant::default()
    };
    let r = route_of(&assess_2022(&with(YesNo::No)), "8.2");
    assert_eq!(r.verdict.status, Status::NotMet);
    let r = route_of(&assess_2022(&with(YesNo::Unknown)), "8.2");
    assert_eq!(r.verdict.status, Status::Missing);
    // An unrelated certificate at the level does not open the route.
    let a = Applicant {
        level: Level::Technician,
        skill_certificates: vec![cert(SkillLevel::Advanced, "2015-01-01", YesNo::No)],
        ..Applicant::default()
    };
    let r = route_of(&assess_2022(&a), "8.2");
    assert_eq!(r.verdict.status, Status::NotMet);
    assert!(text(&r).contains("技能证书工种须与机电（机械）专业相关"));
    // A certificate at the level without a date cannot be counted yet.
    let a = Applicant {
        level: Level::Technician,
        skill_certificates: vec![cert(SkillLevel::Advanced, "", YesNo::Yes)],
        ..Applicant::default()
    };
    let r = route_of(&assess_2022(&a), "8.2");
    assert_eq!(r.verdict.status, Status::Missing);
    assert!(
        text(&r).contains("请填写取得高级工（三级）证书的日期"),
        "{}",
        text(&r)
    );
}

#[test]
fn an_honour_after_the_cut_off_does_not_open_article_9_3_yet_and_says_so() {
    let with = |date: &str| Applicant {
        level: Level::AssistantEngineer,
        mode: ApplyMode::SkilledTalent,
        honours: vec![HeldHonour {
            honour: SkillHonour::ZhejiangTechExpert,
            date: date.into(),
        }],
        ..Applicant::default()
    };
    for (date, status) in [
        ("2022-07-30", Status::Met),
        ("2022-07-31", Status::Met),
        ("2022-08-01", Status::NotMet),
        ("", Status::Missing),
    ] {
        let r = route_of(&assess_2022(&with(date)), "9.3");
        assert_eq!(r.verdict.status, status, "{date}: {}", text(&r));
        match status {
            Status::Met => {
                assert!(text(&r).contains(&format!("具有「浙江省技术能手」（{date} 取得）")))
            }
            Status::NotMet => assert!(
                text(&r).contains(&format!(
                    "「浙江省技术能手」取得于 2022-08-01，{LATE}（第九条（三））"
                )),
                "{}",
                text(&r)
            ),
            Status::Missing => assert!(text(&r).contains("请填写「浙江省技术能手」的取得时间")),
        }
    }
    // The same for 第十条（三）.
    let a = Applicant {
        level: Level::Engineer,
        honours: vec![HeldHonour {
            honour: SkillHonour::NationalTechExpert,
            date: "2022-08-01".into(),
        }],
        ..Applicant::default()
    };
    let r = route_of(&assess_2022(&a), "10.3");
    assert_eq!(r.verdict.status, Status::NotMet);
    assert!(text(&r).contains(LATE));
}

#[test]
fn years_are_still_counted_to_the_seniority_cut_off() {
    // A 中级工 of 2020-12-31 held by the achievements cut-off has its 2 years by 2022-12-31.
    let a = Applicant {
        level: Level::Technician,
        skill_certificates: vec![cert(SkillLevel::Intermediate, "2020-12-31", YesNo::Yes)],
        ..Applicant::default()
    };
    let r = route_of(&assess_2022(&a), "8.2");
    assert_eq!(r.verdict.status, Status::Met, "{}", text(&r));
    assert!(text(&r).contains("计至 2022-12-31"));
}

#[test]
fn the_form_asks_for_each_certificate_and_honour_date() {
    use crate::draft::Draft;
    use crate::form_checks::info_problems;
    let mut d = Draft::default();
    d.applicant.skill_certificates = vec![cert(SkillLevel::Unknown, "", YesNo::Unknown)];
    d.applicant.honours = vec![HeldHonour {
        honour: SkillHonour::NationalTechExpert,
        date: String::new(),
    }];
    let today = crate::date::CivilDate::parse("2022-09-01").unwrap();
    let problems = info_problems(&d, &plan_for(2022), None, today);
    let index = SkillHonour::ALL
        .iter()
        .position(|h| *h == SkillHonour::NationalTechExpert)
        .unwrap();
    for field in [
        "skill-0-level",
        "skill-0-date",
        &format!("honour-{index}-date"),
    ] {
        assert!(
            problems.iter().any(|p| p.field == field),
            "{field}: {problems:?}"
        );
    }
    d.applicant.skill_certificates.clear();
    d.applicant.has_skill_certificate = YesNo::Yes;
    let problems = info_problems(&d, &plan_for(2022), None, today);
    assert!(problems.iter().any(|p| p.field == "has-skill"));
}

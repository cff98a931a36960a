use super::*;
use crate::applicant::{
    Achievement, Education, EducationLevel, SkillCertificate, SkillLevel, WorkKind, WorkPeriod,
};
use crate::rules_file::latest_plan;

fn ids(items: &[EvidenceItem]) -> Vec<&str> {
    items.iter().map(|i| i.id.as_str()).collect()
}

fn find<'a>(items: &'a [EvidenceItem], id: &str) -> &'a EvidenceItem {
    items
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("{id} in {:?}", ids(items)))
}

#[test]
fn an_empty_applicant_still_needs_the_required_sections() {
    let items = required_evidence(&Applicant::default(), latest_plan(), None);
    assert_eq!(
        ids(&items),
        [
            "continuing_education",
            "evaluation.2021",
            "evaluation.2020",
            "evaluation.2019"
        ]
    );
    assert_eq!(find(&items, "continuing_education").min_pages, 2);
}

#[test]
fn education_and_work_formats() {
    let a = Applicant {
        education: vec![
            Education {
                level: EducationLevel::Bachelor,
                graduation_date: "2008-07-01".into(),
                degree_certificate: true,
                ..Education::default()
            },
            Education {
                level: EducationLevel::JuniorCollege,
                graduation_date: "2000-07-01".into(),
                ..Education::default()
            },
            Education {
                level: EducationLevel::Secondary,
                ..Education::default()
            },
            Education {
                level: EducationLevel::Postgraduate,
                origin: DegreeOrigin::Foreign,
                ..Education::default()
            },
            Education {
                level: EducationLevel::TechSchoolAdvanced,
                ..Education::default()
            },
        ],
        work: vec![
            WorkPeriod {
                unit: "甲公司".into(),
                administrative_post: "技术部经理".into(),
                kind: WorkKind::Professional,
                ..WorkPeriod::default()
            },
            WorkPeriod {
                unit: "乙公司".into(),
                ..WorkPeriod::default()
            },
        ],
        ce_card_short: true,
        ..Applicant::default()
    };
    let items = required_evidence(&a, latest_plan(), None);
    let pages = |id| find(&items, id).min_pages;
    assert_eq!(pages("education.0"), 3, "备案表 + 毕业证书 + 学位证书");
    assert_eq!(
        pages("education.1"),
        2,
        "before 2001: 毕业证书 + 高校毕业生登记表"
    );
    assert_eq!(pages("education.2"), 1);
    assert_eq!(pages("education.3"), 2);
    assert!(find(&items, "education.3").parts[1].contains("国外学历学位认证书"));
    assert_eq!(pages("education.4"), 1, "技工院校: the diploma");
    assert_eq!(pages("work.0"), 2);
    assert_eq!(pages("work.1"), 1);
    assert_eq!(pages("continuing_education"), 3);
    assert!(find(&items, "education.0").parts[0].contains("不是在线验证报告"));
}

/// Guide 五.3.(1)③: graduates before 2001 have no 学历证书电子注册备案表 (学信网 registers
/// diplomas from 2001); they give the 高校毕业生登记表 instead, or a 学信网 学历认证报告.
#[test]
fn graduates_before_2001_give_the_registration_form_instead_of_the_filing_table() {
    let cases: &[(&str, EducationLevel, &[&str])] = &[
        (
            "2000-12-31",
            EducationLevel::JuniorCollege,
            &["毕业证书原件", "高校毕业生登记表"],
        ),
        (
            "1995-07-01",
            EducationLevel::Bachelor,
            &["毕业证书原件", "高校毕业生登记表"],
        ),
        (
            "2001-01-01",
            EducationLevel::JuniorCollege,
            &["电子注册备案表", "毕业证书原件"],
        ),
        (
            "",
            EducationLevel::Bachelor,
            &["电子注册备案表", "毕业证书原件"],
        ),
    ];
    for &(graduated, level, parts) in cases {
        let a = Applicant {
            education: vec![Education {
                level,
                graduation_date: graduated.into(),
                ..Education::default()
            }],
            ..Applicant::default()
        };
        let items = required_evidence(&a, latest_plan(), None);
        let it = find(&items, "education.0");
        assert_eq!(it.parts.len(), parts.len(), "{graduated}: {:?}", it.parts);
        for (part, wanted) in it.parts.iter().zip(parts) {
            assert!(part.contains(wanted), "{graduated}: {part} ≠ {wanted}");
        }
        assert_eq!(it.min_pages, parts.len() as u32, "{graduated}");
        if graduated.starts_with("1") || graduated.starts_with("2000") {
            assert!(it.parts[1].contains("学历认证"), "{:?}", it.parts);
        }
    }
}

#[test]
fn achievements_and_claims_bring_their_evidence() {
    let ach = |row: &str| Achievement {
        row: row.into(),
        rank: 1,
        date: "2021-01-01".into(),
        ..Achievement::default()
    };
    let a = Applicant {
        achievements: vec![
            ach("paper.core"),
            ach("paper.monograph"),
            Achievement {
                finished: true,
                ..ach("research.city")
            },
            ach("patent.invention"),
            Achievement {
                selected: false,
                ..ach("standard.national")
            },
            ach("no.such.row"),
        ],
        income_over_120k: true,
        mountain_years: 2,
        mode: ApplyMode::Exceptional,
        appointment: Appointment::Yes,
        qualification_type: QualificationType::TitleQualification,
        foreign_language: ForeignLanguage::TitleExamPass,
        computer_modules: 3,
        tech_post: TechPost::DeptTechLead,
        ..Applicant::default()
    };
    let items = required_evidence(&a, latest_plan(), None);
    assert_eq!(find(&items, "achievement.0").min_pages, 3);
    assert!(find(&items, "achievement.0")
        .notes
        .iter()
        .any(|n| n.contains("录用证明不能")));
    assert_eq!(find(&items, "achievement.1").min_pages, 3);
    assert!(find(&items, "achievement.1").parts[2].contains("CIP"));
    assert_eq!(find(&items, "achievement.2").min_pages, 2);
    assert_eq!(find(&items, "achievement.3").min_pages, 1);
    assert!(!ids(&items).contains(&"achievement.4"), "not selected");
    assert!(!ids(&items).contains(&"achievement.5"), "no row");
    for id in [
        "attachment.tax",
        "attachment.mountain",
        "attachment.exceptional",
        "attachment.appointment",
        "attachment.qualification",
        "attachment.foreign",
        "attachment.computer",
        "attachment.tech_post",
    ] {
        find(&items, id);
    }
    assert_eq!(
        find(&items, "attachment.exceptional").section,
        "上传破格表格"
    );

    // The route's advice wins over the applicant's own answers.
    let advice = PortalAdvice {
        route_id: "8.2".into(),
        cite: "第八条（二）".into(),
        mode: ApplyMode::SkilledTalent,
        qualification_type: QualificationType::VocationalQualification,
        appointment: Appointment::No,
        messages: vec![],
    };
    let a = Applicant {
        skill_certificates: vec![SkillCertificate {
            level: SkillLevel::Intermediate,
            ..SkillCertificate::default()
        }],
        appointment: Appointment::Yes,
        ..Applicant::default()
    };
    let items = required_evidence(&a, latest_plan(), Some(&advice));
    assert!(!ids(&items).contains(&"attachment.appointment"));
    assert_eq!(
        find(&items, "attachment.qualification").title,
        "职业资格证书"
    );
    find(&items, "attachment.skill_certificate");
    let items = required_evidence(&a, latest_plan(), None);
    find(&items, "attachment.skill_archive");
}

#[test]
fn sections_without_points_still_ask_for_their_evidence_except_part_time_posts() {
    let entry = |row: &str| Achievement {
        row: row.into(),
        title: "某项".into(),
        ..Achievement::default()
    };
    let a = Applicant {
        achievements: vec![
            entry("part_time.post"),
            entry("engineering.project"),
            entry("promotion.result"),
            entry("certificate.qualification"),
            entry("reward.record"),
        ],
        ..Applicant::default()
    };
    let items = required_evidence(&a, latest_plan(), None);
    assert!(
        !ids(&items).contains(&"achievement.0"),
        "学术技术兼职 needs no evidence"
    );
    assert_eq!(find(&items, "achievement.1").section, "工程技术项目");
    assert_eq!(
        find(&items, "achievement.2").section,
        "成果被指示、采纳、运用和推广情况"
    );
    assert!(find(&items, "achievement.3")
        .notes
        .iter()
        .any(|n| n.contains("长期有效")));
    assert_eq!(find(&items, "achievement.4").section, "奖惩情况");
    // None of them scores.
    let score = crate::scoring::score(&a, latest_plan());
    assert_eq!(score.achievements_total, 0.0);
    assert!(score
        .lines
        .iter()
        .filter(|l| l.achievement.is_some())
        .all(|l| !l.counted && l.reason.is_some()));
}

#[test]
fn what_to_provide_is_said_in_the_applicants_words() {
    let with = |parts: &[&'static str], min_pages: u32| EvidenceItem {
        id: "x".into(),
        section: "教育经历",
        place: Place::Attachments,
        title: "t".into(),
        why: String::new(),
        parts: parts.to_vec(),
        min_pages,
        notes: Vec::new(),
    };
    for (item, said) in [
        (with(&["毕业证书"], 1), "毕业证书，一个 PDF 文件"),
        (
            with(&["考核登记表"], 2),
            "考核登记表，一个 PDF 文件（至少 2 页）",
        ),
        (
            with(&["继续教育统计表", "学时卡"], 2),
            "继续教育统计表、学时卡，按这个顺序放进一个 PDF 文件（至少 2 页）",
        ),
        (with(&[], 1), "一个 PDF 文件"),
    ] {
        assert_eq!(item.requirement(), said);
        assert!(!item.requirement().contains("合并为一个 PDF（至少 1 页）"));
    }
}

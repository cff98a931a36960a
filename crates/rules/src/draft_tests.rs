//! The draft's tests: rounds kept, loading and migration, and the domain operations on it.

use super::*;

#[test]
fn a_draft_keeps_the_round_it_was_started_with() {
    let mut empty = Draft::default();
    assert!(!empty.pin_round(2027), "an empty draft has not started");
    assert_eq!(empty.applicant.plan_year, 0);
    let mut started = filled();
    assert!(started.pin_round(2027));
    assert_eq!(started.applicant.plan_year, 2027);
    assert!(!started.pin_round(2028), "once kept, the round stays");
    assert_eq!(started.applicant.plan_year, 2027);
    let mut chosen = filled();
    chosen.applicant.plan_year = 2022;
    assert!(!chosen.pin_round(2027));
    assert_eq!(chosen.applicant.plan_year, 2022);
}

fn filled() -> Draft {
    Draft {
        version: SCHEMA_VERSION,
        basic: BasicInfo {
            name: "张三".into(),
            gender: "男".into(),
            birth_date: "1990-02-28".into(),
            department: "研发部".into(),
            ..BasicInfo::default()
        },
        photo: Some(PhotoRecord {
            file_id: "ab12".into(),
            file_name: "证件照.jpg".into(),
            byte_size: 40_000,
            passes: true,
            generated: false,
        }),
        ..Draft::default()
    }
}

#[test]
fn a_draft_round_trips_through_storage() {
    let draft = filled();
    assert_eq!(
        load_stored(Some(&draft.to_stored())),
        Loaded::Restored(draft)
    );
}

#[test]
fn nothing_stored_is_a_fresh_start() {
    assert_eq!(load_stored(None), Loaded::Fresh);
    assert!(load_stored(None).draft().is_empty());
}

#[test]
fn fields_missing_from_an_older_save_take_their_defaults() {
    let loaded = load_stored(Some(r#"{"version":2,"basic":{"name":"李四"}}"#));
    let Loaded::Restored(draft) = loaded else {
        panic!("expected a restored draft, got {loaded:?}")
    };
    assert_eq!(draft.basic.name, "李四");
    assert_eq!(draft.basic.department, "");
}

/// A draft as version 1 of the app stored it (one skill certificate, undated honours).
pub(crate) const V1_DRAFT: &str = r#"{"version":1,"basic":{"name":"陈一"},"applicant":{"plan_year":2022,"level":"assistant_engineer","mode":"skilled_talent","skill_level":"advanced","skill_date":"2019-09-01","skill_related":"yes","skill_honours":["zhejiang_tech_expert","provincial_class1_top5"],"professional_start_date":"2016-07-01"},"form":{},"attachments":{}}"#;

#[test]
fn a_version_1_draft_migrates_its_skill_certificate_and_honours_without_loss() {
    use crate::applicant::{HeldHonour, SkillCertificate, SkillHonour, SkillLevel, YesNo};
    let Loaded::Migrated {
        draft,
        from_version,
    } = load_stored(Some(V1_DRAFT))
    else {
        panic!("a version-1 draft is migrated")
    };
    assert_eq!(from_version, 1);
    assert_eq!(draft.version, SCHEMA_VERSION);
    let a = &draft.applicant;
    assert_eq!(
        a.skill_certificates,
        vec![SkillCertificate {
            level: SkillLevel::Advanced,
            trade: String::new(),
            related: YesNo::Yes,
            date: "2019-09-01".into(),
        }]
    );
    assert_eq!(a.has_skill_certificate, YesNo::Yes);
    assert_eq!(
        a.honours,
        vec![
            HeldHonour {
                honour: SkillHonour::ZhejiangTechExpert,
                date: String::new()
            },
            HeldHonour {
                honour: SkillHonour::ProvincialClass1Top5,
                date: String::new()
            },
        ]
    );
    assert_eq!(a.legacy_skill_level, SkillLevel::Unknown);
    assert!(a.legacy_skill_honours.is_empty());
    assert_eq!(a.professional_start_date, "2016-07-01");
    // Saved again, it is a version-2 draft without the old fields, and reads back the same.
    let stored = draft.to_stored();
    assert!(stored.contains("\"version\":2"));
    for old in [
        "\"skill_level\"",
        "\"skill_date\"",
        "\"skill_related\"",
        "\"skill_honours\"",
    ] {
        assert!(!stored.contains(old), "{old} is not written again");
    }
    assert_eq!(load_stored(Some(&stored)), Loaded::Restored(draft));
}

#[test]
fn a_version_1_level_of_none_says_no_certificate_and_unknown_says_nothing() {
    use crate::applicant::YesNo;
    let none = load_stored(Some(
        r#"{"version":1,"applicant":{"skill_level":"no_skill"}}"#,
    ))
    .draft();
    assert_eq!(none.applicant.has_skill_certificate, YesNo::No);
    assert!(none.applicant.skill_certificates.is_empty());
    let unknown = load_stored(Some(
        r#"{"version":1,"applicant":{"skill_level":"unknown"}}"#,
    ))
    .draft();
    assert_eq!(unknown.applicant.has_skill_certificate, YesNo::Unknown);
    assert!(unknown.applicant.skill_certificates.is_empty());
    // A date typed before the level was chosen is kept on an entry that asks for the level.
    let dated = load_stored(Some(
        r#"{"version":1,"applicant":{"skill_date":"2019-01-01"}}"#,
    ))
    .draft();
    assert_eq!(dated.applicant.skill_certificates.len(), 1);
    assert_eq!(dated.applicant.skill_certificates[0].date, "2019-01-01");
    assert!(!dated.applicant.skill_certificates[0].level.is_set());
}

#[test]
fn damaged_storage_is_set_aside_with_a_reason() {
    let saved = filled().to_stored();
    let truncated = &saved[..saved.len() / 2];
    let huge = format!(
        "{{\"version\":1,\"basic\":{{\"name\":\"{}\"",
        "x".repeat(3 << 20)
    );
    type Expectation = fn(&DamageReason) -> bool;
    let cases: Vec<(&str, &str, Expectation)> = vec![
        ("empty string", "", |r| *r == DamageReason::Empty),
        ("whitespace", "  \n", |r| *r == DamageReason::Empty),
        ("truncated JSON", truncated, |r| {
            matches!(r, DamageReason::NotJson { .. })
        }),
        ("not JSON", "hello", |r| {
            matches!(r, DamageReason::NotJson { .. })
        }),
        ("array", "[1,2]", |r| {
            matches!(r, DamageReason::NotADraft { .. })
        }),
        ("no version", r#"{"basic":{}}"#, |r| {
            matches!(r, DamageReason::NotADraft { .. })
        }),
        ("version as text", r#"{"version":"1"}"#, |r| {
            matches!(r, DamageReason::NotADraft { .. })
        }),
        ("negative version", r#"{"version":-1}"#, |r| {
            matches!(r, DamageReason::NotADraft { .. })
        }),
        ("version zero", r#"{"version":0}"#, |r| {
            matches!(r, DamageReason::NotADraft { .. })
        }),
        (
            "wrong field type",
            r#"{"version":1,"basic":{"name":42}}"#,
            |r| matches!(r, DamageReason::NotADraft { .. }),
        ),
        ("basic is text", r#"{"version":1,"basic":"张三"}"#, |r| {
            matches!(r, DamageReason::NotADraft { .. })
        }),
        (
            "future version",
            r#"{"version":7,"basic":{"name":"王五"}}"#,
            |r| *r == DamageReason::FutureVersion { found: 7 },
        ),
        ("3 MB of truncated text", &huge, |r| {
            matches!(r, DamageReason::NotJson { .. })
        }),
    ];
    for (label, stored, expected) in cases {
        let loaded = load_stored(Some(stored));
        match &loaded {
            Loaded::Damaged(reason) => {
                assert!(expected(reason), "{label}: unexpected reason {reason:?}");
                assert!(!reason.message().is_empty());
            }
            other => panic!("{label}: expected damage, got {other:?}"),
        }
        assert!(loaded.draft().is_empty(), "{label}: must start empty");
    }
}

#[test]
fn a_3_mb_valid_draft_still_loads() {
    let mut draft = filled();
    draft.basic.unit_address = "温".repeat(1 << 20);
    assert_eq!(
        load_stored(Some(&draft.to_stored())),
        Loaded::Restored(draft)
    );
}

#[test]
fn unknown_fields_from_a_hand_edit_are_ignored_not_fatal() {
    let loaded = load_stored(Some(
        r#"{"version":1,"extra":true,"basic":{"post":"工程师"}}"#,
    ));
    assert_eq!(loaded.draft().basic.post, "工程师");
}

#[test]
fn the_first_qualification_is_the_current_title_until_the_applicant_types_over_it() {
    use TitleLevel::*;
    let q = |name: &str, date: &str, authority: &str| Qualification {
        name: name.into(),
        date: date.into(),
        authority: authority.into(),
    };
    // (资格类型, 现有职称, its date, the title and date before the change, the list before,
    // the list after, changed)
    let title = QualificationType::TitleQualification;
    type Case = (
        QualificationType,
        TitleLevel,
        &'static str,
        TitleLevel,
        &'static str,
        Vec<Qualification>,
        Vec<Qualification>,
        bool,
    );
    let cases: Vec<Case> = vec![
        // Choosing 专业技术职务任职资格 with 技术员 2021-03-15 known: name and date are filled in.
        (
            title,
            Technician,
            "2021-03-15",
            Technician,
            "2021-03-15",
            vec![],
            vec![q("技术员", "2021-03-15", "")],
            true,
        ),
        // Other types and no title held: nothing to take.
        (
            QualificationType::VocationalQualification,
            Technician,
            "2021-03-15",
            Technician,
            "",
            vec![],
            vec![],
            false,
        ),
        (
            QualificationType::NoQualification,
            Technician,
            "2021-03-15",
            Technician,
            "",
            vec![],
            vec![],
            false,
        ),
        (title, NoTitle, "", NoTitle, "", vec![], vec![], false),
        (title, Unknown, "", Unknown, "", vec![], vec![], false),
        // The date typed later follows into the prefilled entry, the 发证机关 is kept.
        (
            title,
            Technician,
            "2021-03-16",
            Technician,
            "2021-03-15",
            vec![q("技术员", "2021-03-15", "温州市人力社保局")],
            vec![q("技术员", "2021-03-16", "温州市人力社保局")],
            true,
        ),
        (
            title,
            Technician,
            "2021-03-15",
            Technician,
            "",
            vec![q("技术员", "", "")],
            vec![q("技术员", "2021-03-15", "")],
            true,
        ),
        // A changed title follows too.
        (
            title,
            AssistantEngineer,
            "2021-03-15",
            Technician,
            "2021-03-15",
            vec![q("技术员", "2021-03-15", "")],
            vec![q("助理工程师", "2021-03-15", "")],
            true,
        ),
        // What the applicant typed over is theirs.
        (
            title,
            Technician,
            "2022-01-01",
            Technician,
            "2021-03-15",
            vec![q("技术员", "2021-04-01", "")],
            vec![q("技术员", "2021-04-01", "")],
            false,
        ),
        (
            title,
            AssistantEngineer,
            "2022-01-01",
            Technician,
            "2021-03-15",
            vec![q("助理工程师（电气）", "2021-03-15", "")],
            vec![q("助理工程师（电气）", "2021-03-15", "")],
            false,
        ),
        // Nothing to do when it already agrees.
        (
            title,
            Technician,
            "2021-03-15",
            Technician,
            "2021-03-15",
            vec![q("技术员", "2021-03-15", "")],
            vec![q("技术员", "2021-03-15", "")],
            false,
        ),
    ];
    for (kind, held, date, before, before_date, list, after, changed) in cases {
        let mut draft = Draft::default();
        draft.applicant.qualification_type = kind;
        draft.applicant.current_title = held;
        draft.applicant.current_title_date = date.into();
        draft.form.qualifications = list.clone();
        assert_eq!(
            draft.follow_current_title(before, before_date),
            changed,
            "{kind:?} {held:?} {date} {list:?}"
        );
        assert_eq!(
            draft.form.qualifications, after,
            "{kind:?} {held:?} {date} {list:?}"
        );
        // Step 3's 「取自现有职称」 line shows exactly while the entry is the title.
        let is_title = kind == QualificationType::TitleQualification
            && after
                .first()
                .is_some_and(|q| q.name == held.label() && q.date == date);
        assert_eq!(
            draft.qualification_is_current_title(),
            is_title,
            "{kind:?} {held:?} {list:?}"
        );
    }
}

#[test]
fn the_bonus_fold_opens_once_any_bonus_is_answered() {
    use crate::choices::{ForeignLanguage, TechPost, UnitSize};
    type Answer = (&'static str, fn(&mut Draft));
    let answers: Vec<Answer> = vec![
        ("职称外语", |d| {
            d.applicant.foreign_language = ForeignLanguage::ALL[0]
        }),
        ("技术职务", |d| d.applicant.tech_post = TechPost::ALL[0]),
        ("单位规模", |d| d.applicant.unit_size = UnitSize::ALL[0]),
        ("工资收入", |d| d.applicant.income_over_120k = true),
        ("计算机", |d| d.form.computer_modules = "2".into()),
        ("山区县年限", |d| d.form.mountain_years = "3".into()),
        ("山区县", |d| d.applicant.mountain_county = "文成".into()),
    ];
    assert!(!Draft::default().has_bonus_answers());
    let mut spaces = Draft::default();
    spaces.form.computer_modules = "  ".into();
    assert!(!spaces.has_bonus_answers(), "blank text is no answer");
    for (what, answer) in answers {
        let mut draft = Draft::default();
        answer(&mut draft);
        assert!(draft.has_bonus_answers(), "{what}");
    }
}

#[test]
fn the_old_validated_marks_are_read_past_and_no_longer_written() {
    // Saved before issue 16: step 2 and 3 "checked" with nothing else in them.
    let old = r#"{"version":2,"form":{"phone":"13812345678","validated":true},"pledge":{"validated":true}}"#;
    let draft = load_stored(Some(old)).draft();
    assert_eq!(draft.form.phone, "13812345678");
    assert_eq!(
        draft.pledge,
        Pledge::default(),
        "an untouched pledge is untouched (未开始)"
    );
    assert!(!draft.to_stored().contains("validated"));
}

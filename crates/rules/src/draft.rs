//! The applicant's draft: one serde struct with a schema version, and how stored text becomes a
//! draft again (restored, migrated, or set aside with a reason) without ever panicking.

use super::applicant::Applicant;
use super::choices::{QualificationType, TitleLevel};
use super::form_fields::{ApplicationForm, Pledge, Qualification};
use super::json::{self, json_struct, FromJson, ToJson};
#[cfg(test)]
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bump when the stored shape changes in a way `#[serde(default)]` cannot absorb, and add the
/// step from the previous version to [`migrate`].
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
#[cfg_attr(test, serde(default))]
pub struct Draft {
    pub version: u32,
    pub basic: BasicInfo,
    /// Step 1's photo: the file itself lives in IndexedDB under `file_id`.
    pub photo: Option<PhotoRecord>,
    /// Step 2.
    pub pledge: Pledge,
    /// What the rules core reads: level, route, education, work, titles, achievements…
    pub applicant: Applicant,
    /// Step 3's fields that only the form checks, and numbers as typed.
    pub form: ApplicationForm,
    /// Step 5: the file attached to each evidence item, by the item's id.
    pub attachments: BTreeMap<String, AttachmentRecord>,
}

/// What the draft remembers of a file attached to an evidence item; the bytes live in IndexedDB
/// under `file_id` (one copy however many items use it).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct AttachmentRecord {
    pub file_id: String,
    pub file_name: String,
    pub byte_size: u64,
    /// 0 when the file is not a readable PDF.
    pub pages: u32,
    /// The checks' verdict when the file was attached.
    pub passes: bool,
}

/// What the draft remembers of the chosen photo. `passes` is the rules core's verdict on the
/// bytes when they were chosen, kept so the overview can show the step's status without reading
/// the file back.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct PhotoRecord {
    pub file_id: String,
    pub file_name: String,
    pub byte_size: u64,
    pub passes: bool,
    #[cfg_attr(test, serde(default))]
    pub generated: bool,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            version: SCHEMA_VERSION,
            basic: BasicInfo::default(),
            photo: None,
            pledge: Pledge::default(),
            applicant: Applicant::default(),
            form: ApplicationForm::default(),
            attachments: BTreeMap::new(),
        }
    }
}

/// 个人基本信息, as the portal's form asks it. Dates are kept as the text the applicant typed so
/// that a half-typed or impossible date is shown back to them rather than lost.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
#[cfg_attr(test, serde(default))]
pub struct BasicInfo {
    pub name: String,
    pub gender: String,
    pub ethnicity: String,
    pub birth_date: String,
    pub political_status: String,
    pub work_start_date: String,
    pub unit_nature: String,
    pub unit_name: String,
    pub unit_address: String,
    pub department: String,
    pub post: String,
}

impl Draft {
    pub fn is_empty(&self) -> bool {
        *self == Draft::default()
    }

    /// A draft keeps the round it was started with: the first time it holds anything, its
    /// `plan_year` 0 ("today's round") becomes that year. Drafts saved before rounds were kept
    /// this way are pinned, when read, to the round that was the default then (the latest
    /// published). True when it changed.
    pub fn pin_round(&mut self, year: i32) -> bool {
        if self.applicant.plan_year == 0 && !self.is_empty() {
            self.applicant.plan_year = year;
            true
        } else {
            false
        }
    }

    pub fn to_stored(&self) -> String {
        self.to_json()
    }

    /// Whether any 加分项 of step 3 is answered (职称外语, 计算机, 技术职务, 单位规模, 工资收入,
    /// 山区县): their fold starts open once one is, so an answer is never hidden.
    pub fn has_bonus_answers(&self) -> bool {
        let a = &self.applicant;
        a.foreign_language.is_set()
            || a.tech_post.is_set()
            || a.unit_size.is_set()
            || a.income_over_120k
            || !self.form.computer_modules.trim().is_empty()
            || !self.form.mountain_years.trim().is_empty()
            || !a.mountain_county.trim().is_empty()
    }

    /// The title typed once (issue 16): with 资格类型 「专业技术职务任职资格」 and a 现有职称 held,
    /// the first 资格证书 is that title — its name and date come from 现有职称, so only the
    /// 发证机关 is asked. Called after 资格类型, 现有职称 or its date changed, with the title and
    /// date as they were before: a first entry still showing them (or blank) follows the new
    /// ones; one the applicant typed over is left as typed. True when it changed the draft.
    pub fn follow_current_title(&mut self, before: TitleLevel, before_date: &str) -> bool {
        let a = &self.applicant;
        let title = a.current_title;
        let held = matches!(
            title,
            TitleLevel::Technician
                | TitleLevel::AssistantEngineer
                | TitleLevel::Engineer
                | TitleLevel::SeniorEngineer
        );
        if a.qualification_type != QualificationType::TitleQualification || !held {
            return false;
        }
        let date = a.current_title_date.trim().to_string();
        let qualifications = &mut self.form.qualifications;
        let Some(first) = qualifications.first_mut() else {
            qualifications.push(Qualification {
                name: title.label().to_string(),
                date,
                authority: String::new(),
            });
            return true;
        };
        let mut changed = false;
        let name = first.name.trim();
        if (name.is_empty() || name == before.label()) && name != title.label() {
            first.name = title.label().to_string();
            changed = true;
        }
        let typed = first.date.trim();
        if first.name == title.label()
            && (typed.is_empty() || typed == before_date.trim())
            && typed != date
        {
            first.date = date;
            changed = true;
        }
        changed
    }
}

/// Why stored text could not be used as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DamageReason {
    Empty,
    NotJson { detail: String },
    NotADraft { detail: String },
    FutureVersion { found: u64 },
}

impl DamageReason {
    pub fn message(&self) -> String {
        match self {
            DamageReason::Empty => "保存的内容是空的".to_string(),
            DamageReason::NotJson { .. } => {
                "保存的内容已损坏（不是完整的数据，可能写入时被中断或被手工修改）".to_string()
            }
            DamageReason::NotADraft { .. } => {
                "保存的内容格式不对（字段类型与本工具的草稿不符）".to_string()
            }
            DamageReason::FutureVersion { found } => format!(
                "保存的内容来自更新版本的本工具（数据版本 {found}，本版本只认识到 {SCHEMA_VERSION}）"
            ),
        }
    }
}

/// What loading stored text gives: always a draft to start from, plus what the user must be told.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing was stored: a first visit, or after 重新开始.
    Fresh,
    /// The stored draft, as it was saved.
    Restored(Draft),
    /// A draft from an older schema, brought up to date.
    Migrated { draft: Draft, from_version: u64 },
    /// The stored text is unusable; it must be kept aside (never dropped) and the app starts
    /// empty.
    Damaged(DamageReason),
}

impl Loaded {
    pub fn draft(&self) -> Draft {
        match self {
            Loaded::Restored(draft) | Loaded::Migrated { draft, .. } => draft.clone(),
            Loaded::Fresh | Loaded::Damaged(_) => Draft::default(),
        }
    }
}

json_struct!(Draft {
    version,
    basic,
    photo,
    pledge,
    applicant,
    form,
    attachments
});
json_struct!(BasicInfo {
    name,
    gender,
    ethnicity,
    birth_date,
    political_status,
    work_start_date,
    unit_nature,
    unit_name,
    unit_address,
    department,
    post,
});

// Every field but `generated` must be there, as serde's derive had it.
json_struct!(AttachmentRecord required { file_id, file_name, byte_size, pages, passes });
json_struct!(PhotoRecord required { file_id, file_name, byte_size, passes } optional { generated });

/// Turns what was stored under the draft key into a draft. `None` means nothing was stored.
///
/// The text is parsed once (broken JSON and a JSON value of the wrong shape are told apart), then
/// the version is read, then the draft itself, field by field (json.rs).
pub fn load_stored(stored: Option<&str>) -> Loaded {
    let Some(text) = stored else {
        return Loaded::Fresh;
    };
    if text.trim().is_empty() {
        return Loaded::Damaged(DamageReason::Empty);
    }
    let value = match crate::json_value::parse(text) {
        Ok(value) => value,
        Err(error) => {
            return Loaded::Damaged(DamageReason::NotJson {
                detail: error.to_string(),
            })
        }
    };
    let Some(object) = value.as_object() else {
        return Loaded::Damaged(DamageReason::NotADraft {
            detail: "顶层不是对象".to_string(),
        });
    };
    let version = match object.get("version") {
        None | Some(crate::json_value::Value::Null) => {
            return Loaded::Damaged(DamageReason::NotADraft {
                detail: "version = None".to_string(),
            })
        }
        Some(crate::json_value::Value::Number(n)) => match n.as_u64() {
            Some(v) => v,
            None => {
                return Loaded::Damaged(DamageReason::NotADraft {
                    detail: format!("version = {n}"),
                })
            }
        },
        Some(other) => {
            return Loaded::Damaged(DamageReason::NotADraft {
                detail: format!("version 应为数字，实为{}", json::kind(other)),
            })
        }
    };
    if version > SCHEMA_VERSION as u64 {
        return Loaded::Damaged(DamageReason::FutureVersion { found: version });
    }
    match Draft::from_json(&value) {
        Ok(mut draft) => {
            if let Err(detail) = migrate(version, &mut draft) {
                return Loaded::Damaged(DamageReason::NotADraft { detail });
            }
            draft.version = SCHEMA_VERSION;
            if version == SCHEMA_VERSION as u64 {
                Loaded::Restored(draft)
            } else {
                Loaded::Migrated {
                    draft,
                    from_version: version,
                }
            }
        }
        Err(detail) => Loaded::Damaged(DamageReason::NotADraft { detail }),
    }
}

/// Brings a draft read from `from_version` up to [`SCHEMA_VERSION`]. The old fields are read
/// into the structs as read-only legacy fields, and each step moves them to where this version
/// keeps them.
/// - 1 → 2: one skill certificate and undated honours become lists (`Applicant::migrate_v1_skills`).
fn migrate(from_version: u64, draft: &mut Draft) -> Result<(), String> {
    match from_version {
        // A version-2 text never holds the old fields unless edited by hand; moving them anyway
        // keeps such a text from hiding data in fields that are never written back.
        1 | 2 => {
            draft.applicant.migrate_v1_skills();
            Ok(())
        }
        // Version 0 never shipped: no released build wrote it, so it can only be hand-made.
        other => Err(format!("未知的数据版本 {other}")),
    }
}

#[cfg(test)]
mod tests {
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
}

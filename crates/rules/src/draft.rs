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

    /// Whether the first 资格证书 is the 现有职称 as [`Draft::follow_current_title`] filled it in
    /// (same name and date), so step 3 can say where they came from.
    pub fn qualification_is_current_title(&self) -> bool {
        let a = &self.applicant;
        a.qualification_type == QualificationType::TitleQualification
            && self.form.qualifications.first().is_some_and(|q| {
                q.name == a.current_title.label() && q.date.trim() == a.current_title_date.trim()
            })
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
#[path = "draft_tests.rs"]
mod tests;

//! The 个人基本信息 section of step 3: which fields the portal asks, their choices, and what makes
//! an entry wrong (with a Chinese message that says how to fix it).

use super::date::CivilDate;
use super::draft::BasicInfo;

/// The fixed 所属专业技术职务系列 for this association's plan; the portal warns that choosing
/// another series changes the whole 业绩档案.
pub const SERIES: &str = "工程技术";

pub const GENDERS: &[&str] = &["男", "女"];
pub const POLITICAL_STATUSES: &[&str] = &[
    "中共党员",
    "中共预备党员",
    "共青团员",
    "民主党派成员",
    "无党派人士",
    "群众",
];
pub const UNIT_NATURES: &[&str] = &[
    "事业单位",
    "国有企业/公有制单位",
    "民营企业/非公有制单位",
    "社会团体",
];
/// Suggestions only: 民族 is typed, and the portal's default is 汉族.
pub const COMMON_ETHNICITIES: &[&str] = &["汉族", "畲族", "回族", "满族", "壮族", "苗族", "土家族"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BasicField {
    Name,
    Gender,
    Ethnicity,
    BirthDate,
    PoliticalStatus,
    WorkStartDate,
    UnitNature,
    UnitName,
    UnitAddress,
    Department,
    Post,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text { max_chars: usize },
    Date,
    Choice(&'static [&'static str]),
    Suggested(&'static [&'static str]),
}

#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    pub field: BasicField,
    /// Stable id for the DOM and for tests.
    pub id: &'static str,
    pub label: &'static str,
    pub kind: FieldKind,
    pub hint: Option<&'static str>,
}

/// Every field of the section, in the portal's order. All of them are required on the portal.
pub const BASIC_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        field: BasicField::Name,
        id: "name",
        label: "姓名",
        kind: FieldKind::Text { max_chars: 30 },
        hint: None,
    },
    FieldSpec {
        field: BasicField::Gender,
        id: "gender",
        label: "性别",
        kind: FieldKind::Choice(GENDERS),
        hint: None,
    },
    FieldSpec {
        field: BasicField::Ethnicity,
        id: "ethnicity",
        label: "民族",
        kind: FieldKind::Suggested(COMMON_ETHNICITIES),
        hint: Some("如：汉族"),
    },
    FieldSpec {
        field: BasicField::BirthDate,
        id: "birth-date",
        label: "出生日期",
        kind: FieldKind::Date,
        hint: None,
    },
    FieldSpec {
        field: BasicField::PoliticalStatus,
        id: "political-status",
        label: "政治面貌",
        kind: FieldKind::Choice(POLITICAL_STATUSES),
        hint: None,
    },
    FieldSpec {
        field: BasicField::WorkStartDate,
        id: "work-start-date",
        label: "参加工作时间",
        kind: FieldKind::Date,
        hint: Some("以首次缴纳社保的时间为准"),
    },
    FieldSpec {
        field: BasicField::UnitNature,
        id: "unit-nature",
        label: "所在单位性质",
        kind: FieldKind::Choice(UNIT_NATURES),
        hint: None,
    },
    FieldSpec {
        field: BasicField::UnitName,
        id: "unit-name",
        label: "现工作单位名称",
        kind: FieldKind::Text { max_chars: 60 },
        hint: Some("须与单位在平台注册的全称一致；单位提交委托证明后才能选到"),
    },
    FieldSpec {
        field: BasicField::UnitAddress,
        id: "unit-address",
        label: "单位地址",
        kind: FieldKind::Text { max_chars: 100 },
        hint: None,
    },
    FieldSpec {
        field: BasicField::Department,
        id: "department",
        label: "工作部门",
        kind: FieldKind::Text { max_chars: 30 },
        hint: Some("如：研发部、生产部"),
    },
    FieldSpec {
        field: BasicField::Post,
        id: "post",
        label: "工作岗位",
        kind: FieldKind::Text { max_chars: 30 },
        hint: None,
    },
];

impl BasicInfo {
    pub fn get(&self, field: BasicField) -> &str {
        match field {
            BasicField::Name => &self.name,
            BasicField::Gender => &self.gender,
            BasicField::Ethnicity => &self.ethnicity,
            BasicField::BirthDate => &self.birth_date,
            BasicField::PoliticalStatus => &self.political_status,
            BasicField::WorkStartDate => &self.work_start_date,
            BasicField::UnitNature => &self.unit_nature,
            BasicField::UnitName => &self.unit_name,
            BasicField::UnitAddress => &self.unit_address,
            BasicField::Department => &self.department,
            BasicField::Post => &self.post,
        }
    }

    pub fn set(&mut self, field: BasicField, value: String) {
        let slot = match field {
            BasicField::Name => &mut self.name,
            BasicField::Gender => &mut self.gender,
            BasicField::Ethnicity => &mut self.ethnicity,
            BasicField::BirthDate => &mut self.birth_date,
            BasicField::PoliticalStatus => &mut self.political_status,
            BasicField::WorkStartDate => &mut self.work_start_date,
            BasicField::UnitNature => &mut self.unit_nature,
            BasicField::UnitName => &mut self.unit_name,
            BasicField::UnitAddress => &mut self.unit_address,
            BasicField::Department => &mut self.department,
            BasicField::Post => &mut self.post,
        };
        *slot = value;
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: BasicField,
    pub message: String,
}

/// The youngest age at which the Labour Law allows regular employment (劳动法第十五条).
const MINIMUM_WORKING_AGE: i32 = 16;

/// Problems with what is filled in; empty fields are not problems here (see [`missing_fields`]).
pub fn problems(info: &BasicInfo, today: CivilDate) -> Vec<FieldProblem> {
    let mut found = Vec::new();
    let mut problem = |field, message: String| found.push(FieldProblem { field, message });

    for spec in BASIC_FIELDS {
        let value = info.get(spec.field).trim();
        if value.is_empty() {
            continue;
        }
        match spec.kind {
            FieldKind::Text { max_chars } => {
                let chars = value.chars().count();
                if chars > max_chars {
                    problem(
                        spec.field,
                        format!("{}最多 {max_chars} 个字，现在 {chars} 个字", spec.label),
                    );
                }
            }
            FieldKind::Choice(options) => {
                if !options.contains(&value) {
                    problem(
                        spec.field,
                        format!("{}只能选：{}", spec.label, options.join("、")),
                    );
                }
            }
            FieldKind::Suggested(_) => {}
            FieldKind::Date => match CivilDate::parse(value) {
                Err(error) => problem(spec.field, format!("{}：{}", spec.label, error.message())),
                Ok(date) if date > today => problem(
                    spec.field,
                    format!("{}（{}）晚于今天，请检查", spec.label, date.chinese()),
                ),
                Ok(_) => {}
            },
        }
    }

    let birth = CivilDate::parse(&info.birth_date).ok();
    let start = CivilDate::parse(&info.work_start_date).ok();
    if let (Some(birth), Some(start)) = (birth, start) {
        if start <= birth {
            problem(
                BasicField::WorkStartDate,
                "参加工作时间早于出生日期，请检查两个日期".to_string(),
            );
        } else if birth.full_years_until(start) < MINIMUM_WORKING_AGE {
            problem(
                BasicField::WorkStartDate,
                format!(
                    "按此日期参加工作时未满 {MINIMUM_WORKING_AGE} 周岁，请核对首次缴纳社保的时间"
                ),
            );
        }
    }
    found
}

pub fn missing_fields(info: &BasicInfo) -> Vec<&'static FieldSpec> {
    BASIC_FIELDS
        .iter()
        .filter(|spec| info.get(spec.field).trim().is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> CivilDate {
        CivilDate::new(2026, 11, 26).unwrap()
    }

    fn complete() -> BasicInfo {
        BasicInfo {
            name: "张三".into(),
            gender: "男".into(),
            ethnicity: "汉族".into(),
            birth_date: "1990-05-01".into(),
            political_status: "群众".into(),
            work_start_date: "2012-07-01".into(),
            unit_nature: "民营企业/非公有制单位".into(),
            unit_name: "温州某机电有限公司".into(),
            unit_address: "温州市鹿城区".into(),
            department: "研发部".into(),
            post: "机械设计".into(),
        }
    }

    #[test]
    fn a_complete_honest_entry_has_no_problems() {
        assert!(problems(&complete(), today()).is_empty());
        assert!(missing_fields(&complete()).is_empty());
        assert_eq!(
            missing_fields(&BasicInfo::default()).len(),
            BASIC_FIELDS.len()
        );
    }

    #[test]
    fn each_kind_of_wrong_entry_is_named() {
        type Edit = fn(&mut BasicInfo);
        let cases: Vec<(Edit, BasicField, &str)> = vec![
            (
                |i| i.birth_date = "1990-02-30".into(),
                BasicField::BirthDate,
                "没有 30 日",
            ),
            (
                |i| i.birth_date = "1990年5月".into(),
                BasicField::BirthDate,
                "格式",
            ),
            (
                |i| i.work_start_date = "2027-01-01".into(),
                BasicField::WorkStartDate,
                "晚于今天",
            ),
            (
                |i| i.work_start_date = "1989-01-01".into(),
                BasicField::WorkStartDate,
                "早于出生日期",
            ),
            (
                |i| i.work_start_date = "2005-07-01".into(),
                BasicField::WorkStartDate,
                "未满 16 周岁",
            ),
            (|i| i.gender = "其他".into(), BasicField::Gender, "只能选"),
            (
                |i| i.name = "名".repeat(31),
                BasicField::Name,
                "最多 30 个字",
            ),
        ];
        for (edit, field, words) in cases {
            let mut info = complete();
            edit(&mut info);
            let found = problems(&info, today());
            assert_eq!(found.len(), 1, "{words}: {found:?}");
            assert_eq!(found[0].field, field);
            assert!(found[0].message.contains(words), "{}", found[0].message);
        }
    }

    #[test]
    fn sixteenth_birthday_is_old_enough() {
        let mut info = complete();
        info.work_start_date = "2006-05-01".into();
        assert!(problems(&info, today()).is_empty());
        info.work_start_date = "2006-04-30".into();
        assert_eq!(problems(&info, today()).len(), 1);
    }

    #[test]
    fn every_field_reads_back_what_was_set() {
        let mut info = BasicInfo::default();
        for spec in BASIC_FIELDS {
            info.set(spec.field, spec.id.to_string());
        }
        for spec in BASIC_FIELDS {
            assert_eq!(info.get(spec.field), spec.id);
        }
    }
}

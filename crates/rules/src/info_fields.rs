//! The registry of step 3's single fields (the lists — 学历, 工作经历, 资格, 技能等级证书 — have
//! their own entries): each field's id, its label on the form, the shorter label of its row in the
//! preview, whether it is optional and its hint, defined once. Step 3 draws its inputs from these
//! entries, the form checks name their problems by `id`, and the preview's answer rows take their
//! label and their 修改 link from the same entry.

/// One field of step 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The input's id in the page (the error summary and the preview's 修改 link go there).
    pub id: &'static str,
    /// The label on the form.
    pub label: &'static str,
    /// The preview row's label, where it is shorter than the form's.
    pub short: Option<&'static str>,
    pub optional: bool,
    pub hint: Option<&'static str>,
}

impl Field {
    /// The preview row's label, with 「（选填）」 for an optional field.
    pub fn row_label(&self) -> String {
        let label = self.short.unwrap_or(self.label);
        if self.optional {
            format!("{label}（选填）")
        } else {
            label.to_string()
        }
    }
}

pub const ID_NUMBER: Field = Field {
    id: "id-number",
    label: "身份证号",
    short: None,
    optional: true,
    hint: Some("18 位，最后一位可以是 X；本工具只在本机检查校验位"),
};

pub const PHONE: Field = Field {
    id: "phone",
    label: "手机号码",
    short: None,
    optional: true,
    hint: None,
};

pub const PLAN: Field = Field {
    id: "plan",
    label: "评审计划",
    short: None,
    optional: false,
    hint: Some("默认是今天可以申报的年度；请与平台上选择的计划一致"),
};

pub const LEVEL: Field = Field {
    id: "level",
    label: "申报级别",
    short: None,
    optional: false,
    hint: None,
};

pub const MODE: Field = Field {
    id: "mode",
    label: "申报方式",
    short: None,
    optional: false,
    hint: None,
};

pub const SPECIALTY: Field = Field {
    id: "specialty",
    label: "现从事专业",
    short: None,
    optional: false,
    hint: Some("一般 4 个字，最多 8 个字；可从常用名称中选，以平台选项为准"),
};

pub const ACCEPTANCE_POINT: Field = Field {
    id: "acceptance-point",
    label: "受理点",
    short: None,
    optional: false,
    hint: None,
};

pub const PROFESSIONAL_START: Field = Field {
    id: "professional-start",
    label: "从事专业技术工作起始时间",
    short: None,
    optional: false,
    hint: Some("参加工作时间以首次缴纳社保为准；这里填开始从事机电相关专业技术工作的时间"),
};

pub const INSURANCE_MONTHS: Field = Field {
    id: "insurance-months",
    label: "申报截止前在温州缴纳社保的月数",
    short: Some("在温州缴纳社保月数"),
    optional: false,
    hint: None,
};

pub const CURRENT_TITLE: Field = Field {
    id: "current-title",
    label: "现有机电专业职称",
    short: Some("现有职称"),
    optional: false,
    hint: None,
};

pub const CURRENT_TITLE_DATE: Field = Field {
    id: "current-title-date",
    label: "现有职称取得时间",
    short: None,
    optional: true,
    hint: Some("没有职称就空着"),
};

pub const OTHER_TITLE: Field = Field {
    id: "other-title",
    label: "已取得的其他专业职称（转评）",
    short: None,
    optional: false,
    hint: None,
};

pub const OTHER_TITLE_DATE: Field = Field {
    id: "other-title-date",
    label: "其他专业职称取得时间",
    short: None,
    optional: false,
    hint: None,
};

pub const OTHER_TITLE_SPECIALTY: Field = Field {
    id: "other-title-specialty",
    label: "其他专业职称的专业",
    short: None,
    optional: false,
    hint: None,
};

pub const QUALIFICATION_TYPE: Field = Field {
    id: "qualification-type",
    label: "资格类型",
    short: None,
    optional: false,
    hint: Some("按申报途径选择：经技术员/助理工程师职称申报选「专业技术职务任职资格」，经技能等级申报选「职业资格」，按学历申报选「无」（指南五.4.(3)）"),
};

pub const APPOINTMENT: Field = Field {
    id: "appointment",
    label: "专业技术职务聘任情况",
    short: None,
    optional: false,
    hint: Some("只有助理工程师申报工程师（聘期 4 年，破格 3 年）和工程师转评（1 年）需要聘书，其他人选「无」（指南五.4.(4)）"),
};

pub const APPOINTMENT_TITLE: Field = Field {
    id: "appointment-title",
    label: "聘任职务",
    short: None,
    optional: false,
    hint: None,
};

pub const APPOINTMENT_FROM: Field = Field {
    id: "appointment-from",
    label: "聘任开始时间",
    short: None,
    optional: false,
    hint: None,
};

pub const APPOINTMENT_TO: Field = Field {
    id: "appointment-to",
    label: "聘任结束时间",
    short: None,
    optional: true,
    hint: Some("仍在聘期就空着"),
};

pub const HAS_SKILL: Field = Field {
    id: "has-skill",
    label: "有没有职业技能等级证书",
    short: Some("职业技能等级"),
    optional: false,
    hint: Some("有几张就添加几张（包括以前的低等级证书）：技能人才途径从第一次取得所要求等级或更高等级的证书算起，计分取最高的一张相关证书"),
};

pub const FOREIGN_LANGUAGE: Field = Field {
    id: "foreign-language",
    label: "职称外语 / 大学英语",
    short: None,
    optional: false,
    hint: None,
};

pub const COMPUTER_MODULES: Field = Field {
    id: "computer-modules",
    label: "计算机应用能力考试合格模块数",
    short: Some("计算机合格模块数"),
    optional: true,
    hint: Some("4 个及以上模块 2 分，3 个模块 1 分"),
};

pub const TECH_POST: Field = Field {
    id: "tech-post",
    label: "技术职务",
    short: None,
    optional: false,
    hint: None,
};

pub const UNIT_SIZE: Field = Field {
    id: "unit-size",
    label: "单位规模",
    short: None,
    optional: false,
    hint: Some("大中型：年营业收入超过 2000 万元且员工超过 200 人；其余为小微"),
};

pub const INCOME: Field = Field {
    id: "income",
    label: "年工资薪金收入 12 万元及以上（需上传上一年度完税证明）",
    short: Some("年收入 12 万元及以上"),
    optional: false,
    hint: None,
};

pub const MOUNTAIN_YEARS: Field = Field {
    id: "mountain-years",
    label: "在 26 个山区县从事专业技术工作的整年数",
    short: Some("山区县工作"),
    optional: true,
    hint: Some("每满 1 年加 0.5 分，最多 3 分；需单位盖章证明"),
};

pub const MOUNTAIN_COUNTY: Field = Field {
    id: "mountain-county",
    label: "山区县",
    short: None,
    optional: true,
    hint: None,
};

pub const EXPERT_RECOMMENDATIONS: Field = Field {
    id: "expert-recommendations",
    label: "签字推荐的副高及以上专家人数",
    short: None,
    optional: false,
    hint: Some("破格申报须两名副高及以上职称专家签字推荐（第十条（四））"),
};

/// Every entry, in the order of the form.
pub const ALL: &[Field] = &[
    ID_NUMBER,
    PHONE,
    PLAN,
    LEVEL,
    MODE,
    SPECIALTY,
    ACCEPTANCE_POINT,
    PROFESSIONAL_START,
    INSURANCE_MONTHS,
    CURRENT_TITLE,
    CURRENT_TITLE_DATE,
    OTHER_TITLE,
    OTHER_TITLE_DATE,
    OTHER_TITLE_SPECIALTY,
    QUALIFICATION_TYPE,
    APPOINTMENT,
    APPOINTMENT_TITLE,
    APPOINTMENT_FROM,
    APPOINTMENT_TO,
    HAS_SKILL,
    FOREIGN_LANGUAGE,
    COMPUTER_MODULES,
    TECH_POST,
    UNIT_SIZE,
    INCOME,
    MOUNTAIN_YEARS,
    MOUNTAIN_COUNTY,
    EXPERT_RECOMMENDATIONS,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_labels_are_defined_once() {
        for (i, f) in ALL.iter().enumerate() {
            assert!(!f.id.is_empty() && !f.label.is_empty());
            for other in &ALL[i + 1..] {
                assert_ne!(f.id, other.id, "id {} twice", f.id);
                assert_ne!(f.label, other.label, "label {} twice", f.label);
            }
        }
        assert_eq!(PHONE.row_label(), "手机号码（选填）");
        assert_eq!(CURRENT_TITLE.row_label(), "现有职称");
        assert_eq!(MOUNTAIN_YEARS.row_label(), "山区县工作（选填）");
    }

    /// Every id the form checks and the preview use is an entry's (a field renamed in one place
    /// and not the other fails here).
    #[test]
    fn the_checks_and_the_preview_name_only_registered_fields() {
        for source in [include_str!("form_checks.rs"), include_str!("review.rs")] {
            for (at, _) in source.match_indices("info_fields::") {
                let name: String = source[at + 13..]
                    .chars()
                    .take_while(|c| c.is_ascii_uppercase() || *c == '_')
                    .collect();
                if name.is_empty() || name == "ALL" {
                    continue;
                }
                let id = name.to_lowercase().replace('_', "-");
                assert!(ALL.iter().any(|f| f.id == id), "{name} is not registered");
            }
        }
    }
}

//! The closed choices the applicant picks from (级别, 申报方式, 学历, 职称, 技能等级, 荣誉, 考核结果…):
//! each a unit enum with a Chinese label per variant, `ALL` for a select box, and a last variant
//! that is the default and absorbs stored values it does not recognise. Stored as the variant's
//! snake_case name through one shared, non-generic serde implementation.

use serde::{Deserialize, Serialize};

/// `CamelCase` → `camel_case`, as `#[serde(rename_all = "snake_case")]` spells variants.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Which of `names` (CamelCase variant names) `stored` (snake_case) is.
fn choice_index(stored: &str, names: &[&str]) -> Option<usize> {
    names.iter().position(|name| snake_case(name) == stored)
}

/// Declares a unit-only enum with a Chinese label per variant, `ALL` (the choices, in order, for a
/// select box) and a last variant that is the default and the fallback for unknown stored values.
macro_rules! choice_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $label:expr),* $(,)? } unset $unset:ident => $unset_label:expr) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($variant,)*
            #[default]
            $unset,
        }

        // Stored as the variant's snake_case name; anything unrecognised reads as the unset
        // value. Hand-written (not derived) so that the 14 choice enums share one non-generic
        // lookup instead of 14 serde visitors in the wasm bundle.
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                const NAMES: &[&str] = &[$(stringify!($variant),)* stringify!($unset)];
                s.serialize_str(&snake_case(NAMES[*self as usize]))
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                const NAMES: &[&str] = &[$(stringify!($variant)),*];
                let text = String::deserialize(d)?;
                Ok(choice_index(&text, NAMES).map_or($name::$unset, |i| $name::ALL[i]))
            }
        }

        impl $crate::json::FromJson for $name {
            fn from_json(value: &$crate::json_value::Value) -> Result<Self, String> {
                const NAMES: &[&str] = &[$(stringify!($variant)),*];
                let text = String::from_json(value)?;
                Ok(choice_index(&text, NAMES).map_or($name::$unset, |i| $name::ALL[i]))
            }
        }

        impl $crate::json::ToJson for $name {
            fn write_json(&self, out: &mut String) {
                const NAMES: &[&str] = &[$(stringify!($variant),)* stringify!($unset)];
                $crate::json::write_str(out, &snake_case(NAMES[*self as usize]));
            }
        }

        impl $name {
            /// The choices a form offers, without the unset value.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)*
                    $name::$unset => $unset_label,
                }
            }

            pub fn is_set(self) -> bool {
                self != $name::$unset
            }
        }
    };
}

choice_enum! {
    /// The title applied for.
    Level {
        Technician => "技术员",
        AssistantEngineer => "助理工程师",
        Engineer => "工程师",
    } unset Unset => "未选择"
}

choice_enum! {
    /// 职称申报方式 on the portal.
    ApplyMode {
        Normal => "正常申报",
        Transfer => "转（兼）评",
        Exceptional => "破格申报",
        SkilledTalent => "技能人才",
    } unset Unset => "未选择"
}

choice_enum! {
    /// 学历 as the applicant holds it; 技工院校 classes count as 中专/大专/本科 (第十八条).
    EducationLevel {
        JuniorHighOrBelow => "初中及以下",
        HighSchool => "高中",
        Secondary => "中专",
        TechSchoolIntermediate => "技工院校中级工班",
        JuniorCollege => "大专",
        TechSchoolAdvanced => "技工院校高级工班",
        Bachelor => "本科",
        TechSchoolPreTechnician => "技工院校预备技师（技师）班",
        Postgraduate => "研究生（硕士）",
        Doctor => "博士",
    } unset Unset => "未选择"
}

choice_enum! {
    /// A yes / no answer the applicant may not have given yet.
    YesNo {
        Yes => "是",
        No => "否",
    } unset Unknown => "未填写"
}

choice_enum! {
    /// Where a degree was awarded (decides the extra certification needed as evidence).
    DegreeOrigin {
        Mainland => "境内",
        Foreign => "国外",
        HkMacaoTaiwan => "港澳台",
    } unset Unknown => "未填写"
}

choice_enum! {
    /// A 专业技术职务任职资格 (title) level.
    TitleLevel {
        NoTitle => "无",
        Technician => "技术员",
        AssistantEngineer => "助理工程师",
        Engineer => "工程师",
        SeniorEngineer => "高级工程师及以上",
    } unset Unknown => "未填写"
}

choice_enum! {
    /// 职业技能等级.
    SkillLevel {
        NoSkill => "无",
        Intermediate => "中级工（四级）",
        Advanced => "高级工（三级）",
        Technician => "技师（二级）",
        SeniorTechnician => "高级技师（一级）",
    } unset Unknown => "未填写"
}

choice_enum! {
    /// The skill honours of 第九条（三） and 第十条（三）.
    SkillHonour {
        ZhejiangTechExpert => "浙江省技术能手",
        ProvincialClass1Top5 => "省级一类技能竞赛前五名",
        ProvincialClass2Top3 => "省级二类技能竞赛前三名",
        ProvincialExcellentSkilled => "省“百千万”高技能领军人才培养工程“优秀技能人才”",
        ProvincialMasterStudioLead => "省级技能大师工作室领办人",
        ProvincialChiefTechnician => "省首席技师",
        NationalTechExpert => "全国技术能手",
        WorldSkillsExcellence => "世界技能大赛优胜奖",
        NationalClass1Top5 => "国家级一类技能竞赛前五名",
        NationalClass2Top3 => "国家级二类技能竞赛前三名",
        ProvincialTopSkilled => "省“百千万”高技能领军人才培养工程“拔尖技能人才”",
    } unset Unknown => "未填写"
}

choice_enum! {
    /// 资格类型 on the portal (guide §五.4.(3)).
    QualificationType {
        TitleQualification => "专业技术职务任职资格",
        VocationalQualification => "职业资格",
        NoQualification => "无",
    } unset Unset => "未选择"
}

choice_enum! {
    /// 专业技术职务聘任情况 on the portal (guide §五.4.(4)).
    Appointment {
        Yes => "有",
        No => "无",
    } unset Unset => "未选择"
}

choice_enum! {
    ForeignLanguage {
        NoCertificate => "无",
        Cet4 => "大学英语四级（CET-4）",
        Cet6 => "大学英语六级（CET-6）",
        TitleExamPass => "职称外语国家线合格",
    } unset Unknown => "未填写"
}

choice_enum! {
    /// 技术职务 (score table 基本条件).
    TechPost {
        NoPost => "无",
        UnitTechLead => "单位技术负责人",
        DeptTechLead => "部门技术负责人",
    } unset Unknown => "未填写"
}

choice_enum! {
    /// 大中型 = 年营业收入超过 2000 万元且员工超过 200 人; otherwise 小微.
    UnitSize {
        LargeMedium => "大中型企业",
        SmallMicro => "小微企业",
    } unset Unknown => "未填写"
}

choice_enum! {
    /// 年度考核结果.
    EvaluationGrade {
        Excellent => "优秀",
        Good => "良好",
        Competent => "称职",
        Pass => "合格",
        BasicCompetent => "基本称职（基本合格）",
        Fail => "不合格（不称职）",
        NotEvaluated => "未考核",
    } unset Unknown => "未填写"
}

choice_enum! {
    /// What a work period was (第十四条: 机关 years count as professional years).
    WorkKind {
        Professional => "相关专业技术工作",
        Government => "机关工作",
        Other => "其他工作",
    } unset Unknown => "未填写"
}

impl EducationLevel {
    /// The 学历 tier the rules compare (第十八条 maps 技工院校 classes): 0 none, 1 高中,
    /// 2 中专, 3 大专, 4 本科, 5 研究生, 6 博士.
    pub fn tier(self) -> u8 {
        match self {
            EducationLevel::Unset | EducationLevel::JuniorHighOrBelow => 0,
            EducationLevel::HighSchool => 1,
            EducationLevel::Secondary | EducationLevel::TechSchoolIntermediate => 2,
            EducationLevel::JuniorCollege | EducationLevel::TechSchoolAdvanced => 3,
            EducationLevel::Bachelor | EducationLevel::TechSchoolPreTechnician => 4,
            EducationLevel::Postgraduate => 5,
            EducationLevel::Doctor => 6,
        }
    }

    pub fn is_tech_school(self) -> bool {
        matches!(
            self,
            EducationLevel::TechSchoolIntermediate
                | EducationLevel::TechSchoolAdvanced
                | EducationLevel::TechSchoolPreTechnician
        )
    }

    /// 「中专」「大专」… : the tier's name, used in messages (技工院校 classes by equivalence).
    pub fn tier_name(tier: u8) -> &'static str {
        match tier {
            0 => "无学历",
            1 => "高中",
            2 => "中专",
            3 => "大专",
            4 => "本科",
            5 => "研究生",
            _ => "博士",
        }
    }
}

impl SkillLevel {
    /// 0 none, 1 中级工, 2 高级工, 3 技师, 4 高级技师.
    pub fn rank(self) -> u8 {
        match self {
            SkillLevel::Intermediate => 1,
            SkillLevel::Advanced => 2,
            SkillLevel::Technician => 3,
            SkillLevel::SeniorTechnician => 4,
            _ => 0,
        }
    }
}

impl EvaluationGrade {
    /// 合格（称职）以上 (第五条).
    pub fn passes(self) -> bool {
        matches!(
            self,
            EvaluationGrade::Excellent
                | EvaluationGrade::Good
                | EvaluationGrade::Competent
                | EvaluationGrade::Pass
        )
    }
}

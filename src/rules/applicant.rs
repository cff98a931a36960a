//! The input the rules read: everything an applicant tells the app about themselves, as serde
//! structs that live inside the browser draft. Every field has a default (`#[serde(default)]`),
//! every enum ends with an `Unknown`/unset variant that also absorbs values it does not recognise,
//! and dates stay the text the applicant typed (parsed with `CivilDate::parse` when a rule needs
//! them; an unparsable date is missing information, never a panic).

use super::date::CivilDate;
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

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Education {
    pub level: EducationLevel,
    pub school: String,
    pub major: String,
    /// 所学专业与机电（机械）专业相同或相近 (第十三条、第十九条). `Unknown` → judged from the
    /// major's name when it names a 第十九条 category.
    pub related: YesNo,
    /// 最高学历同时具有学位证书 (+1 分).
    pub degree_certificate: bool,
    pub graduation_date: String,
    pub origin: DegreeOrigin,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkPeriod {
    pub unit: String,
    pub from: String,
    /// Empty = 至今.
    pub to: String,
    pub kind: WorkKind,
    /// 行政职务 (needs the 行政任命文件 as evidence); empty = none.
    pub administrative_post: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnnualEvaluation {
    pub year: i32,
    pub grade: EvaluationGrade,
}

/// One year of continuing education, hours by type.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContinuingEducationYear {
    pub year: i32,
    /// 一般公需科目
    pub general_public: f64,
    /// 行业公需科目
    pub industry_public: f64,
    /// 专业科目
    pub professional: f64,
    /// 组织单位名称 (as on the 温州继续教育网 statement).
    pub organiser: String,
    /// 学习情况: the guide says to enter 「合格」.
    pub passed: YesNo,
}

/// One entry of the 业绩档案 that the score table reads. `row` is the id of a score-table row
/// (see `scoring::table()`), e.g. `"patent.invention"`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Achievement {
    pub row: String,
    pub title: String,
    /// 本人排名 (1 = first); 0 = not given.
    pub rank: u32,
    /// 取得/授予/发表/授权日期.
    pub date: String,
    /// Entries with the same non-empty key are the same result (同一成果/同一项目/相同内容):
    /// only the highest counts.
    pub group_key: String,
    /// Picked for this application (step 4 选择相关业绩).
    pub selected: bool,
    /// 与机电（机械）专业相关 (第十七条); `Unknown` is taken as related.
    pub related: YesNo,
    /// 未公开发表 works need the unit's stamp.
    pub unit_stamped: bool,
    /// 科研项目: already 结题 (then the 结题验收证明 is needed too).
    pub finished: bool,
    /// 「其他能体现成果业绩或能力的内容」: what the applicant claims.
    pub claim: String,
    /// The journal, publisher, patent number, awarding body… as the portal asks per section.
    pub detail: String,
    /// 资质证书: the end date, unless `long_term` (「长期有效」).
    pub end_date: String,
    pub long_term: bool,
}

impl Default for Achievement {
    fn default() -> Self {
        Achievement {
            row: String::new(),
            title: String::new(),
            rank: 0,
            date: String::new(),
            group_key: String::new(),
            selected: true,
            related: YesNo::Unknown,
            unit_stamped: false,
            finished: false,
            claim: String::new(),
            detail: String::new(),
            end_date: String::new(),
            long_term: false,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Applicant {
    /// The plan year picked; 0 = the latest plan.
    pub plan_year: i32,
    pub level: Level,
    pub mode: ApplyMode,
    pub education: Vec<Education>,
    pub work: Vec<WorkPeriod>,
    /// 从事相关专业技术工作的起始日期 (学历取得前后的年限可以累计，第十三条).
    pub professional_start_date: String,
    /// Months of social insurance paid in Wenzhou before the application deadline.
    pub wenzhou_insurance_months: Option<u32>,
    /// Current 机电 title (任现职) and when it was obtained.
    pub current_title: TitleLevel,
    pub current_title_date: String,
    /// For 转（兼）评: the title held in another specialty, its date and specialty.
    pub other_title: TitleLevel,
    pub other_title_date: String,
    pub other_title_specialty: String,
    /// Holds any 职业技能等级证书 at all: `No` closes the skill routes, `Unknown` with no
    /// certificate entered leaves them to be filled in.
    pub has_skill_certificate: YesNo,
    /// Every 职业技能等级证书 held, in any order (the skill routes count from the first one at
    /// the required level or higher; the score takes the highest related one).
    pub skill_certificates: Vec<SkillCertificate>,
    /// The skill honours of 第九条（三）/第十条（三）, each with the date it was conferred.
    pub honours: Vec<HeldHonour>,
    /// Schema 1 kept one certificate and undated honours; read only, moved into the lists above
    /// by [`Applicant::migrate_v1_skills`] and never written again.
    #[serde(rename = "skill_level", skip_serializing)]
    pub legacy_skill_level: SkillLevel,
    #[serde(rename = "skill_date", skip_serializing)]
    pub legacy_skill_date: String,
    #[serde(rename = "skill_related", skip_serializing)]
    pub legacy_skill_related: YesNo,
    #[serde(rename = "skill_honours", skip_serializing)]
    pub legacy_skill_honours: Vec<SkillHonour>,
    /// The answers given on the portal (checked against the route).
    pub qualification_type: QualificationType,
    pub appointment: Appointment,
    pub foreign_language: ForeignLanguage,
    /// 全国专业技术人员计算机应用能力考试 modules passed.
    pub computer_modules: u32,
    pub tech_post: TechPost,
    pub unit_size: UnitSize,
    /// 年收入 12 万以上 (needs 完税证明).
    pub income_over_120k: bool,
    /// Full years of related professional work in one of the 26 山区县, and the county.
    pub mountain_years: u32,
    pub mountain_county: String,
    pub evaluations: Vec<AnnualEvaluation>,
    pub continuing_education: Vec<ContinuingEducationYear>,
    /// The one 学时卡 does not add up to the 统计表 (then two 学时卡 are needed).
    pub ce_card_short: bool,
    /// 破格: number of 副高+ experts who signed the recommendation.
    pub expert_recommendations: u32,
    pub achievements: Vec<Achievement>,
}

/// One 职业技能等级证书.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SkillCertificate {
    pub level: SkillLevel,
    /// 证书上的职业（工种）, as printed; for the applicant's own reference and the preview.
    pub trade: String,
    /// 证书上的工种与机电（机械）专业相关相近; `Unknown` is taken as related.
    pub related: YesNo,
    /// 发证日期.
    pub date: String,
}

/// A skill honour and when it was conferred.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HeldHonour {
    pub honour: SkillHonour,
    pub date: String,
}

impl Applicant {
    /// Moves schema 1's single certificate and undated honours into the lists, without loss: a
    /// level of 「无」 becomes `has_skill_certificate = No`; honours keep an empty date, which the
    /// form then asks for. Does nothing when nothing old is there.
    pub fn migrate_v1_skills(&mut self) {
        let typed_something =
            !self.legacy_skill_date.trim().is_empty() || self.legacy_skill_related.is_set();
        match self.legacy_skill_level {
            // A date or an answer typed before the level was chosen is kept, on an entry whose
            // level the form then asks for.
            SkillLevel::Unknown if typed_something => {
                self.skill_certificates.push(SkillCertificate {
                    level: SkillLevel::Unknown,
                    trade: String::new(),
                    related: self.legacy_skill_related,
                    date: std::mem::take(&mut self.legacy_skill_date),
                });
            }
            SkillLevel::Unknown => {}
            SkillLevel::NoSkill => {
                if self.skill_certificates.is_empty() {
                    self.has_skill_certificate = YesNo::No;
                }
            }
            level => {
                self.has_skill_certificate = YesNo::Yes;
                self.skill_certificates.push(SkillCertificate {
                    level,
                    trade: String::new(),
                    related: self.legacy_skill_related,
                    date: std::mem::take(&mut self.legacy_skill_date),
                });
            }
        }
        for honour in std::mem::take(&mut self.legacy_skill_honours) {
            if honour.is_set() && !self.honours.iter().any(|h| h.honour == honour) {
                self.honours.push(HeldHonour {
                    honour,
                    date: String::new(),
                });
            }
        }
        self.legacy_skill_level = SkillLevel::Unknown;
        self.legacy_skill_date.clear();
        self.legacy_skill_related = YesNo::Unknown;
    }

    /// Whether the applicant told the app they hold any skill certificate (entries count as yes).
    pub fn skill_answer(&self) -> YesNo {
        if self.skill_certificates.iter().any(|c| c.level.rank() > 0) {
            YesNo::Yes
        } else {
            self.has_skill_certificate
        }
    }
}

/// A typed date, or why it cannot be used (empty / malformed), for messages.
pub fn parse_date(text: &str) -> Option<CivilDate> {
    CivilDate::parse(text).ok()
}

/// The 第十九条 category a major's name falls in, judged by its words (「机械设计制造及其自动化」
/// → 机械类). `None` when no category word appears.
pub fn related_category(major: &str) -> Option<&'static str> {
    const CATEGORIES: &[(&str, &[&str])] = &[
        ("机电类", &["机电"]),
        ("机械类", &["机械", "机床", "模具", "数控", "车辆", "焊接"]),
        ("电子类", &["电子", "微电子", "通信", "光电", "信息工程"]),
        ("电气类", &["电气", "电力", "电机", "电器", "电工"]),
        ("自动化类", &["自动化", "自动控制", "机器人", "测控"]),
        ("工业设计类", &["工业设计", "产品设计"]),
        (
            "金属材料类",
            &["金属", "材料成型", "冶金", "热加工", "铸造"],
        ),
        (
            "计算机类",
            &[
                "计算机",
                "软件",
                "网络工程",
                "物联网",
                "人工智能",
                "数据科学",
            ],
        ),
    ];
    if major.contains("电子商务") {
        return None;
    }
    CATEGORIES
        .iter()
        .find(|(_, words)| words.iter().any(|w| major.contains(w)))
        .map(|(name, _)| *name)
}

/// Whether an education entry is 本专业或相近专业, and how that was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relatedness {
    Related,
    /// Not stated, but the major's name falls in this 第十九条 category.
    InferredRelated(&'static str),
    Unrelated,
    Unknown,
}

impl Relatedness {
    pub fn is_related(self) -> bool {
        matches!(self, Relatedness::Related | Relatedness::InferredRelated(_))
    }
}

impl Education {
    pub fn relatedness(&self) -> Relatedness {
        match self.related {
            YesNo::Yes => Relatedness::Related,
            YesNo::No => Relatedness::Unrelated,
            YesNo::Unknown => match related_category(&self.major) {
                Some(category) => Relatedness::InferredRelated(category),
                None => Relatedness::Unknown,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_object_and_unknown_values_load_with_defaults() {
        let a: Applicant = serde_json::from_str("{}").unwrap();
        assert_eq!(a, Applicant::default());
        let a: Applicant = serde_json::from_str(
            r#"{"level":"engineer","mode":"from_the_future","education":[{"level":"bachelor","related":"maybe"}],
                "achievements":[{"row":"patent.invention","rank":2}]}"#,
        )
        .unwrap();
        assert_eq!(a.level, Level::Engineer);
        assert_eq!(a.mode, ApplyMode::Unset);
        assert_eq!(a.education[0].level, EducationLevel::Bachelor);
        assert_eq!(a.education[0].related, YesNo::Unknown);
        assert!(
            a.achievements[0].selected,
            "a new entry is selected by default"
        );
    }

    #[test]
    fn round_trips_through_json() {
        let a = Applicant {
            level: Level::AssistantEngineer,
            honours: vec![HeldHonour {
                honour: SkillHonour::ZhejiangTechExpert,
                date: "2021-05-01".into(),
            }],
            skill_certificates: vec![SkillCertificate {
                level: SkillLevel::Advanced,
                trade: "钳工".into(),
                related: YesNo::Yes,
                date: "2015-06-30".into(),
            }],
            continuing_education: vec![ContinuingEducationYear {
                year: 2021,
                general_public: 18.0,
                industry_public: 0.0,
                professional: 60.5,
                ..ContinuingEducationYear::default()
            }],
            ..Applicant::default()
        };
        let text = serde_json::to_string(&a).unwrap();
        assert!(text.contains("\"assistant_engineer\""));
        assert_eq!(serde_json::from_str::<Applicant>(&text).unwrap(), a);
    }

    #[test]
    fn tech_school_classes_count_as_secondary_college_bachelor() {
        assert_eq!(
            EducationLevel::TechSchoolIntermediate.tier(),
            EducationLevel::Secondary.tier()
        );
        assert_eq!(
            EducationLevel::TechSchoolAdvanced.tier(),
            EducationLevel::JuniorCollege.tier()
        );
        assert_eq!(
            EducationLevel::TechSchoolPreTechnician.tier(),
            EducationLevel::Bachelor.tier()
        );
    }

    #[test]
    fn majors_map_to_article_19_categories() {
        let cases = [
            ("机械设计制造及其自动化", Some("机械类")),
            ("机电一体化技术", Some("机电类")),
            ("电气工程及其自动化", Some("电气类")),
            ("计算机科学与技术", Some("计算机类")),
            ("工业设计", Some("工业设计类")),
            ("金属材料工程", Some("金属材料类")),
            ("会计学", None),
            ("电子商务", None),
            ("", None),
        ];
        for (major, expected) in cases {
            assert_eq!(related_category(major), expected, "{major}");
        }
        let e = Education {
            major: "会计".into(),
            related: YesNo::Unknown,
            ..Education::default()
        };
        assert_eq!(e.relatedness(), Relatedness::Unknown);
    }
}

//! The input the rules read: everything an applicant tells the app about themselves, as serde
//! structs that live inside the browser draft. Every field has a default (`#[serde(default)]`),
//! every enum ends with an `Unknown`/unset variant that also absorbs values it does not recognise,
//! and dates stay the text the applicant typed (parsed with `CivilDate::parse` when a rule needs
//! them; an unparsable date is missing information, never a panic).

use super::date::CivilDate;
#[cfg(test)]
use serde::{Deserialize, Serialize};

pub use super::choices::*;
use super::json::json_struct;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
#[cfg_attr(test, serde(default))]
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

#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
#[cfg_attr(test, serde(default))]
pub struct WorkPeriod {
    pub unit: String,
    pub from: String,
    /// Empty = 至今.
    pub to: String,
    pub kind: WorkKind,
    /// 行政职务 (needs the 行政任命文件 as evidence); empty = none.
    pub administrative_post: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
#[cfg_attr(test, serde(default))]
pub struct AnnualEvaluation {
    pub year: i32,
    pub grade: EvaluationGrade,
}

/// One year of continuing education, hours by type.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
#[cfg_attr(test, serde(default))]
pub struct ContinuingEducationYear {
    pub year: i32,
    /// 一般公需科目
    pub general_public: f64,
    /// 行业公需科目
    pub industry_public: f64,
    /// 专业科目
    pub professional: f64,
    /// Each 课程类型 row's 起止时间 and 培训项目, as the portal asks them (一般公需, 行业公需,
    /// 专业科目 in that order). No rule reads them: they are asked so the rehearsal is the portal's.
    pub general_period: String,
    pub general_project: String,
    pub industry_period: String,
    pub industry_project: String,
    pub professional_period: String,
    pub professional_project: String,
    /// 组织单位名称 (as on the 温州继续教育网 statement).
    pub organiser: String,
    /// 学习情况: the guide says to enter 「合格」.
    pub passed: YesNo,
}

/// One entry of the 业绩档案 that the score table reads. `row` is the id of a score-table row
/// (see `scoring::table()`), e.g. `"patent.invention"`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
#[cfg_attr(test, serde(default))]
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

#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
#[cfg_attr(test, serde(default))]
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
    #[cfg_attr(test, serde(rename = "skill_level", skip_serializing))]
    pub legacy_skill_level: SkillLevel,
    #[cfg_attr(test, serde(rename = "skill_date", skip_serializing))]
    pub legacy_skill_date: String,
    #[cfg_attr(test, serde(rename = "skill_related", skip_serializing))]
    pub legacy_skill_related: YesNo,
    #[cfg_attr(test, serde(rename = "skill_honours", skip_serializing))]
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
#[cfg_attr(test, serde(default))]
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
#[cfg_attr(test, serde(default))]
pub struct HeldHonour {
    pub honour: SkillHonour,
    pub date: String,
}

impl Applicant {
    /// Whether the applicant has given any fact the routes are judged on: anything beyond the
    /// round, the level and the mode. Until then every route only says 信息不全, so step 3 keeps
    /// the route list folded.
    pub fn has_facts(&self) -> bool {
        let without_choices = Applicant {
            plan_year: 0,
            level: Level::Unset,
            mode: ApplyMode::Unset,
            ..self.clone()
        };
        without_choices != Applicant::default()
    }

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

json_struct!(Education {
    level,
    school,
    major,
    related,
    degree_certificate,
    graduation_date,
    origin
});
json_struct!(WorkPeriod {
    unit,
    from,
    to,
    kind,
    administrative_post
});
json_struct!(AnnualEvaluation { year, grade });
json_struct!(ContinuingEducationYear {
    year,
    general_public,
    industry_public,
    professional,
    general_period,
    general_project,
    industry_period,
    industry_project,
    professional_period,
    professional_project,
    organiser,
    passed
});
json_struct!(Achievement {
    row,
    title,
    rank,
    date,
    group_key,
    selected,
    related,
    unit_stamped,
    finished,
    claim,
    detail,
    end_date,
    long_term,
});
json_struct!(Applicant {
    plan_year, level, mode, education, work, professional_start_date, wenzhou_insurance_months,
    current_title, current_title_date, other_title, other_title_date, other_title_specialty,
    has_skill_certificate, skill_certificates, honours, qualification_type, appointment,
    foreign_language, computer_modules, tech_post, unit_size, income_over_120k, mountain_years,
    mountain_county, evaluations, continuing_education, ce_card_short, expert_recommendations,
    achievements,
} read {
    legacy_skill_level: "skill_level",
    legacy_skill_date: "skill_date",
    legacy_skill_related: "skill_related",
    legacy_skill_honours: "skill_honours",
});
json_struct!(SkillCertificate {
    level,
    trade,
    related,
    date
});
json_struct!(HeldHonour { honour, date });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_anything_beyond_round_level_and_mode() {
        let mut a = Applicant {
            plan_year: 2026,
            level: Level::AssistantEngineer,
            mode: ApplyMode::Normal,
            ..Applicant::default()
        };
        assert!(!a.has_facts());
        a.wenzhou_insurance_months = Some(0);
        assert!(a.has_facts());
        let mut b = Applicant::default();
        b.education.push(Education::default());
        assert!(b.has_facts(), "an added entry is a start");
        let c = Applicant {
            current_title: TitleLevel::NoTitle,
            ..Applicant::default()
        };
        assert!(c.has_facts());
    }

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

//! One application plan (申报计划): dates, cut-offs, evaluation years, 受理点, 山区县 and common
//! 现从事专业 names, and how a plan year is derived when its notice is not yet published. The
//! plans themselves are data: the rules file (`rules_file/`, `wenzhou-jidian.json`).
//!
//! A year the data does not have is built by [`Plan::derive_from`] from the latest published plan
//! with the same pattern and marked `derived`, so the UI can say so wherever its dates or lists
//! are used.

use super::date::CivilDate;
use serde::Serialize;

/// One 受理点 (where the portal sends the application) with its phone numbers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AcceptancePoint {
    pub name: String,
    pub organizer: String,
    pub phones: Vec<String>,
}

/// One of Zhejiang's 山区县: its city, its short name (「永嘉」) and its own suffix (「县」; 「市」
/// for 江山, 「畲族自治县」 for 景宁).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MountainCounty {
    pub city: String,
    pub county: String,
    pub suffix: String,
}

impl MountainCounty {
    /// 「永嘉县」, 「江山市」.
    pub fn full_name(&self) -> String {
        format!("{}{}", self.county, self.suffix)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub year: i32,
    /// 计划编号, e.g. 「2022-00533」; empty for a derived plan (the portal assigns it).
    pub code: String,
    pub name: String,
    pub committee: String,
    /// The year's notice (e.g. 温职改办〔2022〕14号); empty when derived.
    pub notice: String,
    /// The evaluation conditions and score table in force (温职改办〔2020〕5号).
    pub conditions: String,
    #[serde(with = "iso_date")]
    pub application_start: CivilDate,
    #[serde(with = "iso_date")]
    pub application_end: CivilDate,
    #[serde(with = "iso_date")]
    pub unit_deadline: CivilDate,
    /// 资历 (years of service, years in title) are counted up to this day.
    #[serde(with = "iso_date")]
    pub seniority_cutoff: CivilDate,
    /// Achievements and other evidence count only up to this day.
    #[serde(with = "iso_date")]
    pub achievements_cutoff: CivilDate,
    /// The three years whose 年度考核 must be 合格/称职 or better (第五条), newest first.
    pub evaluation_years: Vec<i32>,
    /// The years whose continuing education is checked (第六条 and the guide's 「每个申报人员都应
    /// 参加当年的继续教育」), newest first.
    pub continuing_education_years: Vec<i32>,
    /// True when the plan was built by [`Plan::derive_from`] rather than read from a notice.
    #[serde(skip)]
    pub derived: bool,
    /// The published year whose lists (受理点, 山区县, 专业) a derived plan copies; its own year
    /// when published.
    #[serde(skip)]
    pub lists_from: i32,
    pub acceptance_points: Vec<AcceptancePoint>,
    pub mountain_counties: Vec<MountainCounty>,
    /// 「山区五县」 of Wenzhou (same-condition preference in review).
    pub wenzhou_mountain_counties: Vec<String>,
    pub common_specialties: Vec<String>,
}

/// The plan of `year` among `plans` (oldest first): published when there, otherwise derived.
pub fn plan_in(plans: &[Plan], year: i32) -> Plan {
    plans
        .iter()
        .find(|plan| plan.year == year)
        .cloned()
        .unwrap_or_else(|| Plan::derive_from(plans, year))
}

impl Plan {
    /// A year built on the pattern of the latest published plan in `plans` (oldest first): its
    /// dates moved to the year, evaluations of the three preceding years, continuing education
    /// of the year and those three years. Lists (受理点, 山区县, 专业) are copied and may be out
    /// of date: `derived` and `lists_from` are set so the UI can say so.
    pub fn derive_from(plans: &[Plan], year: i32) -> Plan {
        // Dates are four-digit years; anything else is not a plan year.
        let year = year.clamp(1001, 9998);
        let base = plans
            .last()
            .cloned()
            .unwrap_or_else(|| Plan::skeleton(year));
        let shift = |date: CivilDate| CivilDate {
            year: date.year + (year - base.year),
            ..date
        };
        let date = |d: CivilDate| CivilDate::new(shift(d).year, d.month, d.day).unwrap_or(shift(d));
        Plan {
            year,
            code: String::new(),
            name: format!(
                "{year}年度温州市企业人员机电专业中、初级专业技术职务任职资格评审申报计划"
            ),
            notice: String::new(),
            application_start: date(base.application_start),
            application_end: date(base.application_end),
            unit_deadline: date(base.unit_deadline),
            seniority_cutoff: date(base.seniority_cutoff),
            achievements_cutoff: date(base.achievements_cutoff),
            evaluation_years: vec![year - 1, year - 2, year - 3],
            continuing_education_years: vec![year, year - 1, year - 2, year - 3],
            derived: true,
            lists_from: base.lists_from,
            ..base
        }
    }

    /// The 2022 pattern without lists; only used if the embedded data were unreadable.
    fn skeleton(year: i32) -> Plan {
        let day = |month, day| CivilDate { year, month, day };
        Plan {
            year,
            code: String::new(),
            name: String::new(),
            committee: "温州市企业人员机电专业工程师职务任职资格评审委员会".into(),
            notice: String::new(),
            conditions: "温职改办〔2020〕5号".into(),
            application_start: day(8, 1),
            application_end: day(10, 20),
            unit_deadline: day(11, 2),
            seniority_cutoff: day(12, 31),
            achievements_cutoff: day(7, 31),
            evaluation_years: vec![year - 1, year - 2, year - 3],
            continuing_education_years: vec![year, year - 1, year - 2, year - 3],
            derived: true,
            lists_from: year,
            acceptance_points: Vec::new(),
            mountain_counties: Vec::new(),
            wenzhou_mountain_counties: Vec::new(),
            common_specialties: Vec::new(),
        }
    }

    /// 「2022 年度（编号 2022-00533）」 or 「2027 年度（按往年规律推算，以正式通知为准）」.
    pub fn label(&self) -> String {
        if self.derived {
            format!("{} 年度（按往年规律推算，以正式通知为准）", self.year)
        } else {
            format!("{} 年度（编号 {}）", self.year, self.code)
        }
    }

    /// Said wherever a derived plan's dates or lists are used: 「2027 年度按往年规律推算，正式通知
    /// 发布后以通知为准；受理点、山区县名单沿用 2022 年度」. `None` for a published plan.
    pub fn derived_note(&self) -> Option<String> {
        self.derived.then(|| {
            format!(
                "{} 年度按往年规律推算，正式通知发布后以通知为准；受理点、山区县名单沿用 {} 年度",
                self.year, self.lists_from
            )
        })
    }

    /// The round a draft is checked against, said once: 「按 2027 年度核对。」 and, for a derived
    /// round, why its dates are provisional; 「按2026 年度（编号 …）核对。」 for a published one.
    pub fn checked_against(&self) -> String {
        match self.derived_note() {
            Some(note) => format!("按 {} 年度核对。{note}。", self.year),
            None => format!("按{}核对。", self.label()),
        }
    }

    /// The 山区县 an applicant typed, if it is one of this plan's list: only the county's own name,
    /// with or without its own suffix, and with or without its province and city before it
    /// (「文成」「文成县」「温州市文成县」「浙江省文成县」 are one county; 「三门峡市」 is not 三门,
    /// 「龙泉驿区」 not 龙泉, 「江山县」 not 江山市).
    pub fn mountain_county(&self, typed: &str) -> Option<&MountainCounty> {
        let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
        let rest = ["浙江省", "浙江"]
            .iter()
            .find_map(|p| typed.strip_prefix(p))
            .unwrap_or(&typed);
        self.mountain_counties.iter().find(|c| {
            let city_short = c.city.trim_end_matches('市');
            let name = [c.city.as_str(), city_short]
                .iter()
                .filter(|p| !p.is_empty())
                .find_map(|p| rest.strip_prefix(p))
                .unwrap_or(rest);
            !name.is_empty() && (name == c.county || name == c.full_name())
        })
    }
}

/// `CivilDate` as `"YYYY-MM-DD"`, as in the rules file.
mod iso_date {
    use super::CivilDate;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(date: &CivilDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&date.iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules_file::{latest_plan, plan_by_choice, plan_for_year, plans};

    fn d(text: &str) -> CivilDate {
        CivilDate::parse(text).unwrap()
    }

    #[test]
    fn the_data_parses_and_holds_the_2022_plan() {
        assert_eq!(plans().len(), 1);
        let plan = latest_plan();
        assert_eq!(plan.year, 2022);
        assert_eq!(plan.code, "2022-00533");
        assert!(!plan.derived);
        assert_eq!(plan.application_start, d("2022-08-01"));
        assert_eq!(plan.application_end, d("2022-10-20"));
        assert_eq!(plan.unit_deadline, d("2022-11-02"));
        assert_eq!(plan.seniority_cutoff, d("2022-12-31"));
        assert_eq!(plan.achievements_cutoff, d("2022-07-31"));
        assert_eq!(plan.evaluation_years, vec![2021, 2020, 2019]);
        assert_eq!(plan.acceptance_points.len(), 15);
        assert_eq!(plan.mountain_counties.len(), 26);
        assert_eq!(plan.common_specialties.len(), 20);
        assert_eq!(
            plan.acceptance_points[5].phones,
            ["0577-57672595", "0577-57756565"]
        );
        assert_eq!(plan.acceptance_points[14].name, "龙港市社会事业局");
    }

    #[test]
    fn every_plan_is_consistent() {
        for plan in plans() {
            assert!(
                plan.application_start < plan.application_end,
                "{}",
                plan.year
            );
            assert!(plan.application_end < plan.unit_deadline);
            assert!(plan.achievements_cutoff <= plan.seniority_cutoff);
            assert_eq!(plan.seniority_cutoff.year, plan.year);
            assert_eq!(
                plan.evaluation_years,
                vec![plan.year - 1, plan.year - 2, plan.year - 3]
            );
            for year in &plan.evaluation_years {
                assert!(plan.continuing_education_years.contains(year));
            }
            let mut counties: Vec<_> = plan.mountain_counties.iter().map(|c| &c.county).collect();
            counties.sort();
            counties.dedup();
            assert_eq!(
                counties.len(),
                plan.mountain_counties.len(),
                "duplicate county"
            );
            for county in &plan.wenzhou_mountain_counties {
                assert!(plan.mountain_county(county).is_some(), "{county}");
            }
            for point in &plan.acceptance_points {
                assert!(!point.phones.is_empty(), "{}", point.name);
                for phone in &point.phones {
                    assert!(phone.starts_with("0577-") && phone.len() == 13, "{phone}");
                }
            }
            for name in &plan.common_specialties {
                // The guide's list holds one 9-character name (机械设计及其自动化) although it
                // says "最多不超过 8 个字"; the list is kept as printed.
                assert!((1..=9).contains(&name.chars().count()), "{name}");
            }
        }
    }

    #[test]
    fn later_years_follow_the_pattern_and_are_marked_derived() {
        let plan = Plan::derive_from(plans(), 2023);
        assert!(plan.derived);
        assert_eq!(plan.lists_from, 2022);
        assert_eq!(
            plan.derived_note().as_deref(),
            Some("2023 年度按往年规律推算，正式通知发布后以通知为准；受理点、山区县名单沿用 2022 年度")
        );
        assert_eq!(latest_plan().derived_note(), None);
        assert_eq!(
            plan.checked_against(),
            "按 2023 年度核对。2023 年度按往年规律推算，正式通知发布后以通知为准；受理点、山区县名单沿用 2022 年度。"
        );
        assert_eq!(
            latest_plan().checked_against(),
            format!("按2022 年度（编号 {}）核对。", latest_plan().code)
        );
        assert_eq!(plan.code, "");
        assert_eq!(plan.application_start, d("2023-08-01"));
        assert_eq!(plan.application_end, d("2023-10-20"));
        assert_eq!(plan.unit_deadline, d("2023-11-02"));
        assert_eq!(plan.seniority_cutoff, d("2023-12-31"));
        assert_eq!(plan.achievements_cutoff, d("2023-07-31"));
        assert_eq!(plan.evaluation_years, vec![2022, 2021, 2020]);
        assert_eq!(
            plan.continuing_education_years,
            vec![2023, 2022, 2021, 2020]
        );
        assert_eq!(plan.mountain_counties.len(), 26);
        assert!(plan.label().contains("以正式通知为准"));
        assert_eq!(plan_for_year(2022), *latest_plan());
        assert_eq!(plan_by_choice(0), *latest_plan());
        assert!(plan_by_choice(2024).derived);
    }

    #[test]
    fn mountain_counties_match_how_people_type_them() {
        let plan = latest_plan();
        for typed in [
            "永嘉",
            "永嘉县",
            "温州市永嘉县",
            "景宁畲族自治县",
            "丽水市莲都区",
            "江山市",
        ] {
            assert!(plan.mountain_county(typed).is_some(), "{typed}");
        }
        for typed in ["", "鹿城区", "瑞安市", "乐清", "温州市"] {
            assert!(plan.mountain_county(typed).is_none(), "{typed}");
        }
        // One county however it is written, with its own province, city and suffix or without.
        for typed in [
            "文成",
            "文成县",
            "温州文成县",
            "温州市文成县",
            "浙江省文成县",
            "浙江省温州市文成县",
            "浙江文成",
            " 温州市 文成县 ",
        ] {
            assert_eq!(
                plan.mountain_county(typed).map(|c| c.county.as_str()),
                Some("文成"),
                "{typed}"
            );
        }
        // Only the county's own name: not a place that merely starts with it, nor another suffix.
        for typed in [
            "三门峡市",
            "龙泉驿区",
            "文成路",
            "江山县",
            "景宁县",
            "文成县城",
            "杭州市文成县",
            "浙江省",
        ] {
            assert!(plan.mountain_county(typed).is_none(), "{typed}");
        }
    }
}

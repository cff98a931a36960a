//! The rules file (`rules/wenzhou-jidian.json` in the deployed folder): every number and list a
//! notice or a new conditions document changes — plan years (dates, cut-offs, 受理点, 山区县,
//! common specialties) and the conditions (route years and texts, continuing-education hours,
//! social-insurance months, the score table). The logic stays in Rust; this module reads the
//! data, checks it field by field with Chinese messages that name the place, and holds the one
//! rule set in use.
//!
//! The built-in copy (`wenzhou-jidian.json` beside this file) is embedded in the program and
//! copied into `dist/rules/` by the release build, so a fresh deployment holds an editable copy
//! that is exactly what the program would use without it. The schema is in docs/publishing.md.
//!
//! The shell reads the deployed file once at start and calls [`install`] before anything is
//! assessed; nothing changes the rules in use afterwards. Without a call (native tests) the
//! built-in rules are in use.

use super::date::CivilDate;
use super::score_table::{
    BasicTable, Caps, Category, CePoints, ComputerPoints, EducationPoints, EvaluationPoints,
    ForeignPoints, Grouping, Row, ScoreTable, Segment, SeniorityPoints, SkillPoints,
    TechPostPoints,
};
use super::verdict::num;
use crate::json_value::{Map, Value};
use crate::plan::{AcceptancePoint, MountainCounty, Plan};
use serde::Serialize;
use std::sync::OnceLock;

/// Where the deployed file lives, relative to the app's `index.html`.
pub const FILE_PATH: &str = "rules/wenzhou-jidian.json";
/// The one schema version this program reads.
pub const SCHEMA: u64 = 1;
/// The built-in rules, as text: the same file `make release` copies into `dist/rules/`, without
/// its whitespace (build.rs).
pub const BUILT_IN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/wenzhou-jidian.min.json"));

/// The routes of 第八条–第十条 the program evaluates; the file gives each its text and years.
pub const ROUTE_IDS: [&str; 16] = [
    "8.1.a", "8.1.b", "8.2", "9.1.a", "9.1.b", "9.1.c", "9.1.d", "9.2", "9.3", "9.4", "10.1.a",
    "10.1.b", "10.2", "10.3", "10.4", "10.5",
];
/// Routes without a years condition (the honours routes).
pub(super) const ROUTES_WITHOUT_YEARS: [&str; 2] = ["9.3", "10.3"];
/// The score-table categories the program's logic and screens refer to; a file may add others.
pub(super) const KNOWN_CATEGORIES: [&str; 15] = [
    "award",
    "research",
    "paper",
    "patent",
    "standard",
    "product",
    "honour",
    "skill_title",
    "competition",
    "other",
    "part_time",
    "engineering",
    "promotion",
    "certificate",
    "reward",
];

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleSet {
    pub schema: u64,
    /// Free text for whoever opens the file (JSON has no comments).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub about: String,
    /// Oldest first.
    pub plans: Vec<Plan>,
    pub conditions: Conditions,
}

/// What the evaluation conditions (温职改办〔2020〕5号 today) fix.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conditions {
    pub document: String,
    pub continuing_education: CeHours,
    /// 在温社保 months required before the application deadline (「以上」 includes the number).
    pub social_insurance_months: u32,
    pub routes: Vec<RouteText>,
    pub score_table: ScoreTable,
}

/// 第六条: of each year's hours (the total is the score table's `continuing_education.standard`),
/// 专业科目 and 公需 (一般 + 行业) at least.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CeHours {
    pub professional: f64,
    pub public: f64,
}

/// A route's article, its text, and the years it requires (`None` for the honours routes; for
/// 破格 10.4 the years it may be early).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RouteText {
    pub id: String,
    pub cite: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
}

impl Conditions {
    pub fn route(&self, id: &str) -> Option<&RouteText> {
        self.routes.iter().find(|r| r.id == id)
    }

    /// The years route `id` requires (0 when the file does not say, which cannot pass a check).
    pub fn route_years(&self, id: &str) -> u32 {
        self.route(id).and_then(|r| r.years).unwrap_or(0)
    }
}

/// One thing wrong with a rules file: where (`plans[1].seniority_cutoff`) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub place: String,
    pub message: String,
}

impl Problem {
    /// 「plans[1].seniority_cutoff：「2026-13-01」不是日期……」
    pub fn text(&self) -> String {
        if self.place.is_empty() {
            self.message.clone()
        } else {
            format!("{}：{}", self.place, self.message)
        }
    }
}

/// Which rules are in use and why.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The deployed file, read and checked.
    File,
    /// The built-in rules, because the file could not be used (the reason, in Chinese).
    BuiltIn {
        why: Option<String>,
        problems: Vec<Problem>,
    },
}

#[derive(Clone, Debug)]
pub struct InUse {
    pub rules: RuleSet,
    pub source: Source,
    /// The round an applicant opening the app today would apply in (from today's date).
    pub default_year: i32,
}

/// Reads and checks a rules file. Every problem found is returned, each naming its place.
pub fn parse(text: &str) -> Result<RuleSet, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![problem("", "文件是空的")]);
    }
    let value: Value = match crate::json_value::parse(text) {
        Ok(value) => value,
        Err(error) => return Err(vec![syntax_problem(&error)]),
    };
    let mut r = Reader::default();
    let rules = read_rules(&mut r, &value);
    if r.problems.is_empty() {
        Ok(rules)
    } else {
        Err(r.problems)
    }
}

mod in_use;
mod read_conditions;
mod read_plans;
mod read_score_table;
mod reader;

pub use in_use::*;
use read_conditions::*;
use read_plans::*;
use read_score_table::*;
use reader::*;

#[cfg(test)]
mod reading_tests;

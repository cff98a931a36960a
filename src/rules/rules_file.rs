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
use super::plan::{AcceptancePoint, MountainCounty, Plan};
use super::score_table::{
    BasicTable, Caps, Category, CePoints, ComputerPoints, EducationPoints, EvaluationPoints,
    ForeignPoints, Grouping, Row, ScoreTable, Segment, SeniorityPoints, SkillPoints,
    TechPostPoints,
};
use super::verdict::num;
use serde::Serialize;
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// Where the deployed file lives, relative to the app's `index.html`.
pub const FILE_PATH: &str = "rules/wenzhou-jidian.json";
/// The one schema version this program reads.
pub const SCHEMA: u64 = 1;
/// The built-in rules, as text: the same file `make release` copies into `dist/rules/`.
pub const BUILT_IN_JSON: &str = include_str!("wenzhou-jidian.json");

/// The routes of 第八条–第十条 the program evaluates; the file gives each its text and years.
pub const ROUTE_IDS: [&str; 16] = [
    "8.1.a", "8.1.b", "8.2", "9.1.a", "9.1.b", "9.1.c", "9.1.d", "9.2", "9.3", "9.4", "10.1.a",
    "10.1.b", "10.2", "10.3", "10.4", "10.5",
];
/// Routes without a years condition (the honours routes).
const ROUTES_WITHOUT_YEARS: [&str; 2] = ["9.3", "10.3"];
/// The score-table categories the program's logic and screens refer to; a file may add others.
const KNOWN_CATEGORIES: [&str; 15] = [
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

static IN_USE: OnceLock<InUse> = OnceLock::new();

/// Sets the rules in use; the first call wins (the shell calls it once, at start).
pub fn install(in_use: InUse) {
    let _ = IN_USE.set(in_use);
}

/// The rules in use, their source and today's round.
pub fn in_use() -> &'static InUse {
    IN_USE.get_or_init(|| {
        let rules = built_in().clone();
        let default_year = rules.plans.last().map_or(2022, |p| p.year);
        InUse {
            rules,
            source: Source::BuiltIn {
                why: None,
                problems: Vec::new(),
            },
            default_year,
        }
    })
}

pub fn active() -> &'static RuleSet {
    &in_use().rules
}

/// The score table in use.
pub fn table() -> &'static ScoreTable {
    &active().conditions.score_table
}

/// The built-in rules, parsed once. The test `the_built_in_file_is_valid` keeps this from failing;
/// if it ever did, an empty rule set (every check "missing") is better than a blank page.
pub fn built_in() -> &'static RuleSet {
    static BUILT_IN: OnceLock<RuleSet> = OnceLock::new();
    BUILT_IN.get_or_init(|| parse(BUILT_IN_JSON).unwrap_or_else(|_| empty_rules()))
}

fn empty_rules() -> RuleSet {
    let mut r = Reader::default();
    RuleSet {
        schema: SCHEMA,
        about: String::new(),
        plans: Vec::new(),
        conditions: read_conditions(&mut r, &Value::Null, "conditions"),
    }
}

/// Every published plan in use, oldest first.
pub fn plans() -> &'static [Plan] {
    &active().plans
}

/// The newest published plan (the built-in 2022 plan in native tests).
pub fn latest_plan() -> &'static Plan {
    static FALLBACK: OnceLock<Plan> = OnceLock::new();
    plans()
        .last()
        .unwrap_or_else(|| FALLBACK.get_or_init(|| Plan::derive_from(&[], 2022)))
}

/// The plan of `year`: published when the rules in use have it, otherwise derived.
pub fn plan_for_year(year: i32) -> Plan {
    super::plan::plan_in(plans(), year)
}

/// The plan a draft names (`0`, or a year outside 2000–2100: today's round, see [`InUse`]).
pub fn plan_by_choice(year: i32) -> Plan {
    if year == 0 || !(2000..=2100).contains(&year) {
        plan_for_year(in_use().default_year)
    } else {
        plan_for_year(year)
    }
}

/// The rounds an applicant can choose, newest first: every published one, every derived one
/// from the latest published to today's round, and the draft's own (`draft_year`, when set).
pub fn offered_rounds(draft_year: i32) -> Vec<Plan> {
    let today = in_use().default_year;
    let mut years: Vec<i32> = plans().iter().map(|p| p.year).collect();
    let latest = years.last().copied().unwrap_or(today);
    years.extend(latest + 1..=today);
    if (2000..=2100).contains(&draft_year) {
        years.push(draft_year);
    }
    super::small_sort::sort_by_key(&mut years, |y| -y);
    years.dedup();
    years.into_iter().map(plan_for_year).collect()
}

/// Said where a draft's round is older than today's: 「这份草稿按 2022 年度计划填写；现在申报的是
/// 2027 年度……」, or `None`.
pub fn newer_round_note(draft_year: i32) -> Option<(i32, String)> {
    let kept = plan_by_choice(draft_year);
    let today = plan_by_choice(0);
    (kept.year < today.year).then(|| {
        let state = if today.derived {
            "（按往年规律推算，正式通知发布后以通知为准）"
        } else {
            "（计划已发布）"
        };
        (
            today.year,
            format!(
                "这份草稿按 {} 年度计划填写。现在申报的是 {} 年度{state}；如果你准备参加 {} 年度的评审，请改用新年度，日期和名单会按新年度核对。",
                kept.year, today.year, today.year
            ),
        )
    })
}

/// The round an applicant would apply in next on `today`: this year's while its application
/// window has not closed, else next year's.
pub fn round_for(today: CivilDate, rules: &RuleSet) -> i32 {
    let this_year = super::plan::plan_in(&rules.plans, today.year);
    if today <= this_year.application_end {
        today.year
    } else {
        today.year + 1
    }
}

/// Reads and checks a rules file. Every problem found is returned, each naming its place.
pub fn parse(text: &str) -> Result<RuleSet, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![problem("", "文件是空的")]);
    }
    let value: Value = match serde_json::from_str(text) {
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

fn problem(place: &str, message: impl Into<String>) -> Problem {
    Problem {
        place: place.to_string(),
        message: message.into(),
    }
}

fn syntax_problem(error: &serde_json::Error) -> Problem {
    use serde_json::error::Category as C;
    let what = match error.classify() {
        C::Eof => "文件在这里意外结束：可能少了结尾的 } 或 ]，或文件没有传完整",
        _ => "这里不是有效的 JSON：常见原因是少了逗号或引号、最后一项后面多了逗号、用了中文引号或中文逗号",
    };
    problem(
        &format!("第 {} 行第 {} 列", error.line(), error.column()),
        what,
    )
}

#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
}

fn join(place: &str, key: &str) -> String {
    if place.is_empty() {
        key.to_string()
    } else {
        format!("{place}.{key}")
    }
}

/// A JSON number as written for people (no float formatting code: `num` works in hundredths).
fn number_text(n: &serde_json::Number) -> String {
    match n.as_i64() {
        Some(i) => i.to_string(),
        None => num(n.as_f64().unwrap_or(0.0)),
    }
}

/// How a JSON value looks, for messages.
fn shown(v: &Value) -> String {
    match v {
        Value::Null => "空值 null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("数字 {}", number_text(n)),
        Value::String(s) => format!("「{}」", s.chars().take(40).collect::<String>()),
        Value::Array(_) => "列表 [ … ]".into(),
        Value::Object(_) => "一组字段 { … }".into(),
    }
}

impl Reader {
    fn fail(&mut self, place: &str, message: impl Into<String>) {
        // One file can hold thousands of the same mistake; the first 200 are enough to fix it.
        if self.problems.len() < 200 {
            self.problems.push(problem(place, message));
        }
    }

    /// `v` as an object whose keys are all in `keys` (an unknown key is a typo until shown
    /// otherwise: the field it was meant to be would silently keep its old value).
    fn object<'v>(
        &mut self,
        v: &'v Value,
        place: &str,
        keys: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = v.as_object() else {
            self.fail(
                place,
                format!("应是用 {{ }} 括起的一组字段，现在是{}", shown(v)),
            );
            return None;
        };
        for key in map.keys() {
            if !keys.contains(&key.as_str()) {
                self.fail(
                    &join(place, key),
                    format!(
                        "本工具不认识这个字段（拼写是否有误？这里可以有的字段：{}）",
                        keys.join("、")
                    ),
                );
            }
        }
        Some(map)
    }

    fn get<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        place: &str,
        key: &str,
    ) -> Option<&'v Value> {
        let v = map.get(key);
        if v.is_none() {
            self.fail(&join(place, key), "缺少这个字段");
        }
        v
    }

    fn text(&mut self, map: &Map<String, Value>, place: &str, key: &str) -> String {
        match self.get(map, place, key) {
            Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(Value::String(_)) => {
                self.fail(&join(place, key), "不能是空的");
                String::new()
            }
            Some(other) => {
                self.fail(
                    &join(place, key),
                    format!("应是用英文双引号括起的文字，现在是{}", shown(other)),
                );
                String::new()
            }
            None => String::new(),
        }
    }

    fn optional_text(
        &mut self,
        map: &Map<String, Value>,
        place: &str,
        key: &str,
    ) -> Option<String> {
        map.contains_key(key).then(|| self.text(map, place, key))
    }

    fn number(&mut self, map: &Map<String, Value>, place: &str, key: &str, max: f64) -> f64 {
        let here = join(place, key);
        match self.get(map, place, key) {
            Some(Value::Number(n)) => {
                let x = n.as_f64().unwrap_or(f64::NAN);
                if (0.0..=max).contains(&x) {
                    x
                } else {
                    self.fail(
                        &here,
                        format!("{} 不在 0 到 {} 之间", number_text(n), num(max)),
                    );
                    0.0
                }
            }
            Some(other) => {
                self.fail(
                    &here,
                    format!("应是数字（不加引号，如 2 或 0.5），现在是{}", shown(other)),
                );
                0.0
            }
            None => 0.0,
        }
    }

    fn whole(
        &mut self,
        map: &Map<String, Value>,
        place: &str,
        key: &str,
        min: i64,
        max: i64,
    ) -> i64 {
        let Some(v) = self.get(map, place, key) else {
            return min;
        };
        self.whole_value(v, &join(place, key), min, max)
    }

    fn whole_value(&mut self, v: &Value, place: &str, min: i64, max: i64) -> i64 {
        match v.as_i64() {
            Some(n) if (min..=max).contains(&n) => n,
            Some(n) => {
                self.fail(place, format!("{n} 不在 {min} 到 {max} 之间"));
                min
            }
            None => {
                self.fail(
                    place,
                    format!("应是整数（不加引号，如 2022），现在是{}", shown(v)),
                );
                min
            }
        }
    }

    fn flag(&mut self, map: &Map<String, Value>, place: &str, key: &str) -> bool {
        match map.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.fail(
                    &join(place, key),
                    format!("应是 true 或 false（不加引号），现在是{}", shown(other)),
                );
                false
            }
        }
    }

    fn date(&mut self, map: &Map<String, Value>, place: &str, key: &str) -> CivilDate {
        let fallback = CivilDate {
            year: 2000,
            month: 1,
            day: 1,
        };
        let here = join(place, key);
        match self.get(map, place, key) {
            Some(Value::String(s)) => {
                let well_formed = s.len() == 10
                    && s.bytes().enumerate().all(|(i, b)| {
                        if i == 4 || i == 7 {
                            b == b'-'
                        } else {
                            b.is_ascii_digit()
                        }
                    });
                match CivilDate::parse(s) {
                    Ok(date) if well_formed => date,
                    Ok(_) => {
                        self.fail(
                            &here,
                            format!("「{s}」请写成 2022-07-31 这样的年-月-日（月、日各两位）"),
                        );
                        fallback
                    }
                    Err(error) => {
                        self.fail(&here, format!("「{s}」不是日期：{}", error.message()));
                        fallback
                    }
                }
            }
            Some(other) => {
                self.fail(
                    &here,
                    format!(
                        "应是带引号的日期，如 \"2022-07-31\"，现在是{}",
                        shown(other)
                    ),
                );
                fallback
            }
            None => fallback,
        }
    }

    fn list<'v>(&mut self, map: &'v Map<String, Value>, place: &str, key: &str) -> &'v [Value] {
        match self.get(map, place, key) {
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.fail(
                    &join(place, key),
                    format!("应是用 [ ] 括起的列表，现在是{}", shown(other)),
                );
                &[]
            }
            None => &[],
        }
    }

    fn texts(&mut self, map: &Map<String, Value>, place: &str, key: &str) -> Vec<String> {
        let here = join(place, key);
        let mut out = Vec::new();
        for (i, item) in self.list(map, place, key).iter().enumerate() {
            match item {
                Value::String(s) if !s.trim().is_empty() => out.push(s.clone()),
                other => self.fail(
                    &format!("{here}[{i}]"),
                    format!("应是不为空的文字，现在是{}", shown(other)),
                ),
            }
        }
        out
    }

    /// Several numeric fields of one object, in `keys` order; no other keys allowed.
    fn numbers<const N: usize>(
        &mut self,
        v: &Value,
        place: &str,
        keys: [&str; N],
        max: f64,
    ) -> [f64; N] {
        let mut out = [0.0; N];
        self.numbers_into(v, place, &keys, max, &mut out);
        out
    }

    /// The work of [`Reader::numbers`], once for every `N` (a copy per `N` costs wasm bytes).
    #[inline(never)]
    fn numbers_into(&mut self, v: &Value, place: &str, keys: &[&str], max: f64, out: &mut [f64]) {
        if let Some(map) = self.object(v, place, keys) {
            for (slot, key) in out.iter_mut().zip(keys) {
                *slot = self.number(map, place, key, max);
            }
        }
    }

    /// `[对口, 不对口]` points.
    fn pair(&mut self, map: &Map<String, Value>, place: &str, key: &str) -> [f64; 2] {
        let here = join(place, key);
        let items = self.list(map, place, key);
        let values: Vec<f64> = items.iter().filter_map(Value::as_f64).collect();
        if items.len() != 2
            || values.len() != 2
            || values.iter().any(|x| !(0.0..=100.0).contains(x))
        {
            if map.contains_key(key) {
                self.fail(&here, "应是两个分数 [对口, 不对口]，如 [5, 4]");
            }
            return [0.0; 2];
        }
        [values[0], values[1]]
    }
}

const TOP_KEYS: &[&str] = &["schema", "about", "plans", "conditions"];

fn read_rules(r: &mut Reader, v: &Value) -> RuleSet {
    let empty = Map::new();
    let map = r.object(v, "", TOP_KEYS).unwrap_or(&empty);
    if !map.is_empty() || v.is_object() {
        match map.get("schema") {
            Some(s) if s.as_u64() == Some(SCHEMA) => {}
            Some(s) => r.fail(
                "schema",
                format!("本工具只读得懂第 {SCHEMA} 版的规则文件（schema 应为 {SCHEMA}），这个文件写的是{}", shown(s)),
            ),
            None => r.fail("schema", format!("缺少这个字段（应为 {SCHEMA}）")),
        }
    }
    let about = match map.get("about") {
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            r.fail("about", format!("应是文字，现在是{}", shown(other)));
            String::new()
        }
        None => String::new(),
    };
    let mut plans: Vec<Plan> = Vec::new();
    let items = if map.is_empty() && !v.is_object() {
        &[][..]
    } else {
        r.list(map, "", "plans")
    };
    for (i, item) in items.iter().enumerate() {
        let place = format!("plans[{i}]");
        if let Some(plan) = read_plan(r, item, &place) {
            if plans.iter().any(|p| p.year == plan.year) {
                r.fail(&place, format!("{} 年度的计划写了两次", plan.year));
            }
            plans.push(plan);
        }
    }
    if map.contains_key("plans") && plans.is_empty() && r.problems.is_empty() {
        r.fail("plans", "至少要有一个年度的计划");
    }
    super::small_sort::sort_by_key(&mut plans, |p| p.year);
    let conditions = match map.get("conditions") {
        Some(c) => read_conditions(r, c, "conditions"),
        None => {
            if v.is_object() {
                r.fail("conditions", "缺少这个字段");
            }
            read_conditions(&mut Reader::default(), &Value::Null, "conditions")
        }
    };
    RuleSet {
        schema: SCHEMA,
        about,
        plans,
        conditions,
    }
}

const PLAN_KEYS: &[&str] = &[
    "year",
    "code",
    "name",
    "committee",
    "notice",
    "conditions",
    "application_start",
    "application_end",
    "unit_deadline",
    "seniority_cutoff",
    "achievements_cutoff",
    "evaluation_years",
    "continuing_education_years",
    "acceptance_points",
    "mountain_counties",
    "wenzhou_mountain_counties",
    "common_specialties",
];

fn read_plan(r: &mut Reader, v: &Value, place: &str) -> Option<Plan> {
    let m = r.object(v, place, PLAN_KEYS)?;
    let year = r.whole(m, place, "year", 2000, 2100) as i32;
    let years = |r: &mut Reader, key: &str| -> Vec<i32> {
        let here = join(place, key);
        r.list(m, place, key)
            .iter()
            .enumerate()
            .map(|(i, y)| r.whole_value(y, &format!("{here}[{i}]"), 2000, 2100) as i32)
            .collect()
    };
    let evaluation_years = years(r, "evaluation_years");
    let continuing_education_years = years(r, "continuing_education_years");
    let mut acceptance_points: Vec<AcceptancePoint> = Vec::new();
    for (i, item) in r.list(m, place, "acceptance_points").iter().enumerate() {
        let here = format!("{place}.acceptance_points[{i}]");
        let Some(p) = r.object(item, &here, &["name", "organizer", "phones"]) else {
            continue;
        };
        let point = AcceptancePoint {
            name: r.text(p, &here, "name"),
            organizer: r.text(p, &here, "organizer"),
            phones: r.texts(p, &here, "phones"),
        };
        if p.contains_key("phones") && point.phones.is_empty() {
            r.fail(&join(&here, "phones"), "至少写一个电话");
        }
        for phone in &point.phones {
            let digits = phone.bytes().filter(u8::is_ascii_digit).count();
            if !phone.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                || !(7..=16).contains(&digits)
            {
                r.fail(
                    &join(&here, "phones"),
                    format!("「{phone}」不像电话号码（只用数字和 -，如 0577-88879705）"),
                );
            }
        }
        if acceptance_points.iter().any(|a| a.name == point.name) && !point.name.is_empty() {
            r.fail(&here, format!("受理点列表有重复：{}", point.name));
        }
        acceptance_points.push(point);
    }
    let mut mountain_counties: Vec<MountainCounty> = Vec::new();
    for (i, item) in r.list(m, place, "mountain_counties").iter().enumerate() {
        let here = format!("{place}.mountain_counties[{i}]");
        let Some(c) = r.object(item, &here, &["city", "county", "suffix"]) else {
            continue;
        };
        let county = MountainCounty {
            city: r.text(c, &here, "city"),
            county: r.text(c, &here, "county"),
            suffix: r.text(c, &here, "suffix"),
        };
        if !["县", "区", "市", "自治县", "畲族自治县"].contains(&county.suffix.as_str())
            && !county.suffix.is_empty()
        {
            r.fail(
                &join(&here, "suffix"),
                format!(
                    "「{}」应是这个县自己的后缀：县、区、市或畲族自治县",
                    county.suffix
                ),
            );
        }
        if county.county.chars().count() > 1
            && ["县", "区", "市"]
                .iter()
                .any(|s| county.county.ends_with(s))
        {
            r.fail(
                &join(&here, "county"),
                format!(
                    "「{}」请写不带「县」「区」「市」的简称，如「文成」",
                    county.county
                ),
            );
        }
        if !county.county.is_empty() && mountain_counties.iter().any(|c| c.county == county.county)
        {
            r.fail(
                &format!("{place}.mountain_counties"),
                format!("山区县列表有重复：{}", county.county),
            );
        }
        mountain_counties.push(county);
    }
    let wenzhou_mountain_counties = r.texts(m, place, "wenzhou_mountain_counties");
    for county in &wenzhou_mountain_counties {
        if !mountain_counties.iter().any(|c| &c.county == county) {
            r.fail(
                &format!("{place}.wenzhou_mountain_counties"),
                format!("「{county}」不在本年度的山区县列表（mountain_counties）里"),
            );
        }
    }
    let common_specialties = r.texts(m, place, "common_specialties");
    for (i, name) in common_specialties.iter().enumerate() {
        if name.chars().count() > 12 {
            r.fail(
                &format!("{place}.common_specialties[{i}]"),
                format!("「{name}」太长：专业名称最多 8 个字左右"),
            );
        }
        if common_specialties[..i].contains(name) {
            r.fail(
                &format!("{place}.common_specialties"),
                format!("常用专业列表有重复：{name}"),
            );
        }
    }
    let plan = Plan {
        year,
        code: r.text(m, place, "code"),
        name: r.text(m, place, "name"),
        committee: r.text(m, place, "committee"),
        notice: r.text(m, place, "notice"),
        conditions: r.text(m, place, "conditions"),
        application_start: r.date(m, place, "application_start"),
        application_end: r.date(m, place, "application_end"),
        unit_deadline: r.date(m, place, "unit_deadline"),
        seniority_cutoff: r.date(m, place, "seniority_cutoff"),
        achievements_cutoff: r.date(m, place, "achievements_cutoff"),
        evaluation_years,
        continuing_education_years,
        derived: false,
        lists_from: year,
        acceptance_points,
        mountain_counties,
        wenzhou_mountain_counties,
        common_specialties,
    };
    check_plan(r, &plan, m, place);
    Some(plan)
}

/// The plan's dates and years agree with each other (checked only when each was readable).
fn check_plan(r: &mut Reader, p: &Plan, m: &Map<String, Value>, place: &str) {
    let dates_read = r.problems.iter().all(|x| !x.place.starts_with(place));
    if !dates_read {
        return;
    }
    let order = [
        (
            "application_start",
            p.application_start,
            "application_end",
            p.application_end,
            "申报开始日应早于申报截止日",
        ),
        (
            "application_end",
            p.application_end,
            "unit_deadline",
            p.unit_deadline,
            "申报截止日应早于单位推荐截止日",
        ),
    ];
    for (a, da, b, db, what) in order {
        if da >= db {
            r.fail(&join(place, b), format!("{what}（{a} {da}，{b} {db}）"));
        }
    }
    if p.achievements_cutoff > p.seniority_cutoff {
        r.fail(
            &join(place, "achievements_cutoff"),
            format!(
                "业绩截止日 {} 晚于资历截止日 {}：业绩截止日应不晚于资历截止日",
                p.achievements_cutoff, p.seniority_cutoff
            ),
        );
    }
    for (key, date) in [
        ("application_start", p.application_start),
        ("seniority_cutoff", p.seniority_cutoff),
    ] {
        if (date.year - p.year).abs() > 1 {
            r.fail(
                &join(place, key),
                format!("{date} 与计划年度 {} 相差太远，请检查年份", p.year),
            );
        }
    }
    if m.contains_key("evaluation_years") {
        let years = &p.evaluation_years;
        let distinct = (0..years.len()).all(|i| !years[..i].contains(&years[i]));
        if years.len() != 3 || !distinct || years.iter().any(|y| *y >= p.year || *y < p.year - 5) {
            r.fail(
                &join(place, "evaluation_years"),
                format!(
                    "应是计划年度之前的三个不同年份，如 [{}, {}, {}]",
                    p.year - 1,
                    p.year - 2,
                    p.year - 3
                ),
            );
        }
        if m.contains_key("continuing_education_years")
            && (p.continuing_education_years.is_empty()
                || p.continuing_education_years
                    .iter()
                    .any(|y| *y > p.year || *y < p.year - 6))
        {
            r.fail(
                &join(place, "continuing_education_years"),
                format!(
                    "应是计划年度及之前几年，如 [{}, {}, {}, {}]",
                    p.year,
                    p.year - 1,
                    p.year - 2,
                    p.year - 3
                ),
            );
        }
    }
    if m.contains_key("acceptance_points") && p.acceptance_points.is_empty() {
        r.fail(&join(place, "acceptance_points"), "至少要有一个受理点");
    }
}

const CONDITION_KEYS: &[&str] = &[
    "document",
    "continuing_education",
    "social_insurance_months",
    "routes",
    "score_table",
];

fn read_conditions(r: &mut Reader, v: &Value, place: &str) -> Conditions {
    let empty = Map::new();
    let m = if v.is_null() {
        &empty
    } else {
        r.object(v, place, CONDITION_KEYS).unwrap_or(&empty)
    };
    let present = v.is_object();
    let mut quiet = Reader::default();
    let r = if present { r } else { &mut quiet };
    let ce_value = m
        .get("continuing_education")
        .cloned()
        .unwrap_or(Value::Null);
    let [professional, public] = if present && ce_value.is_null() {
        r.fail(&join(place, "continuing_education"), "缺少这个字段");
        [0.0; 2]
    } else {
        r.numbers(
            &ce_value,
            &join(place, "continuing_education"),
            ["professional", "public"],
            1000.0,
        )
    };
    let mut routes: Vec<RouteText> = Vec::new();
    for (i, item) in r.list(m, place, "routes").iter().enumerate() {
        let here = format!("{place}.routes[{i}]");
        let Some(o) = r.object(item, &here, &["id", "cite", "title", "years"]) else {
            continue;
        };
        let id = r.text(o, &here, "id");
        let years = o
            .get("years")
            .map(|y| r.whole_value(y, &join(&here, "years"), 0, 30) as u32);
        if !id.is_empty() && !ROUTE_IDS.contains(&id.as_str()) {
            r.fail(
                &join(&here, "id"),
                format!(
                    "本工具没有「{id}」这条途径（可以有的：{}）",
                    ROUTE_IDS.join("、")
                ),
            );
        }
        if years.is_none()
            && !ROUTES_WITHOUT_YEARS.contains(&id.as_str())
            && ROUTE_IDS.contains(&id.as_str())
        {
            r.fail(&join(&here, "years"), "缺少这个字段（这条途径要求的年限）");
        }
        if routes.iter().any(|x| x.id == id) {
            r.fail(&here, format!("途径「{id}」写了两次"));
        }
        routes.push(RouteText {
            cite: r.text(o, &here, "cite"),
            title: r.text(o, &here, "title"),
            id,
            years,
        });
    }
    if m.contains_key("routes") {
        for id in ROUTE_IDS {
            if !routes.iter().any(|x| x.id == id) {
                r.fail(&join(place, "routes"), format!("缺少途径「{id}」"));
            }
        }
    }
    let score_value = m.get("score_table").cloned().unwrap_or(Value::Null);
    if present && score_value.is_null() {
        r.fail(&join(place, "score_table"), "缺少这个字段");
    }
    let score_table = read_score_table(r, &score_value, &join(place, "score_table"));
    let total = score_table.basic.continuing_education.standard;
    if present && professional + public > total {
        r.fail(
            &join(place, "continuing_education"),
            format!(
                "专业科目 {} 和公需科目 {} 学时之和超过了每年总学时 {}（score_table.basic.continuing_education.standard）",
                num(professional),
                num(public),
                num(total)
            ),
        );
    }
    Conditions {
        document: if present {
            r.text(m, place, "document")
        } else {
            String::new()
        },
        continuing_education: CeHours {
            professional,
            public,
        },
        social_insurance_months: if present {
            r.whole(m, place, "social_insurance_months", 0, 60) as u32
        } else {
            0
        },
        routes,
        score_table,
    }
}

fn read_score_table(r: &mut Reader, v: &Value, place: &str) -> ScoreTable {
    let empty = Map::new();
    let quiet_null = v.is_null();
    let m = if quiet_null {
        &empty
    } else {
        r.object(v, place, &["caps", "basic", "categories", "rows"])
            .unwrap_or(&empty)
    };
    let mut quiet = Reader::default();
    let r = if quiet_null { &mut quiet } else { r };
    let sub = |key: &str| m.get(key).cloned().unwrap_or(Value::Null);
    let need = |r: &mut Reader, key: &str| {
        if !m.contains_key(key) && !quiet_null {
            r.fail(&join(place, key), "缺少这个字段");
        }
    };
    need(r, "caps");
    let [basic, achievements, exceptional_threshold, mountain_per_year, mountain_max] = r.numbers(
        &sub("caps"),
        &join(place, "caps"),
        [
            "basic",
            "achievements",
            "exceptional_threshold",
            "mountain_per_year",
            "mountain_max",
        ],
        100.0,
    );
    need(r, "basic");
    let basic_place = join(place, "basic");
    let basic_value = sub("basic");
    let basic_keys = [
        "education",
        "skill",
        "foreign",
        "computer",
        "seniority",
        "tech_post",
        "evaluation",
        "income",
        "continuing_education",
    ];
    let b = r
        .object(&basic_value, &basic_place, &basic_keys)
        .cloned()
        .unwrap_or_default();
    let part = |r: &mut Reader, key: &str| {
        let v = b.get(key).cloned().unwrap_or(Value::Null);
        if v.is_null() && !quiet_null {
            r.fail(&join(&basic_place, key), "缺少这个字段");
        }
        (v, join(&basic_place, key))
    };
    let (edu, edu_place) = part(r, "education");
    let edu_map = r
        .object(
            &edu,
            &edu_place,
            &[
                "postgraduate",
                "bachelor",
                "college",
                "secondary",
                "degree_bonus",
            ],
        )
        .cloned()
        .unwrap_or_default();
    let education = EducationPoints {
        postgraduate: r.pair(&edu_map, &edu_place, "postgraduate"),
        bachelor: r.pair(&edu_map, &edu_place, "bachelor"),
        college: r.pair(&edu_map, &edu_place, "college"),
        secondary: r.pair(&edu_map, &edu_place, "secondary"),
        degree_bonus: if edu.is_object() {
            r.number(&edu_map, &edu_place, "degree_bonus", 100.0)
        } else {
            0.0
        },
    };
    let (v, p) = part(r, "skill");
    let [intermediate, advanced, technician, senior_technician] = r.numbers(
        &v,
        &p,
        [
            "intermediate",
            "advanced",
            "technician",
            "senior_technician",
        ],
        100.0,
    );
    let (v, p) = part(r, "foreign");
    let [cet6, cet4] = r.numbers(&v, &p, ["cet6", "cet4"], 100.0);
    let (v, p) = part(r, "computer");
    let [four_modules, three_modules] = r.numbers(&v, &p, ["four_modules", "three_modules"], 100.0);
    let (v, p) = part(r, "seniority");
    let [reached, per_extra_year, seniority_max] =
        r.numbers(&v, &p, ["reached", "per_extra_year", "max"], 100.0);
    let (v, p) = part(r, "tech_post");
    let [unit_large, unit_small, dept_large, dept_small] = r.numbers(
        &v,
        &p,
        ["unit_large", "unit_small", "dept_large", "dept_small"],
        100.0,
    );
    let (v, p) = part(r, "evaluation");
    let [per_excellent_year, evaluation_max] =
        r.numbers(&v, &p, ["per_excellent_year", "max"], 100.0);
    let income = if b.is_empty() {
        0.0
    } else {
        r.number(&b, &basic_place, "income", 100.0)
    };
    let (v, p) = part(r, "continuing_education");
    let [per_year, ce_max, margin, standard, standard_before, from_year] = r.numbers(
        &v,
        &p,
        [
            "per_year",
            "max",
            "margin",
            "standard",
            "standard_before",
            "standard_from_year",
        ],
        9999.0,
    );
    if v.is_object() && (from_year.fract() != 0.0 || !(2000.0..=2100.0).contains(&from_year)) {
        r.fail(
            &join(&p, "standard_from_year"),
            "应是 2000 到 2100 之间的年份",
        );
    }
    need(r, "categories");
    let mut categories: Vec<Category> = Vec::new();
    for (i, item) in r.list(m, place, "categories").iter().enumerate() {
        let here = format!("{place}.categories[{i}]");
        let Some(c) = r.object(
            item,
            &here,
            &["id", "name", "grouping", "subtotal_cap", "note"],
        ) else {
            continue;
        };
        let grouping = match c.get("grouping").and_then(Value::as_str) {
            Some("same_result") => Grouping::SameResult,
            Some("same_year") => Grouping::SameYear,
            Some("once") => Grouping::Once,
            _ => {
                r.fail(
                    &join(&here, "grouping"),
                    "应是 \"same_result\"（同一成果计一次）、\"same_year\"（同一年度计一次）或 \"once\"（只计一次）",
                );
                Grouping::SameResult
            }
        };
        let category = Category {
            id: r.text(c, &here, "id"),
            name: r.text(c, &here, "name"),
            grouping,
            subtotal_cap: c
                .contains_key("subtotal_cap")
                .then(|| r.number(c, &here, "subtotal_cap", 100.0)),
            note: r.text(c, &here, "note"),
        };
        if categories.iter().any(|x| x.id == category.id) {
            r.fail(&here, format!("类别「{}」写了两次", category.id));
        }
        categories.push(category);
    }
    if m.contains_key("categories") {
        for id in KNOWN_CATEGORIES {
            if !categories.iter().any(|c| c.id == id) {
                r.fail(&join(place, "categories"), format!("缺少类别「{id}」"));
            }
        }
    }
    need(r, "rows");
    let mut rows: Vec<Row> = Vec::new();
    for (i, item) in r.list(m, place, "rows").iter().enumerate() {
        let here = format!("{place}.rows[{i}]");
        if let Some(row) = read_row(r, item, &here, &categories) {
            if rows.iter().any(|x| x.id == row.id) {
                r.fail(&here, format!("计分行「{}」写了两次", row.id));
            }
            rows.push(row);
        }
    }
    ScoreTable {
        caps: Caps {
            basic,
            achievements,
            exceptional_threshold,
            mountain_per_year,
            mountain_max,
        },
        basic: BasicTable {
            education,
            skill: SkillPoints {
                intermediate,
                advanced,
                technician,
                senior_technician,
            },
            foreign: ForeignPoints { cet6, cet4 },
            computer: ComputerPoints {
                four_modules,
                three_modules,
            },
            seniority: SeniorityPoints {
                reached,
                per_extra_year,
                max: seniority_max,
            },
            tech_post: TechPostPoints {
                unit_large,
                unit_small,
                dept_large,
                dept_small,
            },
            evaluation: EvaluationPoints {
                per_excellent_year,
                max: evaluation_max,
            },
            income,
            continuing_education: CePoints {
                per_year,
                max: ce_max,
                margin,
                standard,
                standard_before,
                standard_from_year: from_year as i32,
            },
        },
        categories,
        rows,
        index: Default::default(),
    }
    .prepare()
}

const ROW_KEYS: &[&str] = &[
    "id",
    "category",
    "label",
    "ladder",
    "points",
    "no_points",
    "inferred",
    "count_limit",
    "needs_stamp",
];

fn read_row(r: &mut Reader, v: &Value, place: &str, categories: &[Category]) -> Option<Row> {
    let o = r.object(v, place, ROW_KEYS)?;
    let id = r.text(o, place, "id");
    let named = if id.is_empty() {
        place.to_string()
    } else {
        format!("{place}（{id}）")
    };
    let category = r.text(o, &named, "category");
    if !category.is_empty() && !categories.iter().any(|c| c.id == category) {
        r.fail(
            &join(&named, "category"),
            format!("没有「{category}」这个类别（见 categories）"),
        );
    }
    let mut ladder: Vec<Segment> = Vec::new();
    if o.contains_key("ladder") {
        for (i, item) in r.list(o, &named, "ladder").iter().enumerate() {
            let here = format!("{named}.ladder[{i}]");
            let [from, to, top, bottom, step] =
                r.numbers(item, &here, ["from", "to", "top", "bottom", "step"], 100.0);
            let segment = Segment {
                from: from as u32,
                to: to as u32,
                top,
                bottom,
                step,
            };
            if from.fract() != 0.0 || to.fract() != 0.0 || from < 1.0 || to < from {
                r.fail(&here, "名次 from、to 应是整数，from 从 1 起且不大于 to");
            } else if (top - step * (to - from) - bottom).abs() > 1e-9 {
                r.fail(
                    &here,
                    format!(
                        "第{}-{}名从 {} 分起每名减 {} 分，第{}名应是 {} 分，但 bottom 写的是 {}：请改 step 或 bottom，让最后一名正好落在 bottom 上",
                        segment.from,
                        segment.to,
                        num(top),
                        num(step),
                        segment.to,
                        num(top - step * (to - from)),
                        num(bottom)
                    ),
                );
            } else if let Some(last) = ladder.last() {
                if segment.from != last.to + 1 {
                    r.fail(
                        &here,
                        format!(
                            "名次应接着上一段：上一段到第{}名，这一段应从第{}名起",
                            last.to,
                            last.to + 1
                        ),
                    );
                }
            }
            ladder.push(segment);
        }
        if ladder.is_empty() {
            r.fail(&join(&named, "ladder"), "名次段列表是空的");
        }
    }
    let points = o
        .contains_key("points")
        .then(|| r.number(o, &named, "points", 100.0));
    let no_points = r.optional_text(o, &named, "no_points");
    let kinds = [
        !ladder.is_empty() || o.contains_key("ladder"),
        points.is_some(),
        no_points.is_some(),
    ];
    if kinds.iter().filter(|k| **k).count() != 1 {
        r.fail(
            &named,
            "每个计分行只能有 ladder（按名次）、points（固定分）、no_points（不计分的说明）三者之一",
        );
    }
    let count_limit = o
        .get("count_limit")
        .map(|c| r.whole_value(c, &join(&named, "count_limit"), 1, 100) as usize);
    Some(Row {
        label: r.text(o, &named, "label"),
        inferred: r.flag(o, &named, "inferred"),
        needs_stamp: r.flag(o, &named, "needs_stamp"),
        id,
        category,
        ladder,
        points,
        no_points,
        count_limit,
        ..Row::default()
    })
}

#[cfg(test)]
#[path = "rules_file_tests.rs"]
mod tests;

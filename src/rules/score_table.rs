//! The 量化评价标准 table as data: caps, the 基本条件 points, and every 成果业绩 row with its rank
//! ladder (`score_table.json`, embedded at build time, parsed once).

use super::verdict::num;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE_JSON: &str = include_str!("score_table.json");

#[derive(Clone, Debug, Deserialize)]
pub struct Caps {
    pub basic: f64,
    pub achievements: f64,
    pub exceptional_threshold: f64,
    pub mountain_per_year: f64,
    pub mountain_max: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct EducationPoints {
    /// [对口, 不对口]
    pub postgraduate: [f64; 2],
    pub bachelor: [f64; 2],
    pub college: [f64; 2],
    pub secondary: [f64; 2],
    pub degree_bonus: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct SkillPoints {
    pub intermediate: f64,
    pub advanced: f64,
    pub technician: f64,
    pub senior_technician: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct ForeignPoints {
    pub cet6: f64,
    pub cet4: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct ComputerPoints {
    pub four_modules: f64,
    pub three_modules: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct SeniorityPoints {
    pub reached: f64,
    pub per_extra_year: f64,
    pub max: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct TechPostPoints {
    pub unit_large: f64,
    pub unit_small: f64,
    pub dept_large: f64,
    pub dept_small: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct EvaluationPoints {
    pub per_excellent_year: f64,
    pub max: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct CePoints {
    pub per_year: f64,
    pub max: f64,
    pub margin: f64,
    pub standard: f64,
    pub standard_before: f64,
    pub standard_from_year: i32,
}

#[derive(Clone, Debug, Deserialize)]
pub struct BasicTable {
    pub education: EducationPoints,
    pub skill: SkillPoints,
    pub foreign: ForeignPoints,
    pub computer: ComputerPoints,
    pub seniority: SeniorityPoints,
    pub tech_post: TechPostPoints,
    pub evaluation: EvaluationPoints,
    pub income: f64,
    pub continuing_education: CePoints,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grouping {
    /// Same result (same non-empty `group_key`) counts once, the highest.
    SameResult,
    /// Within one year only the highest counts.
    SameYear,
    /// Counted once over all entries, the highest.
    Once,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub grouping: Grouping,
    #[serde(default)]
    pub subtotal_cap: Option<f64>,
    pub note: String,
}

/// `top` for rank `from`, one `step` less per rank, `bottom` at rank `to`.
#[derive(Clone, Debug, Deserialize)]
pub struct Segment {
    pub from: u32,
    pub to: u32,
    pub top: f64,
    pub bottom: f64,
    pub step: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Row {
    pub id: String,
    pub category: String,
    pub label: String,
    /// Rank-based rows; empty for fixed-point rows.
    #[serde(default)]
    pub ladder: Vec<Segment>,
    /// Fixed points (honours, 技能称号, 竞赛).
    #[serde(default)]
    pub points: Option<f64>,
    /// The row scores nothing in the self-assessment, for this reason.
    #[serde(default)]
    pub no_points: Option<String>,
    #[serde(default)]
    pub inferred: bool,
    #[serde(default)]
    pub count_limit: Option<usize>,
    #[serde(default)]
    pub needs_stamp: bool,
    /// 「量化评价标准·专利：发明专利 第1-3名 12→8（每名减 2 分）…」, filled when the table loads.
    #[serde(skip)]
    pub rule: String,
    /// Index of the row's category in `ScoreTable::categories`, filled when the table loads.
    #[serde(skip)]
    pub category_index: usize,
}

impl Row {
    /// The points for `rank` (`None` when the rank is outside every segment).
    pub fn points_for_rank(&self, rank: u32) -> Option<f64> {
        if let Some(points) = self.points {
            return Some(points);
        }
        self.ladder
            .iter()
            .find(|s| (s.from..=s.to).contains(&rank))
            .map(|s| s.top - s.step * (rank - s.from) as f64)
    }

    pub fn is_ranked(&self) -> bool {
        !self.ladder.is_empty()
    }

    /// 「第1-7名」, 「第1名、第2-5名」.
    pub fn ranks_label(&self) -> String {
        self.ladder
            .iter()
            .map(|s| {
                if s.from == s.to {
                    format!("第{}名", s.from)
                } else {
                    format!("第{}-{}名", s.from, s.to)
                }
            })
            .collect::<Vec<_>>()
            .join("、")
    }

    pub fn last_rank(&self) -> u32 {
        self.ladder.iter().map(|s| s.to).max().unwrap_or(0)
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct ScoreTable {
    pub caps: Caps,
    pub basic: BasicTable,
    pub categories: Vec<Category>,
    pub rows: Vec<Row>,
    /// Row id → index in `rows`, filled when the table loads.
    #[serde(skip)]
    pub index: HashMap<String, usize>,
}

impl ScoreTable {
    pub fn row(&self, id: &str) -> Option<&Row> {
        match self.index.get(id) {
            Some(&i) => self.rows.get(i),
            None if self.index.is_empty() => self.rows.iter().find(|r| r.id == id),
            None => None,
        }
    }

    /// Fills the derived fields (index, rule texts, category indices).
    fn prepare(mut self) -> Self {
        for i in 0..self.rows.len() {
            let ci = self
                .categories
                .iter()
                .position(|c| c.id == self.rows[i].category)
                .unwrap_or(0);
            let name = self
                .categories
                .get(ci)
                .map(|c| c.name.clone())
                .unwrap_or_else(|| "成果业绩".into());
            let row = &mut self.rows[i];
            row.category_index = ci;
            row.rule = row_rule(row, &name);
            self.index.insert(row.id.clone(), i);
        }
        self
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The rows of a category, in table order (for a select box).
    pub fn rows_of<'a>(&'a self, category: &'a str) -> impl Iterator<Item = &'a Row> + 'a {
        self.rows.iter().filter(move |r| r.category == category)
    }
}

/// The score table, parsed once from the embedded data (its consistency is tested below).
pub fn table() -> &'static ScoreTable {
    static TABLE: OnceLock<ScoreTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        serde_json::from_str::<ScoreTable>(TABLE_JSON)
            .map(ScoreTable::prepare)
            .unwrap_or_else(|_| ScoreTable {
                caps: Caps {
                    basic: 20.0,
                    achievements: 35.0,
                    exceptional_threshold: 25.0,
                    mountain_per_year: 0.5,
                    mountain_max: 3.0,
                },
                basic: serde_json::from_str(BASIC_FALLBACK).expect("fallback basic table"),
                categories: Vec::new(),
                rows: Vec::new(),
                index: HashMap::new(),
            })
    })
}

const BASIC_FALLBACK: &str = r#"{"education":{"postgraduate":[5,4],"bachelor":[4,3],"college":[3,2],"secondary":[2,1],"degree_bonus":1},"skill":{"intermediate":1,"advanced":2,"technician":3,"senior_technician":4},"foreign":{"cet6":2,"cet4":1},"computer":{"four_modules":2,"three_modules":1},"seniority":{"reached":2,"per_extra_year":0.5,"max":4},"tech_post":{"unit_large":4,"unit_small":2,"dept_large":2,"dept_small":1},"evaluation":{"per_excellent_year":1,"max":3},"income":2,"continuing_education":{"per_year":1,"max":3,"margin":10,"standard":90,"standard_before":32,"standard_from_year":2017}}"#;

/// The rule text shown with every line scored by `row`.
pub fn row_rule(row: &Row, category: &str) -> String {
    let mut rule = format!("量化评价标准·{category}：{}", row.label);
    if row.is_ranked() {
        for s in &row.ladder {
            if s.from == s.to {
                rule.push_str(&format!(" 第{}名 {} 分", s.from, num(s.top)));
            } else {
                rule.push_str(&format!(
                    " 第{}-{}名 {}→{}（每名减 {} 分）",
                    s.from,
                    s.to,
                    num(s.top),
                    num(s.bottom),
                    num(s.step)
                ));
            }
        }
    } else if let Some(points) = row.points {
        rule.push_str(&format!(" {} 分", num(points)));
    }
    rule
}

#[cfg(test)]
#[path = "score_table_tests.rs"]
mod tests;

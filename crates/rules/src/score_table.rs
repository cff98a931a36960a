//! The 量化评价标准 table as data: caps, the 基本条件 points, and every 成果业绩 row with its rank
//! ladder. The numbers are data, in the rules file (`rules_file/`).

use super::verdict::num;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Caps {
    pub basic: f64,
    pub achievements: f64,
    pub exceptional_threshold: f64,
    pub mountain_per_year: f64,
    pub mountain_max: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EducationPoints {
    /// [对口, 不对口]
    pub postgraduate: [f64; 2],
    pub bachelor: [f64; 2],
    pub college: [f64; 2],
    pub secondary: [f64; 2],
    pub degree_bonus: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SkillPoints {
    pub intermediate: f64,
    pub advanced: f64,
    pub technician: f64,
    pub senior_technician: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ForeignPoints {
    pub cet6: f64,
    pub cet4: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComputerPoints {
    pub four_modules: f64,
    pub three_modules: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeniorityPoints {
    pub reached: f64,
    pub per_extra_year: f64,
    pub max: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TechPostPoints {
    pub unit_large: f64,
    pub unit_small: f64,
    pub dept_large: f64,
    pub dept_small: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvaluationPoints {
    pub per_excellent_year: f64,
    pub max: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CePoints {
    pub per_year: f64,
    pub max: f64,
    pub margin: f64,
    pub standard: f64,
    pub standard_before: f64,
    pub standard_from_year: i32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grouping {
    /// Same result (same non-empty `group_key`) counts once, the highest.
    #[default]
    SameResult,
    /// Within one year only the highest counts.
    SameYear,
    /// Counted once over all entries, the highest.
    Once,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub grouping: Grouping,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtotal_cap: Option<f64>,
    pub note: String,
}

/// `top` for rank `from`, one `step` less per rank, `bottom` at rank `to`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Segment {
    pub from: u32,
    pub to: u32,
    pub top: f64,
    pub bottom: f64,
    pub step: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Row {
    pub id: String,
    pub category: String,
    pub label: String,
    /// Rank-based rows; empty for fixed-point rows.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ladder: Vec<Segment>,
    /// Fixed points (honours, 技能称号, 竞赛).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    /// The row scores nothing in the self-assessment, for this reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_points: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count_limit: Option<usize>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
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

#[derive(Clone, Debug, PartialEq, Serialize)]
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
    pub(crate) fn prepare(mut self) -> Self {
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

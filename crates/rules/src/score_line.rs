//! What a self-score is, as values: one `ScoreLine` per item (points, the rule applied, why it
//! counts less or nothing) and the `ScoreBreakdown` with its totals. The data every later stage
//! reads (routes for 破格, eligibility, the step 4 panel, the preview); computed in `scoring.rs`
//! and `score_achievements.rs`.

use super::verdict::num;
use serde::Serialize;

/// Shown with every line whose points READING.md marks as inferred from a garbled OCR cell.
pub const INFERRED_NOTE: &str = "此项分值据原表推断，以评委会解释为准";
pub const EXPERT_DISCRETION: &str = "其他排名由评议专家酌情量分";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Section {
    /// 基本条件 (cap 20)
    Basic,
    /// 成果业绩 (cap 35)
    Achievements,
    /// 山区县加分 (max 3), its own line
    Bonus,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreLine {
    pub section: Section,
    /// The table's item, e.g. 「学历」, 「专利」.
    pub item: String,
    /// What was scored, e.g. 「发明专利「一种阀门」第 2 名」.
    pub subject: String,
    /// Index into `applicant.achievements` for achievement lines.
    pub achievement: Option<usize>,
    pub points: f64,
    pub counted: bool,
    /// The rule applied, e.g. 「量化评价标准·专利：发明 第1-3名 12→8，每名减 2 分」.
    pub rule: String,
    /// Why the line scores nothing or less than its value.
    pub reason: Option<String>,
    pub inferred: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreBreakdown {
    pub lines: Vec<ScoreLine>,
    pub basic_total: f64,
    pub achievements_total: f64,
    pub mountain_bonus: f64,
    /// 基本条件 + 成果业绩 + 山区县加分 (exam and interview are not self-assessed).
    pub self_score: f64,
    pub exceptional_threshold: f64,
    /// 第十条（四）: self-score ≥ 25.
    pub reaches_exceptional_threshold: bool,
}

impl ScoreBreakdown {
    pub fn achievement_line(&self, index: usize) -> Option<&ScoreLine> {
        self.lines.iter().find(|l| l.achievement == Some(index))
    }
}

pub fn line(section: Section, item: &str, subject: String, points: f64, rule: String) -> ScoreLine {
    ScoreLine {
        section,
        item: item.to_string(),
        subject,
        achievement: None,
        points,
        counted: points > 0.0,
        rule,
        reason: None,
        inferred: false,
    }
}

pub fn zero(
    section: Section,
    item: &str,
    subject: String,
    rule: String,
    reason: String,
) -> ScoreLine {
    ScoreLine {
        reason: Some(reason),
        counted: false,
        ..line(section, item, subject, 0.0, rule)
    }
}

/// Caps the sum of the lines at `order` at `cap`, in that order: the line crossing the cap keeps
/// the part that fits, later lines count nothing. `over` names the cap in their reasons
/// (「基本条件已达 20 分上限」); a line dropped whole keeps its inferred note when `note_inferred`.
/// Returns the capped sum.
pub fn cap_in_order(
    lines: &mut [ScoreLine],
    order: &[usize],
    cap: f64,
    over: &str,
    note_inferred: bool,
) -> f64 {
    let mut total = 0.0;
    for &i in order {
        let room = cap - total;
        let l = &mut lines[i];
        if room <= 0.0 {
            l.points = 0.0;
            l.counted = false;
            l.reason = Some(if note_inferred && l.inferred {
                format!("{over}，此项不再计分；{INFERRED_NOTE}")
            } else {
                format!("{over}，此项不再计分")
            });
        } else if l.points > room {
            l.reason = Some(format!(
                "{over}，此项 {} 分只计 {} 分",
                num(l.points),
                num(room)
            ));
            l.points = room;
            total = cap;
        } else {
            total += l.points;
        }
    }
    total
}

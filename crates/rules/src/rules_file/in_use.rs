//! The rules in use: installed once at start (the deployed file or the built-in copy), the plans they publish, and the rounds an applicant may choose from.

use super::*;

pub(super) static IN_USE: OnceLock<InUse> = OnceLock::new();

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

pub(super) fn empty_rules() -> RuleSet {
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
    crate::plan::plan_in(plans(), year)
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
    crate::small_sort::sort_by_key(&mut years, |y| -y);
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
    let this_year = crate::plan::plan_in(&rules.plans, today.year);
    if today <= this_year.application_end {
        today.year
    } else {
        today.year + 1
    }
}

//! The 成果业绩 lines of the self-score: which achievements count, at how many points, and why the
//! others do not (dates, ranks, same result / same year highest-only, count limits, subtotal caps).

use super::applicant::{Achievement, Applicant, YesNo};
use super::date::{CivilDate, DateError};
use super::held::current_title_since;
use super::plan::Plan;
use super::score_line::{cap_in_order, zero, ScoreLine, Section, EXPERT_DISCRETION, INFERRED_NOTE};
use super::score_table::{Grouping, Row, ScoreTable};
use super::verdict::num;
use std::collections::HashMap;

/// What makes entries "the same" for a highest-only rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum GroupKey<'a> {
    Result(&'a str),
    Year(i32),
    Once,
}

/// Why an achievement cannot count at all, before any grouping or cap.
fn entry_problem(
    e: &Achievement,
    row: &Row,
    plan: &Plan,
    title_date: &Result<Option<CivilDate>, String>,
) -> Option<String> {
    if !e.selected {
        return Some("未选入本次申报（第四步「选择相关业绩」）".into());
    }
    if e.related == YesNo::No {
        return Some("与机电（机械）专业无关，不计分（第十七条）".into());
    }
    if let Some(reason) = &row.no_points {
        return Some(reason.clone());
    }
    let date = match CivilDate::parse(&e.date) {
        Ok(date) => date,
        Err(DateError::Empty) => {
            return Some(format!(
                "缺少取得日期，无法确认是否在任现职后、{} 之前取得；请填写日期（如 2021-06-01）",
                plan.achievements_cutoff.iso()
            ))
        }
        // Name what is wrong with the date typed, as step 3 does.
        Err(error) => {
            return Some(format!(
                "取得日期「{}」无效：{}。无法确认是否在任现职后、{} 之前取得",
                e.date.trim(),
                error.message(),
                plan.achievements_cutoff.iso()
            ))
        }
    };
    if date > plan.achievements_cutoff {
        return Some(format!(
            "取得日期 {} 晚于业绩截止日 {}，本年度不计（通知二.6）",
            date.iso(),
            plan.achievements_cutoff.iso()
        ));
    }
    match title_date {
        Ok(Some(title_date)) if date < *title_date => {
            return Some(format!(
                "取得于任现职（{}）之前，不计分（第十七条：业绩须为任现职后取得）",
                title_date.iso()
            ));
        }
        Err(reason) => return Some(reason.clone()),
        _ => {}
    }
    if row.is_ranked() {
        if e.rank == 0 {
            return Some("未填写本人排名".into());
        }
        if row.points_for_rank(e.rank).is_none() {
            return Some(format!(
                "第 {} 名超出排名范围（{}），{EXPERT_DISCRETION}",
                e.rank,
                row.ranks_label()
            ));
        }
    }
    if row.needs_stamp && !e.unit_stamped {
        return Some("未公开发表的须经工作单位审核盖章后才能计分".into());
    }
    None
}

pub(crate) fn achievement_lines(a: &Applicant, plan: &Plan, t: &ScoreTable) -> Vec<ScoreLine> {
    let title_date = current_title_since(a);
    let mut lines: Vec<ScoreLine> = Vec::with_capacity(a.achievements.len());
    // (line index, category index, row, date) of the entries still in the running.
    let mut live: Vec<(usize, usize, &Row, Option<CivilDate>)> = Vec::new();
    for (i, e) in a.achievements.iter().enumerate() {
        let subject = achievement_subject(e);
        let Some(row) = t.row(e.row.trim()) else {
            lines.push(ScoreLine {
                achievement: Some(i),
                ..zero(
                    Section::Achievements,
                    "成果业绩",
                    subject,
                    "量化评价标准·成果业绩".into(),
                    "未选择成果类别（对应评分表的哪一行）".into(),
                )
            });
            continue;
        };
        let cat_index = row.category_index;
        let cat_name = t
            .categories
            .get(cat_index)
            .map(|c| c.name.as_str())
            .unwrap_or("成果业绩");
        let rule = row.rule.clone();
        let mut l = ScoreLine {
            achievement: Some(i),
            inferred: row.inferred,
            ..zero(
                Section::Achievements,
                cat_name,
                subject,
                rule,
                String::new(),
            )
        };
        match entry_problem(e, row, plan, &title_date) {
            Some(reason) => l.reason = Some(reason),
            None => {
                l.points = row.points_for_rank(e.rank).unwrap_or(0.0);
                l.counted = true;
                l.reason = None;
                live.push((lines.len(), cat_index, row, CivilDate::parse(&e.date).ok()));
            }
        }
        if row.inferred {
            l.reason = Some(match l.reason.take() {
                Some(r) => format!("{r}；{INFERRED_NOTE}"),
                None => INFERRED_NOTE.to_string(),
            });
        }
        lines.push(l);
    }

    // Highest-only rules: group the live entries, keep the best of each group.
    let mut groups: HashMap<(usize, GroupKey), Vec<usize>> = HashMap::new();
    for &(li, ci, _, date) in &live {
        let category = &t.categories[ci.min(t.categories.len().saturating_sub(1))];
        let e = &a.achievements[lines[li].achievement.unwrap_or(0)];
        let key = match category.grouping {
            Grouping::SameResult if !e.group_key.trim().is_empty() => {
                GroupKey::Result(e.group_key.trim())
            }
            Grouping::SameResult => continue,
            Grouping::SameYear => GroupKey::Year(date.map(|d| d.year).unwrap_or(0)),
            Grouping::Once => GroupKey::Once,
        };
        groups.entry((ci, key)).or_default().push(li);
    }
    let mut group_list: Vec<_> = groups.into_iter().collect();
    super::small_sort::sort_by(&mut group_list, |a, b| a.1.first().cmp(&b.1.first()));
    for ((ci, key), members) in group_list {
        if members.len() < 2 {
            continue;
        }
        let best = best_of(&lines, &members);
        let category = &t.categories[ci];
        for &li in &members {
            if li == best {
                continue;
            }
            let reason = match key {
                GroupKey::Result(name) => format!(
                    "与第 {} 项为同一成果（{name}），按就高原则只计最高一项",
                    lines[best].achievement.unwrap_or(0) + 1,
                ),
                GroupKey::Year(year) => format!(
                    "同一年度（{year} 年）{}按就高原则只计一次，已计第 {} 项",
                    category.name,
                    lines[best].achievement.unwrap_or(0) + 1
                ),
                GroupKey::Once => format!(
                    "技能称号按就高原则只计一次，已计第 {} 项",
                    lines[best].achievement.unwrap_or(0) + 1
                ),
            };
            drop_line(&mut lines[li], reason);
        }
    }

    // Count limits per row (企业标准 3 项, 未公开发表 2 篇): the highest ones count.
    for row in t.rows.iter().filter(|r| r.count_limit.is_some()) {
        let limit = row.count_limit.unwrap_or(usize::MAX);
        let mut members: Vec<usize> = live
            .iter()
            .filter(|(li, _, r, _)| std::ptr::eq(*r, row) && lines[*li].counted)
            .map(|(li, ..)| *li)
            .collect();
        sort_best_first(&lines, &mut members);
        for &li in members.iter().skip(limit) {
            drop_line(
                &mut lines[li],
                format!("{}限 {limit} 项，只计分值最高的 {limit} 项", row.label),
            );
        }
    }

    // Subtotal caps per category (论文著作 20, 专利 20).
    for (ci, category) in t.categories.iter().enumerate() {
        let Some(cap) = category.subtotal_cap else {
            continue;
        };
        let mut members: Vec<usize> = live
            .iter()
            .filter(|(li, c, ..)| *c == ci && lines[*li].counted)
            .map(|(li, ..)| *li)
            .collect();
        sort_best_first(&lines, &mut members);
        let over = format!("超过{}总分 {} 分上限", category.name, num(cap));
        cap_in_order(&mut lines, &members, cap, &over, true);
    }
    lines
}

fn drop_line(l: &mut ScoreLine, reason: String) {
    l.points = 0.0;
    l.counted = false;
    l.reason = Some(if l.inferred {
        format!("{reason}；{INFERRED_NOTE}")
    } else {
        reason
    });
}

fn sort_best_first(lines: &[ScoreLine], members: &mut [usize]) {
    super::small_sort::sort_by(members, |&a, &b| {
        lines[b].points.total_cmp(&lines[a].points).then(a.cmp(&b))
    });
}

fn best_of(lines: &[ScoreLine], members: &[usize]) -> usize {
    let mut sorted = members.to_vec();
    sort_best_first(lines, &mut sorted);
    sorted[0]
}

fn achievement_subject(e: &Achievement) -> String {
    let title = if e.title.trim().is_empty() {
        "（未命名）"
    } else {
        e.title.trim()
    };
    if e.rank > 0 {
        format!("「{title}」第 {} 名", e.rank)
    } else {
        format!("「{title}」")
    }
}

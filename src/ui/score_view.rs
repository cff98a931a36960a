//! The self-score as step 4's panel and the preview show it: the totals against the caps of the
//! score table in use, the 破格 line, and one row per score line. One view for both pages.

use crate::rules::applicant::Level;
use crate::rules::number_text::short;
use crate::rules::routes::has_exceptional_route;
use crate::rules::rules_file::table;
use crate::rules::score_line::{ScoreBreakdown, ScoreLine, Section, INFERRED_NOTE};
use leptos::prelude::*;

/// 基本条件 / 成果业绩 / 山区县加分 / 自评分, each against its cap from the score table.
pub fn totals(s: &ScoreBreakdown, wide: bool) -> impl IntoView {
    let caps = &table().caps;
    let of = |points: f64, cap: f64| format!("{} / {}", short(points), short(cap));
    view! {
        <dl class=if wide { "totals totals--wide" } else { "totals" }>
            <div><dt>"基本条件"</dt><dd data-total="basic">{of(s.basic_total, caps.basic)}</dd></div>
            <div><dt>"成果业绩"</dt><dd data-total="achievements">{of(s.achievements_total, caps.achievements)}</dd></div>
            <div><dt>"山区县加分"</dt><dd data-total="bonus">{of(s.mountain_bonus, caps.mountain_max)}</dd></div>
            <div class="totals__sum"><dt>"自评分"</dt><dd data-total="self" data-summary-score>{short(s.self_score)}</dd></div>
        </dl>
    }
}

/// 「破格申报线 25 分：还差 3 分」
/// The 破格 line (「破格申报线 25 分：还差 …」), for the levels that have a 破格 route only.
pub fn threshold(s: &ScoreBreakdown, level: Level) -> Option<impl IntoView> {
    has_exceptional_route(level).then(|| {
        view! {
            <p class=if s.reaches_exceptional_threshold { "threshold threshold--met" } else { "threshold" } data-threshold>
                {threshold_text(s)}
            </p>
        }
    })
}

fn threshold_text(s: &ScoreBreakdown) -> String {
    format!(
        "破格申报线 {} 分：{}",
        short(s.exceptional_threshold),
        if s.reaches_exceptional_threshold {
            "已达到".to_string()
        } else {
            format!("还差 {} 分", short(s.exceptional_threshold - s.self_score))
        }
    )
}

/// One line of the breakdown: its points, what was scored, the rule, why it counts less or
/// nothing, and the inferred-value note (once, even where the reason already says it).
pub fn line_view(line: &ScoreLine) -> impl IntoView {
    let section = match line.section {
        Section::Basic => "基本条件",
        Section::Achievements => "成果业绩",
        Section::Bonus => "加分",
    };
    let note_in_reason = line
        .reason
        .as_deref()
        .is_some_and(|r| r.contains(INFERRED_NOTE));
    view! {
        <li class=if line.counted { "line line--counted" } else { "line line--not-counted" }
            data-line-item=line.item.clone()>
            <span class="line__points">{if line.counted { format!("+{}", short(line.points)) } else { "0".to_string() }}</span>
            <span class="line__body">
                <span class="line__what">{format!("{section} · {} · {}", line.item, line.subject)}</span>
                <span class="line__rule">{line.rule.clone()}</span>
                {line.reason.clone().map(|r| view! { <span class="line__reason">{r}</span> })}
                {(line.inferred && !note_in_reason).then(|| view! { <span class="line__inferred">{INFERRED_NOTE}</span> })}
            </span>
        </li>
    }
}

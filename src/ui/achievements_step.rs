//! Step 4 选择相关业绩: the 业绩档案 (continuing education, annual evaluations and every section of
//! achievements) with a live self-assessment beside it.

use super::entry_list::{add_button, entries, ListSpec};
use super::fields::{
    checkbox_field, choice_field, chosen, input_field, option_value, parsed_field, set, FormCtx,
    Kind,
};
use super::focus_after_render;
use super::items::Items;
use crate::rules::achievement_fields::{
    fields_for, flag, put_flag, put_text, text, EntryField, Input, Part,
};
use crate::rules::applicant::{
    Achievement, AnnualEvaluation, ContinuingEducationYear, EvaluationGrade, YesNo,
};
use crate::rules::archive_fields::{CePart, CeRow, EvalPart};
use crate::rules::assess::Assessment;
use crate::rules::draft::Draft;
use crate::rules::form_fields::{next_year_to_add, parse_hours, parse_rank, parse_year};
use crate::rules::number_text::short;
use crate::rules::rules_file::table;
use crate::rules::scoring::ScoreLine;
use crate::rules::verdict::Status;
use leptos::prelude::*;

#[component]
pub fn AchievementsStep(ctx: FormCtx, assessment: Memo<Assessment>) -> impl IntoView {
    view! {
        <div class="archive-layout">
            <div class="archive-main">
                <p class="hint">"业绩档案按平台的栏目填写。勾选「选入本次申报」的条目才计入自评分；右侧（窄屏在下方）的自评分随填写即时更新。"</p>
                <p class="hint" data-portal-note>"在真实平台上，这些业绩先填在「我的业绩档案」里，由用人单位审核通过后，才能在这一步选到。请提前请单位审核。"</p>
                <ContinuingEducation ctx=ctx assessment=assessment/>
                <Evaluations ctx=ctx assessment=assessment/>
                <AchievementSections ctx=ctx assessment=assessment/>
            </div>
            <ScorePanel assessment=assessment/>
        </div>
    }
}

const CE_YEARS: ListSpec<ContinuingEducationYear> = ListSpec {
    add_id: "ce-add",
    add_label: "添加一年继续教育",
    row: true,
    items: |d| &d.applicant.continuing_education,
    items_mut: |d| &mut d.applicant.continuing_education,
    legend: |d, i| match d.applicant.continuing_education.get(i) {
        Some(y) if y.year != 0 => format!("{} 年继续教育", y.year),
        Some(_) => "继续教育（未填年份）".to_string(),
        None => String::new(),
    },
    remove_label: |_| "删除这一年".to_string(),
};

const EVALUATIONS: ListSpec<AnnualEvaluation> = ListSpec {
    add_id: "eval-add",
    add_label: "添加一年考核",
    row: true,
    items: |d| &d.applicant.evaluations,
    items_mut: |d| &mut d.applicant.evaluations,
    legend: |_, i| format!("年度考核 {}", i + 1),
    remove_label: |_| "删除".to_string(),
};

#[component]
fn ContinuingEducation(ctx: FormCtx, assessment: Memo<Assessment>) -> impl IntoView {
    let draft = ctx.draft;
    let fields = move |i: usize| {
        let hours = move |part: CePart| {
            parsed_field(
                draft,
                part.id(i),
                part.label().into(),
                ctx.read(move |d| {
                    d.applicant
                        .continuing_education
                        .get(i)
                        .and_then(|y| part.hours(y))
                        .map(|h| if h == 0.0 { String::new() } else { short(h) })
                        .unwrap_or_default()
                }),
                parse_hours,
                move |d, h| {
                    if let Some(y) = d.applicant.continuing_education.get_mut(i) {
                        part.put_hours(y, h)
                    }
                },
            )
        };
        // 起止时间 and 培训项目: asked as the portal asks them, read by no rule.
        let text = move |part: CePart, hint: Option<&'static str>| {
            input_field(
                ctx,
                part.id(i),
                part.label(),
                Kind::Text,
                true,
                hint,
                None,
                ctx.get(move |d| {
                    d.applicant
                        .continuing_education
                        .get(i)
                        .and_then(|y| part.text(y))
                        .unwrap_or_default()
                        .to_string()
                }),
                set(move |d, v| {
                    if let Some(y) = d.applicant.continuing_education.get_mut(i) {
                        part.put_text(y, v)
                    }
                }),
            )
        };
        view! {
                        {parsed_field(draft, CePart::Year.id(i), CePart::Year.label().into(),
                            ctx.read(move |d| d.applicant.continuing_education.get(i).map(|y| if y.year == 0 { String::new() } else { y.year.to_string() }).unwrap_or_default()),
                            parse_year,
                            move |d, year| if let Some(y) = d.applicant.continuing_education.get_mut(i) { y.year = year })}
                        // The portal takes a year as three rows, one per 课程类型, each with its
                        // 起止时间, 培训项目 and 学时: the same, in its order.
                        <fieldset class="ce-rows" data-ce-rows>
                            <legend>"三行（平台上每年填三行，课程类型依次为一般公需、行业公需、专业科目）"</legend>
                            {CeRow::ALL.map(|row| view! {
                                <fieldset class="ce-row" data-ce-row=row.course_type()>
                                    <legend>{row.course_type()}</legend>
                                    {text(CePart::Period(row), Some("如 2021-03-01 至 2021-06-30"))}
                                    {text(CePart::Project(row), None)}
                                    {hours(row.hours())}
                                </fieldset>
                            })}
                        </fieldset>
                        {input_field(ctx, CePart::Organiser.id(i), CePart::Organiser.label(), Kind::Text, true,
                            Some("可在温州继续教育网的明细表中查到"), None,
                            ctx.get(move |d| d.applicant.continuing_education.get(i).map(|y| y.organiser.clone()).unwrap_or_default()),
                            set(move |d, v| if let Some(y) = d.applicant.continuing_education.get_mut(i) { y.organiser = v }))}
                        {choice_field(ctx, CePart::Passed.id(i), CePart::Passed.label(), None, YesNo::ALL, YesNo::label,
                            ctx.read(move |d| d.applicant.continuing_education.get(i).map(|y| y.passed).unwrap_or_default()),
                            move |d, v| if let Some(y) = d.applicant.continuing_education.get_mut(i) { y.passed = v })}
        }
        .into_any()
    };
    let add_year = move |d: &mut Draft| {
        let have: Vec<i32> = d
            .applicant
            .continuing_education
            .iter()
            .map(|y| y.year)
            .collect();
        let year = assessment
            .with_untracked(|a| next_year_to_add(&a.plan.continuing_education_years, &have));
        d.applicant
            .continuing_education
            .push(ContinuingEducationYear {
                year,
                passed: YesNo::Yes,
                ..ContinuingEducationYear::default()
            });
    };
    let report = move || {
        assessment.with(|a| {
            let ce = &a.continuing_education;
            let years = ce
                .years
                .iter()
                .map(|y| {
                    let total = y.hours.map(|h| short(h.general_public + h.industry_public + h.professional));
                    view! {
                        <tr data-ce-year=y.year class:shortfall=y.status != Status::Met>
                            <th scope="row">{y.year}</th>
                            <td>{total.map_or("未填写".to_string(), |t| format!("{t} 学时"))}</td>
                            <td>{y.status.label()}</td>
                            <td class="shortfall-text">{y.shortfalls.join("；")}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <p class=format!("verdict verdict--{}", ce.verdict.status.key())>
                    <strong>{ce.verdict.cite.clone()}</strong>" "{ce.verdict.title.clone()}"："{ce.verdict.status.label()}
                </p>
                <table class="ce-table">
                    <thead><tr><th scope="col">"年度"</th><th scope="col">"合计"</th><th scope="col">"结果"</th><th scope="col">"差多少"</th></tr></thead>
                    <tbody>{years}</tbody>
                </table>
            }
        })
    };
    view! {
        <section class="form-section form-section--wide" aria-labelledby="ce-title">
            <h2 id="ce-title">"继续教育"</h2>
            <p class="hint">"每年 90 学时，其中专业科目不少于 60 学时，一般公需和行业公需合计不少于 18 学时（2017 年前为 32 学时，第六条）。学时齐了再上传佐证材料。"</p>
            <p class="hint" data-portal-note>"在平台上，每年的继续教育填三行：起止时间、培训项目、课程类型、学时。课程类型分别选「一般公需科目」「行业公需科目」「专业科目」，学时照温州继续教育网的统计表填。这里也一样填三行；检查只用每行的学时，起止时间和培训项目可以先空着。"</p>
            {entries(draft, CE_YEARS, fields)}
            {add_button(draft, CE_YEARS, add_year)}
            <div class="ce-report" aria-live="polite">{report}</div>
        </section>
    }
}

#[component]
fn Evaluations(ctx: FormCtx, assessment: Memo<Assessment>) -> impl IntoView {
    let draft = ctx.draft;
    let fields = move |i: usize| {
        view! {
                        {parsed_field(draft, EvalPart::Year.id(i), EvalPart::Year.label().into(),
                            ctx.read(move |d| d.applicant.evaluations.get(i).map(|e| if e.year == 0 { String::new() } else { e.year.to_string() }).unwrap_or_default()),
                            parse_year,
                            move |d, year| if let Some(e) = d.applicant.evaluations.get_mut(i) { e.year = year })}
                        {choice_field(ctx, EvalPart::Grade.id(i), EvalPart::Grade.label(), None, EvaluationGrade::ALL, EvaluationGrade::label,
                            ctx.read(move |d| d.applicant.evaluations.get(i).map(|e| e.grade).unwrap_or_default()),
                            move |d, v| if let Some(e) = d.applicant.evaluations.get_mut(i) { e.grade = v })}
        }
        .into_any()
    };
    let add = move |d: &mut Draft| {
        let have: Vec<i32> = d.applicant.evaluations.iter().map(|e| e.year).collect();
        let year = assessment.with_untracked(|a| next_year_to_add(&a.plan.evaluation_years, &have));
        d.applicant.evaluations.push(AnnualEvaluation {
            year,
            grade: EvaluationGrade::default(),
        });
    };
    let report = move || {
        assessment.with(|a| {
            let v = &a.evaluations.verdict;
            view! {
                <p class=format!("verdict verdict--{}", v.status.key()) data-evaluations=v.status.key()>
                    <strong>{v.cite.clone()}</strong>" "{v.title.clone()}"："{v.status.label()}
                </p>
                <ul class="route__messages">{v.messages.iter().map(|m| view! { <li>{m.clone()}</li> }).collect::<Vec<_>>()}</ul>
            }
        })
    };
    view! {
        <section class="form-section form-section--wide" aria-labelledby="eval-title">
            <h2 id="eval-title">"年度考核"</h2>
            <p class="hint">{move || assessment.with(|a| format!("需要 {} 年的年度考核，每年一张考核表，结果合格（称职）及以上（第五条）。", a.plan.evaluation_years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join("、")))}</p>
            {entries(draft, EVALUATIONS, fields)}
            {add_button(draft, EVALUATIONS, add)}
            <div aria-live="polite">{report}</div>
        </section>
    }
}

#[component]
fn AchievementSections(ctx: FormCtx, assessment: Memo<Assessment>) -> impl IntoView {
    let draft = ctx.draft;
    let removed = RwSignal::new(None::<(usize, Achievement)>);
    // Each entry's score line as it is shown, found once per assessment rather than once per
    // entry; each entry reads its own line and its own entry, not the whole list (ui/items.rs).
    let lines_by_entry = Items::new(move |f| {
        let texts = assessment.with(|a| {
            let mut by_entry = vec![String::new(); draft.with(|d| d.applicant.achievements.len())];
            for line in &a.score.lines {
                if let Some(slot) = line.achievement.and_then(|i| by_entry.get_mut(i)) {
                    *slot = score_text(line);
                }
            }
            by_entry
        });
        f(&texts)
    });
    let achievements = Items::new(move |f| draft.with(|d| f(&d.applicant.achievements)));
    let sections = table()
        .categories
        .iter()
        .map(|category| {
            let id: &'static str = category.id.as_str();
            let indices = Memo::new(move |_| {
                draft.with(|d| {
                    d.applicant
                        .achievements
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| table().row(&a.row).is_some_and(|r| r.category == id))
                        .map(|(i, _)| i)
                        .collect::<Vec<_>>()
                })
            });
            let first_row = table().rows_of(id).next().map(|r| r.id.clone()).unwrap_or_default();
            let add = move |_| {
                let row = first_row.clone();
                draft.update(|d| {
                    d.applicant.achievements.push(Achievement { row, ..Achievement::default() })
                });
            };
            view! {
                <section class="form-section form-section--wide archive-section" aria-labelledby=format!("cat-{id}")
                    data-category=id>
                    <h2 id=format!("cat-{id}")>{category.name.clone()}</h2>
                    <p class="hint">{category.note.clone()}</p>
                    {move || indices.get().into_iter().map(|i| entry_view(ctx, achievements, lines_by_entry, removed, i)).collect::<Vec<_>>()}
                    <button type="button" class="button button--secondary" id=format!("add-{id}") on:click=add>
                        {format!("添加{}", category.name)}
                    </button>
                </section>
            }
        })
        .collect::<Vec<_>>();
    let undo = move |_| {
        if let Some((index, entry)) = removed.get_untracked() {
            let mut at = index;
            draft.update(|d| {
                at = index.min(d.applicant.achievements.len());
                d.applicant.achievements.insert(at, entry);
            });
            removed.set(None);
            focus_after_render(&Part::Title.id(at));
        }
    };
    view! {
        {move || removed.get().map(|(_, entry)| view! {
            <div class="notice notice--info undo" role="status">
                <p>{format!("已删除「{}」。", if entry.title.is_empty() { "未命名条目".to_string() } else { entry.title.clone() })}</p>
                <button type="button" class="button button--secondary button--small" id="undo-delete" on:click=undo>"撤销"</button>
            </div>
        })}
        {sections}
    }
}

fn entry_view(
    ctx: FormCtx,
    achievements: Items<Achievement>,
    lines_by_entry: Items<String>,
    removed: RwSignal<Option<(usize, Achievement)>>,
    i: usize,
) -> AnyView {
    let draft = ctx.draft;
    let t = table();
    let row_id = draft.with_untracked(|d| {
        d.applicant
            .achievements
            .get(i)
            .map(|a| a.row.clone())
            .unwrap_or_default()
    });
    let Some(row) = t.row(&row_id) else {
        return ().into_any();
    };
    let category: &'static str = t.category(&row.category).map_or("", |c| c.id.as_str());
    let rows_in_category: Vec<String> = t.rows_of(category).map(|r| r.label.clone()).collect();
    let row_ids: Vec<&'static str> = t.rows_of(category).map(|r| r.id.as_str()).collect();
    let ids_for_get = row_ids.clone();
    // Every field of the entry reads the entry's own signal, not the draft: typing in one of 300
    // entries touches that entry only.
    let entry = achievements.item(i);
    let row_now =
        Memo::new(move |_| entry.with(|e| e.as_ref().map(|a| a.row.clone()).unwrap_or_default()));
    let line = lines_by_entry.item(i);
    let title =
        Memo::new(move |_| entry.with(|e| e.as_ref().map(|a| a.title.clone()).unwrap_or_default()));
    let row_select = super::fields::select_field(
        ctx,
        Part::Row.id(i),
        "类别",
        false,
        None,
        rows_in_category,
        std::sync::Arc::new(move || {
            entry.with(|e| {
                e.as_ref()
                    .map(|a| option_value(&ids_for_get, &a.row.as_str()))
                    .unwrap_or_default()
            })
        }),
        set(move |d, v| {
            let picked = chosen(&row_ids, &v);
            if let (Some(a), Some(id)) = (d.applicant.achievements.get_mut(i), picked) {
                a.row = id.to_string()
            }
        }),
    );
    // One view per kind of input, the part passed as a value: the registry's parts share it.
    let part_view = move |f: EntryField| -> AnyView {
        let part = f.part;
        let id = part.id(i);
        let edit = move |d: &mut Draft, change: &dyn Fn(&mut Achievement)| {
            if let Some(a) = d.applicant.achievements.get_mut(i) {
                change(a)
            }
        };
        match f.input {
            Input::RowChoice => ().into_any(),
            Input::Text | Input::Date => input_field(
                ctx,
                id,
                f.label,
                if f.input == Input::Date {
                    Kind::Date
                } else {
                    Kind::Text
                },
                f.optional,
                f.hint,
                None,
                std::sync::Arc::new(move || {
                    entry.with(|e| e.as_ref().map(|a| text(a, part)).unwrap_or_default())
                }),
                set(move |d, v| edit(d, &|a| put_text(a, part, v.clone()))),
            ),
            Input::Rank => parsed_field(
                draft,
                id,
                f.label.into(),
                move || entry.with(|e| e.as_ref().map(|a| text(a, part)).unwrap_or_default()),
                parse_rank,
                move |d, rank| edit(d, &|a| a.rank = rank),
            ),
            Input::Check => checkbox_field(
                ctx,
                id,
                f.label,
                move || entry.with(|e| e.as_ref().is_some_and(|a| flag(a, part))),
                move |d, v| edit(d, &|a| put_flag(a, part, v)),
            ),
            Input::YesNo => choice_field(
                ctx,
                id,
                f.label,
                f.hint,
                YesNo::ALL,
                YesNo::label,
                move || entry.with(|e| e.as_ref().map(|a| a.related).unwrap_or_default()),
                move |d, v| edit(d, &|a| a.related = v),
            ),
        }
    };
    // The parts follow the row chosen (a ranked row asks the rank, 未公开发表 the stamp); they are
    // drawn again only when the row changes, never on a keystroke.
    let parts = move || {
        let id = row_now.get();
        t.row(&id)
            .map(|row| fields_for(t, row))
            .unwrap_or_default()
            .into_iter()
            .filter(|f| f.part != Part::Row)
            .map(part_view)
            .collect::<Vec<_>>()
    };
    view! {
        <fieldset class="entry" data-entry=i>
            <legend>{move || { let t = title.get(); if t.is_empty() { format!("条目 {}", i + 1) } else { t } }}</legend>
            {row_select}
            {parts}
            <p class="entry__score" data-entry-score=i>{move || line.get().unwrap_or_default()}</p>
            <div class="button-row">
                <button type="button" class="link-button" on:click=move |_| draft.update(|d| {
                    if let Some(copy) = d.applicant.achievements.get(i).cloned() {
                        d.applicant.achievements.insert(i + 1, copy);
                    }
                })>"复制"</button>
                <button type="button" class="link-button" on:click=move |_| {
                    let mut taken = None;
                    draft.update(|d| if i < d.applicant.achievements.len() { taken = Some(d.applicant.achievements.remove(i)); });
                    removed.set(taken.map(|entry| (i, entry)));
                    // 撤销 is what someone who deleted by mistake needs next.
                    focus_after_render("undo-delete");
                }>"删除"</button>
            </div>
        </fieldset>
    }
    .into_any()
}

fn score_text(line: &ScoreLine) -> String {
    if line.counted {
        format!("计 {} 分 —— {}", short(line.points), line.rule)
    } else {
        format!("不计分：{}", line.reason.as_deref().unwrap_or_default())
    }
}

#[component]
fn ScorePanel(assessment: Memo<Assessment>) -> impl IntoView {
    let totals = move || {
        assessment.with(|a| {
            let s = &a.score;
            view! {
                {super::score_view::totals(s, false)}
                {super::score_view::threshold(s, a.eligibility.level)}
                <p class="hint">"理论考试（25 分）和面试答辩（20 分）不在自评范围内。"</p>
            }
        })
    };
    let lines = Memo::new(move |_| assessment.with(|a| a.score.lines.clone()));
    view! {
        <aside class="score-panel" aria-labelledby="score-title">
            <h2 id="score-title">"自评分"</h2>
            <div aria-live="polite">{totals}</div>
            <details class="breakdown" open>
                <summary>"计分明细"</summary>
                <ul class="breakdown__lines">
                    <For each=move || lines.get().into_iter().enumerate()
                        key=|(index, line)| (*index, line.subject.clone(), line.rule.clone(), line.reason.clone(), line.counted, (line.points * 100.0) as i64)
                        children=move |(_, line)| super::score_view::line_view(&line)/>
                </ul>
            </details>
        </aside>
    }
}

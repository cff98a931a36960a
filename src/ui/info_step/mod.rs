//! Step 3 填写申报信息: every field the portal asks at this step, grouped as on the portal, with
//! the rules core's checks; the plan and level come first (the portal asks the 评审计划 before
//! anything else), with the level's verdict right under them and every route at the end.

use super::entry_list::{add_button, entries, ListSpec};
use super::fields::{
    checkbox, checkbox_field, choice, choice_field, chosen, input, input_field, option_value,
    select, select_field, set, ErrorSummary, FormCtx, Kind,
};
use super::today;
use crate::rules::applicant::{
    ApplyMode, Appointment, DegreeOrigin, Education, EducationLevel, ForeignLanguage, HeldHonour,
    Level, QualificationType, SkillCertificate, SkillHonour, SkillLevel, TechPost, TitleLevel,
    UnitSize, WorkKind, WorkPeriod, YesNo,
};
use crate::rules::assess::Assessment;
use crate::rules::basic_info::{self, FieldKind, SERIES};
use crate::rules::draft::Draft;
use crate::rules::form_checks::info_problems;
use crate::rules::form_fields::{parse_count, Qualification, MAX_QUALIFICATIONS};
use crate::rules::info_fields;
use crate::rules::plan::Plan;
use crate::rules::rules_file::{newer_round_note, offered_rounds, plan_by_choice};
use crate::rules::verdict::Verdict;
use leptos::prelude::*;

pub fn info_ctx(draft: RwSignal<Draft>, assessment: Memo<Assessment>) -> FormCtx {
    let today = today();
    let problems = Memo::new(move |_| {
        assessment.with(|a| {
            draft.with(|d| info_problems(d, &a.plan, a.eligibility.advice.as_ref(), today))
        })
    });
    FormCtx::new(draft, problems)
}

#[component]
pub fn InfoStep(ctx: FormCtx, assessment: Memo<Assessment>) -> impl IntoView {
    view! {
        <ErrorSummary ctx=ctx/>
        <p class="hint">"除标有「（选填）」的项目外都要填写。填好后按页面底部的「下一步」，本工具会逐项检查。"</p>
        <PlanSection ctx=ctx assessment=assessment/>
        <BasicSection ctx=ctx/>
        <EducationSection ctx=ctx/>
        <WorkSection ctx=ctx/>
        <QualificationSection ctx=ctx/>
        <SkillSection ctx=ctx/>
        <ExtrasSection ctx=ctx assessment=assessment/>
        <EligibilityPanel assessment=assessment draft=ctx.draft/>
    }
}

#[component]
fn BasicSection(ctx: FormCtx) -> impl IntoView {
    let fields = basic_info::BASIC_FIELDS
        .iter()
        .map(|spec| {
            let field = spec.field;
            let read = ctx.get(move |d| d.basic.get(field).to_string());
            let write = set(move |d, v| d.basic.set(field, v));
            match spec.kind {
                FieldKind::Choice(options) => select_field(
                    ctx,
                    spec.id,
                    spec.label,
                    false,
                    spec.hint,
                    options.iter().map(|o| o.to_string()).collect(),
                    ctx.get(move |d| option_value(options, &d.basic.get(field))),
                    set(move |d, v| {
                        let picked = chosen(options, &v).map(|s| s.to_string());
                        d.basic.set(field, picked.unwrap_or_default());
                    }),
                ),
                FieldKind::Date => input_field(
                    ctx,
                    spec.id,
                    spec.label,
                    Kind::Date,
                    false,
                    spec.hint,
                    None,
                    read,
                    write,
                ),
                FieldKind::Suggested(_) => input_field(
                    ctx,
                    spec.id,
                    spec.label,
                    Kind::Text,
                    false,
                    spec.hint,
                    Some("ethnicity-suggestions"),
                    read,
                    write,
                ),
                FieldKind::Text { .. } => input_field(
                    ctx,
                    spec.id,
                    spec.label,
                    Kind::Text,
                    false,
                    spec.hint,
                    None,
                    read,
                    write,
                ),
            }
        })
        .collect::<Vec<_>>();
    let ethnicities = basic_info::COMMON_ETHNICITIES
        .iter()
        .map(|e| view! { <option value=*e></option> })
        .collect::<Vec<_>>();
    view! {
        <section class="form-section" aria-labelledby="basic-title">
            <h2 id="basic-title">"个人基本信息"</h2>
            {fields}
            <datalist id="ethnicity-suggestions">{ethnicities}</datalist>
            <p class="hint" id="series-hint">
                "所属专业技术职务系列：机电专业固定选「"{SERIES}"」（平台上不同系列对应不同的业绩档案内容项，选错要重填）。"
            </p>
            {input(ctx, &info_fields::ID_NUMBER, Kind::Text, None,
                ctx.get(move |d| d.form.id_number.clone()), set(|d, v| d.form.id_number = v))}
            {input(ctx, &info_fields::PHONE, Kind::Number, None,
                ctx.get(move |d| d.form.phone.clone()), set(|d, v| d.form.phone = v))}
        </section>
    }
}

/// Where the draft's round is older than today's: says so, with a button to move to today's round.
#[component]
pub fn NewerRoundNotice() -> impl IntoView {
    let persistence = expect_context::<super::persist::Persistence>();
    let draft = persistence.draft;
    let note = Memo::new(move |_| draft.with(|d| newer_round_note(d.applicant.plan_year)));
    move || {
        note.get().map(|(year, text)| {
            view! {
                <div class="notice notice--info" data-newer-round=year>
                    <p>{text}</p>
                    <button type="button" class="button button--secondary"
                        on:click=move |_| draft.update(|d| d.applicant.plan_year = year)>
                        {format!("改用 {year} 年度")}
                    </button>
                </div>
            }
        })
    }
}

/// 评审计划: the rounds this draft may be checked against. Step 3 asks it first, and the overview
/// too, before step 1, where the portal asks it (search 机电, pick the plan).
pub fn plan_select(ctx: FormCtx) -> AnyView {
    let draft_year = ctx.draft.with_untracked(|d| d.applicant.plan_year);
    let offered: Vec<Plan> = offered_rounds(draft_year);
    let plan_labels: Vec<String> = offered.iter().map(Plan::label).collect();
    let offered_years: Vec<i32> = offered.iter().map(|p| p.year).collect();
    let years_for_set = offered_years.clone();
    select(
        ctx,
        &info_fields::PLAN,
        plan_labels,
        ctx.get(move |d| option_value(&offered_years, &plan_by_choice(d.applicant.plan_year).year)),
        set(move |d, v| d.applicant.plan_year = chosen(&years_for_set, &v).copied().unwrap_or(0)),
    )
}

#[component]
fn PlanSection(ctx: FormCtx, assessment: Memo<Assessment>) -> impl IntoView {
    let draft_year = ctx.draft.with_untracked(|d| d.applicant.plan_year);
    let specialties = move || {
        assessment.with(|a| {
            a.plan
                .common_specialties
                .iter()
                .map(|s| view! { <option value=s.clone()></option> })
                .collect::<Vec<_>>()
        })
    };
    let point_phone = move || {
        let chosen = ctx.draft.with(|d| d.form.acceptance_point.clone());
        assessment.with(|a| {
            a.plan
                .acceptance_points
                .iter()
                .find(|p| p.name == chosen)
                .map(|p| format!("{}，电话：{}", p.organizer, p.phones.join("、")))
        })
    };
    let plan_note = move || assessment.with(|a| a.plan.derived_note());
    let points: Vec<String> = plan_by_choice(draft_year)
        .acceptance_points
        .iter()
        .map(|a| a.name.clone())
        .collect();
    let points_for_get = points.clone();
    let points_for_set = points.clone();
    view! {
        <section class="form-section" aria-labelledby="plan-title">
            <h2 id="plan-title">"申报计划与级别"</h2>
            <NewerRoundNotice/>
            {plan_select(ctx)}
            {move || plan_note().map(|note| view! { <p class="hint" data-plan-note>{note}</p> })}
            {choice(ctx, &info_fields::LEVEL, Level::ALL, Level::label,
                ctx.read(move |d| d.applicant.level), |d, v| d.applicant.level = v)}
            {choice(ctx, &info_fields::MODE, ApplyMode::ALL, ApplyMode::label,
                ctx.read(move |d| d.applicant.mode), |d, v| d.applicant.mode = v)}
            <LevelVerdict assessment=assessment/>
            {input(ctx, &info_fields::SPECIALTY, Kind::Text, Some("specialty-suggestions"),
                ctx.get(move |d| d.form.specialty.clone()), set(|d, v| d.form.specialty = v))}
            <datalist id="specialty-suggestions">{specialties}</datalist>
            {select(ctx, &info_fields::ACCEPTANCE_POINT, points,
                ctx.get(move |d| option_value(&points_for_get, &d.form.acceptance_point)),
                set(move |d, v| d.form.acceptance_point =
                    chosen(&points_for_set, &v).cloned().unwrap_or_default()))}
            <p class="hint" data-testid="acceptance-phone">{point_phone}</p>
        </section>
    }
}

mod eligibility_panel;
mod extras;
mod history;
mod titles;

pub use eligibility_panel::*;
use extras::*;
use history::*;
use titles::*;

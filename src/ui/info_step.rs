//! Step 3 填写申报信息: every field the portal asks at this step, grouped as on the portal, with
//! the rules core's checks and a live eligibility panel.

use super::entry_list::{add_button, entries, ListSpec};
use super::fields::{
    checkbox_field, choice_field, input_field, select_field, set, ErrorSummary, FormCtx, Kind,
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
    FormCtx {
        draft,
        problems,
        shown: Signal::derive(move || draft.with(|d| d.form.validated)),
    }
}

#[component]
pub fn InfoStep(ctx: FormCtx, assessment: Memo<Assessment>) -> impl IntoView {
    view! {
        <ErrorSummary ctx=ctx/>
        <p class="hint">"除标有「（选填）」的项目外都要填写。填好后按页面底部的「下一步」，本工具会逐项检查。"</p>
        <BasicSection ctx=ctx/>
        <PlanSection ctx=ctx assessment=assessment/>
        <EducationSection ctx=ctx/>
        <WorkSection ctx=ctx/>
        <QualificationSection ctx=ctx/>
        <SkillSection ctx=ctx/>
        <ExtrasSection ctx=ctx assessment=assessment/>
        <EligibilityPanel assessment=assessment/>
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
                    ctx.get(move |d| {
                        let current = d.basic.get(field);
                        options
                            .iter()
                            .position(|o| *o == current)
                            .map(|i| i.to_string())
                            .unwrap_or_default()
                    }),
                    set(move |d, v| {
                        let chosen = v.parse::<usize>().ok().and_then(|i| options.get(i));
                        d.basic
                            .set(field, chosen.map(|s| s.to_string()).unwrap_or_default());
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
            <div class="field">
                <label for="series">"所属专业技术职务系列"</label>
                <input id="series" type="text" value=SERIES readonly aria-describedby="series-hint"/>
                <p class="hint" id="series-hint">
                    "机电专业固定选「工程技术」：平台提示不同系列对应不同的业绩档案内容项，选错要重填。"
                </p>
            </div>
            {input_field(ctx, "id-number", "身份证号", Kind::Text, true,
                Some("18 位，最后一位可以是 X；本工具只在本机检查校验位"), None,
                ctx.get(move |d| d.form.id_number.clone()), set(|d, v| d.form.id_number = v))}
            {input_field(ctx, "phone", "手机号码", Kind::Number, true, None, None,
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

#[component]
fn PlanSection(ctx: FormCtx, assessment: Memo<Assessment>) -> impl IntoView {
    let draft_year = ctx.draft.with_untracked(|d| d.applicant.plan_year);
    let offered: Vec<Plan> = offered_rounds(draft_year);
    let plan_labels: Vec<String> = offered.iter().map(Plan::label).collect();
    let offered_years: Vec<i32> = offered.iter().map(|p| p.year).collect();
    let years_for_set = offered_years.clone();
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
            {select_field(ctx, "plan", "评审计划", false,
                Some("默认是今天可以申报的年度；请与平台上选择的计划一致"),
                plan_labels,
                ctx.get(move |d| {
                    let year = plan_by_choice(d.applicant.plan_year).year;
                    offered_years.iter().position(|y| *y == year).map(|i| i.to_string()).unwrap_or_default()
                }),
                set(move |d, v| {
                    d.applicant.plan_year = v.parse::<usize>().ok().and_then(|i| years_for_set.get(i)).copied().unwrap_or(0);
                }))}
            {move || plan_note().map(|note| view! { <p class="hint" data-plan-note>{note}</p> })}
            {choice_field(ctx, "level", "申报级别", None, Level::ALL, Level::label,
                ctx.read(move |d| d.applicant.level), |d, v| d.applicant.level = v)}
            {choice_field(ctx, "mode", "申报方式", None, ApplyMode::ALL, ApplyMode::label,
                ctx.read(move |d| d.applicant.mode), |d, v| d.applicant.mode = v)}
            {input_field(ctx, "specialty", "现从事专业", Kind::Text, false,
                Some("一般 4 个字，最多 8 个字；可从常用名称中选，以平台选项为准"),
                Some("specialty-suggestions"),
                ctx.get(move |d| d.form.specialty.clone()), set(|d, v| d.form.specialty = v))}
            <datalist id="specialty-suggestions">{specialties}</datalist>
            {select_field(ctx, "acceptance-point", "受理点", false, None, points,
                ctx.get(move |d| points_for_get.iter().position(|p| *p == d.form.acceptance_point)
                    .map(|i| i.to_string()).unwrap_or_default()),
                set(move |d, v| d.form.acceptance_point = v.parse::<usize>().ok()
                    .and_then(|i| points_for_set.get(i)).cloned().unwrap_or_default()))}
            <p class="hint" data-testid="acceptance-phone">{point_phone}</p>
        </section>
    }
}

const EDUCATION: ListSpec<Education> = ListSpec {
    add_id: "education-add",
    add_label: "添加一条学历",
    row: false,
    items: |d| &d.applicant.education,
    items_mut: |d| &mut d.applicant.education,
    legend: |_, i| format!("第 {} 条学历", i + 1),
    remove_label: |i| format!("删除第 {} 条学历", i + 1),
};

#[component]
fn EducationSection(ctx: FormCtx) -> impl IntoView {
    let draft = ctx.draft;
    let fields = move |i: usize| {
        let read = move |f: fn(&Education) -> String| EDUCATION.text(ctx, i, f);
        let write = move |f: fn(&mut Education, String)| EDUCATION.put(i, f);
        view! {
                        {choice_field(ctx, format!("edu-{i}-level"), "学历层次",
                            Some("技工院校中级工班、高级工班、预备技师（技师）班分别按中专、大专、本科对待（第十八条）"),
                            EducationLevel::ALL, EducationLevel::label,
                            ctx.read(move |d| d.applicant.education.get(i).map(|e| e.level).unwrap_or_default()),
                            move |d, v| if let Some(e) = d.applicant.education.get_mut(i) { e.level = v })}
                        {input_field(ctx, format!("edu-{i}-school"), "学校", Kind::Text, false, None, None,
                            read(|e| e.school.clone()), write(|e, v| e.school = v))}
                        {input_field(ctx, format!("edu-{i}-major"), "所学专业", Kind::Text, false, None, None,
                            read(|e| e.major.clone()), write(|e, v| e.major = v))}
                        {choice_field(ctx, format!("edu-{i}-related"), "与机电专业相关（相同或相近）",
                            Some("第十九条：机电类、机械类、电子类、电气类、自动化类、工业设计类、金属材料类、计算机类为相关专业；不相关的学历按「不具备规定学历」对待（第十三条）"),
                            YesNo::ALL, YesNo::label,
                            ctx.read(move |d| d.applicant.education.get(i).map(|e| e.related).unwrap_or_default()),
                            move |d, v| if let Some(e) = d.applicant.education.get_mut(i) { e.related = v })}
                        {checkbox_field(ctx, format!("edu-{i}-degree"), "同时取得学位证书",
                            ctx.read(move |d| d.applicant.education.get(i).is_some_and(|e| e.degree_certificate)),
                            move |d, v| if let Some(e) = d.applicant.education.get_mut(i) { e.degree_certificate = v })}
                        {input_field(ctx, format!("edu-{i}-graduation"), "毕业日期", Kind::Date, false, None, None,
                            read(|e| e.graduation_date.clone()), write(|e, v| e.graduation_date = v))}
                        {choice_field(ctx, format!("edu-{i}-origin"), "学历取得地", None,
                            DegreeOrigin::ALL, DegreeOrigin::label,
                            ctx.read(move |d| d.applicant.education.get(i).map(|e| e.origin).unwrap_or_default()),
                            move |d, v| if let Some(e) = d.applicant.education.get_mut(i) { e.origin = v })}
        }
        .into_any()
    };
    view! {
        <section class="form-section" aria-labelledby="education-title">
            <h2 id="education-title">"学历（教育经历）"</h2>
            {entries(draft, EDUCATION, fields)}
            {add_button(draft, EDUCATION, |d| d.applicant.education.push(Education::default()))}
        </section>
    }
}

const WORK: ListSpec<WorkPeriod> = ListSpec {
    add_id: "work-add",
    add_label: "添加一条工作经历",
    row: false,
    items: |d| &d.applicant.work,
    items_mut: |d| &mut d.applicant.work,
    legend: |_, i| format!("第 {} 条工作经历", i + 1),
    remove_label: |i| format!("删除第 {} 条工作经历", i + 1),
};

#[component]
fn WorkSection(ctx: FormCtx) -> impl IntoView {
    let draft = ctx.draft;
    let fields = move |i: usize| {
        let read = move |f: fn(&WorkPeriod) -> String| WORK.text(ctx, i, f);
        let write = move |f: fn(&mut WorkPeriod, String)| WORK.put(i, f);
        view! {
                        {input_field(ctx, format!("work-{i}-unit"), "工作单位", Kind::Text, false, None, None,
                            read(|w| w.unit.clone()), write(|w, v| w.unit = v))}
                        {input_field(ctx, format!("work-{i}-from"), "开始时间", Kind::Date, false, None, None,
                            read(|w| w.from.clone()), write(|w, v| w.from = v))}
                        {input_field(ctx, format!("work-{i}-to"), "结束时间", Kind::Date, true,
                            Some("至今在职就空着；须与劳动合同、社保记录一致"), None,
                            read(|w| w.to.clone()), write(|w, v| w.to = v))}
                        {choice_field(ctx, format!("work-{i}-kind"), "工作性质",
                            Some("在机关从事的工作年限可计入专业工作年限（第十四条）"),
                            WorkKind::ALL, WorkKind::label,
                            ctx.read(move |d| d.applicant.work.get(i).map(|w| w.kind).unwrap_or_default()),
                            move |d, v| if let Some(w) = d.applicant.work.get_mut(i) { w.kind = v })}
                        {input_field(ctx, format!("work-{i}-post"), "行政职务", Kind::Text, true,
                            Some("有行政职务的，佐证材料要加上行政任命文件"), None,
                            read(|w| w.administrative_post.clone()), write(|w, v| w.administrative_post = v))}
        }
        .into_any()
    };
    // 「以上」 includes the number (第二十条): 3 months are enough.
    let months = crate::rules::rules_file::active()
        .conditions
        .social_insurance_months;
    let insurance_hint =
        format!("须有 {months} 个月以上（含 {months} 个月；申报通知二.4、第二十条）");
    view! {
        <section class="form-section" aria-labelledby="work-title">
            <h2 id="work-title">"工作经历"</h2>
            {entries(draft, WORK, fields)}
            {add_button(draft, WORK, |d| d.applicant.work.push(WorkPeriod::default()))}
            {input_field(ctx, "professional-start", "从事专业技术工作起始时间", Kind::Date, false,
                Some("参加工作时间以首次缴纳社保为准；这里填开始从事机电相关专业技术工作的时间"), None,
                ctx.get(move |d| d.applicant.professional_start_date.clone()),
                set(|d, v| d.applicant.professional_start_date = v))}
            {input_field(ctx, "insurance-months", "申报截止前在温州缴纳社保的月数", Kind::Number, false,
                Some(&insurance_hint), None,
                ctx.get(move |d| d.form.insurance_months.clone()),
                set(|d, v| { d.applicant.wenzhou_insurance_months = parse_count(&v).ok().flatten(); d.form.insurance_months = v; }))}
        </section>
    }
}

const QUALIFICATIONS: ListSpec<Qualification> = ListSpec {
    add_id: "qualification-add",
    add_label: "添加资格证书",
    row: false,
    items: |d| &d.form.qualifications,
    items_mut: |d| &mut d.form.qualifications,
    legend: |_, i| format!("资格 {}", i + 1),
    remove_label: |i| format!("删除资格 {}", i + 1),
};

#[component]
fn QualificationSection(ctx: FormCtx) -> impl IntoView {
    let draft = ctx.draft;
    let is_transfer = move || draft.with(|d| d.applicant.mode == ApplyMode::Transfer);
    let shows_qualifications = move || {
        draft.with(|d| {
            d.applicant.qualification_type.is_set()
                && d.applicant.qualification_type != QualificationType::NoQualification
        })
    };
    let count = Memo::new(move |_| draft.with(|d| d.form.qualifications.len()));
    let fields = move |i: usize| {
        let read = move |f: fn(&Qualification) -> String| QUALIFICATIONS.text(ctx, i, f);
        let write = move |f: fn(&mut Qualification, String)| QUALIFICATIONS.put(i, f);
        view! {
                        {input_field(ctx, format!("qual-{i}-name"), "资格名称", Kind::Text, false, None, None,
                            read(|q| q.name.clone()), write(|q, v| q.name = v))}
                        {input_field(ctx, format!("qual-{i}-date"), "取得时间", Kind::Date, false, None, None,
                            read(|q| q.date.clone()), write(|q, v| q.date = v))}
                        {input_field(ctx, format!("qual-{i}-authority"), "发证机关", Kind::Text, false, None, None,
                            read(|q| q.authority.clone()), write(|q, v| q.authority = v))}
        }
        .into_any()
    };
    let shows_appointment = move || draft.with(|d| d.applicant.appointment == Appointment::Yes);
    view! {
        <section class="form-section" aria-labelledby="qualification-title">
            <h2 id="qualification-title">"现有职称、资格类型与聘任"</h2>
            {choice_field(ctx, "current-title", "现有机电专业职称", None, TitleLevel::ALL, TitleLevel::label,
                ctx.read(move |d| d.applicant.current_title), |d, v| d.applicant.current_title = v)}
            {input_field(ctx, "current-title-date", "现有职称取得时间", Kind::Date, true,
                Some("没有职称就空着"), None,
                ctx.get(move |d| d.applicant.current_title_date.clone()), set(|d, v| d.applicant.current_title_date = v))}
            <Show when=is_transfer>
                {choice_field(ctx, "other-title", "已取得的其他专业职称（转评）", None, TitleLevel::ALL, TitleLevel::label,
                    ctx.read(move |d| d.applicant.other_title), |d, v| d.applicant.other_title = v)}
                {input_field(ctx, "other-title-date", "其他专业职称取得时间", Kind::Date, false, None, None,
                    ctx.get(move |d| d.applicant.other_title_date.clone()), set(|d, v| d.applicant.other_title_date = v))}
                {input_field(ctx, "other-title-specialty", "其他专业职称的专业", Kind::Text, false, None, None,
                    ctx.get(move |d| d.applicant.other_title_specialty.clone()), set(|d, v| d.applicant.other_title_specialty = v))}
            </Show>
            {choice_field(ctx, "qualification-type", "资格类型",
                Some("按申报途径选择：经技术员/助理工程师职称申报选「专业技术职务任职资格」，经技能等级申报选「职业资格」，按学历申报选「无」（指南五.4.(3)）"),
                QualificationType::ALL, QualificationType::label,
                ctx.read(move |d| d.applicant.qualification_type), |d, v| d.applicant.qualification_type = v)}
            <Show when=shows_qualifications>
                {entries(draft, QUALIFICATIONS, fields)}
                <Show when=move || count.get() < MAX_QUALIFICATIONS>
                    {add_button(draft, QUALIFICATIONS, |d| d.form.qualifications.push(Qualification::default()))}
                </Show>
            </Show>
            {choice_field(ctx, "appointment", "专业技术职务聘任情况",
                Some("只有助理工程师申报工程师（聘期 4 年，破格 3 年）和工程师转评（1 年）需要聘书，其他人选「无」（指南五.4.(4)）"),
                Appointment::ALL, Appointment::label,
                ctx.read(move |d| d.applicant.appointment), |d, v| d.applicant.appointment = v)}
            <Show when=shows_appointment>
                {input_field(ctx, "appointment-title", "聘任职务", Kind::Text, false, None, None,
                    ctx.get(move |d| d.form.appointment_title.clone()), set(|d, v| d.form.appointment_title = v))}
                {input_field(ctx, "appointment-from", "聘任开始时间", Kind::Date, false, None, None,
                    ctx.get(move |d| d.form.appointment_from.clone()), set(|d, v| d.form.appointment_from = v))}
                {input_field(ctx, "appointment-to", "聘任结束时间", Kind::Date, true, Some("仍在聘期就空着"), None,
                    ctx.get(move |d| d.form.appointment_to.clone()), set(|d, v| d.form.appointment_to = v))}
            </Show>
        </section>
    }
}

const CERTIFICATES: ListSpec<SkillCertificate> = ListSpec {
    add_id: "skill-add",
    add_label: "添加一张技能等级证书",
    row: false,
    items: |d| &d.applicant.skill_certificates,
    items_mut: |d| &mut d.applicant.skill_certificates,
    legend: |_, i| format!("第 {} 张技能等级证书", i + 1),
    remove_label: |i| format!("删除第 {} 张技能等级证书", i + 1),
};

#[component]
fn SkillSection(ctx: FormCtx) -> impl IntoView {
    let draft = ctx.draft;
    let honours = SkillHonour::ALL
        .iter()
        .enumerate()
        .map(|(index, honour)| {
            let honour = *honour;
            let held = move || draft.with(|d| d.applicant.honours.iter().any(|h| h.honour == honour));
            view! {
                {checkbox_field(
                    ctx,
                    format!("honour-{index}"),
                    honour.label(),
                    ctx.read(move |d| d.applicant.honours.iter().any(|h| h.honour == honour)),
                    move |d, on| {
                        let had = d.applicant.honours.iter().any(|h| h.honour == honour);
                        if on && !had {
                            d.applicant.honours.push(HeldHonour { honour, date: String::new() });
                        } else if !on {
                            d.applicant.honours.retain(|h| h.honour != honour);
                        }
                    },
                )}
                <Show when=held>
                    {input_field(ctx, format!("honour-{index}-date"), format!("「{}」取得时间", honour.label()), Kind::Date, false,
                        Some("证书或文件上的日期；晚于本年度业绩截止日取得的，本次不计"), None,
                        ctx.get(move |d| d.applicant.honours.iter().find(|h| h.honour == honour).map(|h| h.date.clone()).unwrap_or_default()),
                        set(move |d, v| if let Some(h) = d.applicant.honours.iter_mut().find(|h| h.honour == honour) { h.date = v }))}
                </Show>
            }
        })
        .collect::<Vec<_>>();
    let fields = move |i: usize| {
        let read = move |f: fn(&SkillCertificate) -> String| CERTIFICATES.text(ctx, i, f);
        let write = move |f: fn(&mut SkillCertificate, String)| CERTIFICATES.put(i, f);
        view! {
                        {choice_field(ctx, format!("skill-{i}-level"), "职业技能等级", None,
                            &SkillLevel::ALL[1..], SkillLevel::label,
                            ctx.read(move |d| d.applicant.skill_certificates.get(i).map(|c| c.level).unwrap_or_default()),
                            move |d, v| if let Some(c) = d.applicant.skill_certificates.get_mut(i) { c.level = v })}
                        {input_field(ctx, format!("skill-{i}-trade"), "职业（工种）", Kind::Text, true,
                            Some("照证书上写，如「钳工」「电工」"), None,
                            read(|c| c.trade.clone()), write(|c, v| c.trade = v))}
                        {choice_field(ctx, format!("skill-{i}-related"), "工种与机电专业相关（相同或相近）", None,
                            YesNo::ALL, YesNo::label,
                            ctx.read(move |d| d.applicant.skill_certificates.get(i).map(|c| c.related).unwrap_or_default()),
                            move |d, v| if let Some(c) = d.applicant.skill_certificates.get_mut(i) { c.related = v })}
                        {input_field(ctx, format!("skill-{i}-date"), "发证日期", Kind::Date, false,
                            Some("晚于本年度业绩截止日取得的证书，本次不计"), None,
                            read(|c| c.date.clone()), write(|c, v| c.date = v))}
        }
        .into_any()
    };
    let may_add = move || draft.with(|d| d.applicant.has_skill_certificate != YesNo::No);
    view! {
        <section class="form-section" aria-labelledby="skill-title">
            <h2 id="skill-title">"职业技能"</h2>
            {choice_field(ctx, "has-skill", "有没有职业技能等级证书",
                Some("有几张就添加几张（包括以前的低等级证书）：技能人才途径从第一次取得所要求等级或更高等级的证书算起，计分取最高的一张相关证书"),
                YesNo::ALL, YesNo::label,
                ctx.read(move |d| d.applicant.skill_answer()),
                |d, v| {
                    d.applicant.has_skill_certificate = v;
                    if v == YesNo::Yes && d.applicant.skill_certificates.is_empty() {
                        d.applicant.skill_certificates.push(SkillCertificate::default());
                    }
                })}
            {entries(draft, CERTIFICATES, fields)}
            <Show when=may_add>
                {add_button(draft, CERTIFICATES, |d| {
                    d.applicant.has_skill_certificate = YesNo::Yes;
                    d.applicant.skill_certificates.push(SkillCertificate::default());
                })}
            </Show>
            <fieldset class="checkbox-group">
                <legend>"技能荣誉（选填，有就勾选并填取得时间）"</legend>
                {honours}
            </fieldset>
        </section>
    }
}

#[component]
fn ExtrasSection(ctx: FormCtx, assessment: Memo<Assessment>) -> impl IntoView {
    let draft = ctx.draft;
    let counties = move || {
        assessment.with(|a| {
            a.plan
                .mountain_counties
                .iter()
                .map(|c| view! { <option value=c.county.clone()>{format!("{}（{}）", c.county, c.city)}</option> })
                .collect::<Vec<_>>()
        })
    };
    let is_exceptional = move || draft.with(|d| d.applicant.mode == ApplyMode::Exceptional);
    view! {
        <section class="form-section" aria-labelledby="extras-title">
            <h2 id="extras-title">"外语、计算机、岗位与其他"</h2>
            {choice_field(ctx, "foreign-language", "职称外语 / 大学英语", None, ForeignLanguage::ALL, ForeignLanguage::label,
                ctx.read(move |d| d.applicant.foreign_language), |d, v| d.applicant.foreign_language = v)}
            {input_field(ctx, "computer-modules", "计算机应用能力考试合格模块数", Kind::Number, true,
                Some("4 个及以上模块 2 分，3 个模块 1 分"), None,
                ctx.get(move |d| d.form.computer_modules.clone()),
                set(|d, v| { d.applicant.computer_modules = parse_count(&v).ok().flatten().unwrap_or(0); d.form.computer_modules = v; }))}
            {choice_field(ctx, "tech-post", "技术职务", None, TechPost::ALL, TechPost::label,
                ctx.read(move |d| d.applicant.tech_post), |d, v| d.applicant.tech_post = v)}
            {choice_field(ctx, "unit-size", "单位规模",
                Some("大中型：年营业收入超过 2000 万元且员工超过 200 人；其余为小微"),
                UnitSize::ALL, UnitSize::label,
                ctx.read(move |d| d.applicant.unit_size), |d, v| d.applicant.unit_size = v)}
            {checkbox_field(ctx, "income", "年工资薪金收入 12 万元及以上（需上传上一年度完税证明）",
                ctx.read(move |d| d.applicant.income_over_120k), |d, v| d.applicant.income_over_120k = v)}
            {input_field(ctx, "mountain-years", "在 26 个山区县从事专业技术工作的整年数", Kind::Number, true,
                Some("每满 1 年加 0.5 分，最多 3 分；需单位盖章证明"), None,
                ctx.get(move |d| d.form.mountain_years.clone()),
                set(|d, v| { d.applicant.mountain_years = parse_count(&v).ok().flatten().unwrap_or(0); d.form.mountain_years = v; }))}
            <div class="field">
                <label for="mountain-county">"山区县"<span class="optional">"（选填）"</span></label>
                <select id="mountain-county" aria-describedby="mountain-county-error"
                    prop:value=move || draft.with(|d| d.applicant.mountain_county.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.applicant.mountain_county = v); }>
                    <option value="">"请选择"</option>
                    {counties}
                </select>
                <p class="error-text" id="mountain-county-error">{move || {
                    if !ctx.shown.get() { return String::new(); }
                    ctx.problems.with(|all| all.iter().filter(|p| p.field == "mountain-county").map(|p| p.message.clone()).collect::<Vec<_>>().join("；"))
                }}</p>
            </div>
            <Show when=is_exceptional>
                {input_field(ctx, "expert-recommendations", "签字推荐的副高及以上专家人数", Kind::Number, false,
                    Some("破格申报须两名副高及以上职称专家签字推荐（第十条（四））"), None,
                    ctx.get(move |d| d.form.expert_recommendations.clone()),
                    set(|d, v| { d.applicant.expert_recommendations = parse_count(&v).ok().flatten().unwrap_or(0); d.form.expert_recommendations = v; }))}
            </Show>
        </section>
    }
}

/// One verdict with its status, the article it cites, what is short (and, for a route short
/// only of time, the round it opens in) and its messages.
fn verdict_item(v: &Verdict, opens: Option<&String>) -> impl IntoView {
    let opens = opens.cloned();
    view! {
        <li class=format!("route route--{}", v.status.key()) data-route=v.id.clone()
            data-status=v.status.key()>
            <p class="route__head">
                <span class="route__badge">{v.status.label()}</span>
                <strong>{v.cite.clone()}</strong>" "{v.title.clone()}
            </p>
            {v.shortfall.clone().map(|s| view! { <p class="route__shortfall">{s}</p> })}
            {opens.map(|o| view! { <p class="route__opens" data-opens>{o}</p> })}
            <ul class="route__messages">
                {v.messages.iter().map(|m| view! { <li>{m.clone()}</li> }).collect::<Vec<_>>()}
            </ul>
        </li>
    }
}

#[component]
pub fn EligibilityPanel(assessment: Memo<Assessment>) -> impl IntoView {
    let body = move || {
        assessment.with(|a| {
            let e = &a.eligibility;
            let routes = e
                .routes
                .iter()
                .map(|r| verdict_item(&r.verdict, r.opens.as_ref()))
                .collect::<Vec<_>>();
            let general = e.general.iter().map(|v| verdict_item(v, None)).collect::<Vec<_>>();
            let advice = e.advice.as_ref().map(|advice| {
                view! {
                    <div class="advice">
                        <h3>"平台上应这样选"</h3>
                        <p>{format!("按{}申报：申报方式「{}」，资格类型「{}」，聘任情况「{}」。",
                            advice.cite, advice.mode.label(), advice.qualification_type.label(), advice.appointment.label())}</p>
                        {advice.messages.iter().map(|m| view! { <p>{m.clone()}</p> }).collect::<Vec<_>>()}
                    </div>
                }
            });
            let hints = e
                .hints
                .iter()
                .map(|h| view! { <p class="hint-box"><strong>{h.cite.clone()}</strong>" "{h.message.clone()}</p> })
                .collect::<Vec<_>>();
            view! {
                <p class=format!("eligibility__status eligibility__status--{}", e.status.key())
                    data-eligibility=e.status.key()>
                    {format!("{}：{}", e.level.label(), e.status.label())}
                </p>
                {e.summary.iter().map(|s| view! { <p>{s.clone()}</p> }).collect::<Vec<_>>()}
                {advice}
                {hints}
                <h3>"申报途径"</h3>
                <ul class="routes">{routes}</ul>
                <h3>"基本条件"</h3>
                <ul class="routes">{general}</ul>
            }
        })
    };
    view! {
        <section class="eligibility" aria-labelledby="eligibility-title" aria-live="polite">
            <h2 id="eligibility-title">"申报条件核对"</h2>
            <p class="hint">{move || assessment.with(|a| format!("按{}，资历计算到 {}。{}", a.plan.label(), a.plan.seniority_cutoff.chinese(),
                a.plan.derived_note().map_or(String::new(), |n| format!("{n}。"))))}</p>
            {body}
        </section>
    }
}

//! Step 3 学历 and 工作经历: the two lists, the professional work start and the 社保 months.

use super::*;

pub(super) const EDUCATION: ListSpec<Education> = ListSpec {
    add_id: "education-add",
    add_label: "添加一条学历",
    row: false,
    items: |d| &d.applicant.education,
    items_mut: |d| &mut d.applicant.education,
    legend: |_, i| format!("第 {} 条学历", i + 1),
    remove_label: |i| format!("删除第 {} 条学历", i + 1),
};

#[component]
pub(super) fn EducationSection(ctx: FormCtx) -> impl IntoView {
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

pub(super) const WORK: ListSpec<WorkPeriod> = ListSpec {
    add_id: "work-add",
    add_label: "添加一条工作经历",
    row: false,
    items: |d| &d.applicant.work,
    items_mut: |d| &mut d.applicant.work,
    legend: |_, i| format!("第 {} 条工作经历", i + 1),
    remove_label: |i| format!("删除第 {} 条工作经历", i + 1),
};

#[component]
pub(super) fn WorkSection(ctx: FormCtx) -> impl IntoView {
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
            {input(ctx, &info_fields::PROFESSIONAL_START, Kind::Date, None,
                ctx.get(move |d| d.applicant.professional_start_date.clone()),
                set(|d, v| d.applicant.professional_start_date = v))}
            {input_field(ctx, info_fields::INSURANCE_MONTHS.id, info_fields::INSURANCE_MONTHS.label, Kind::Number, false,
                Some(&insurance_hint), None,
                ctx.get(move |d| d.form.insurance_months.clone()),
                set(|d, v| { d.applicant.wenzhou_insurance_months = parse_count(&v).ok().flatten(); d.form.insurance_months = v; }))}
        </section>
    }
}

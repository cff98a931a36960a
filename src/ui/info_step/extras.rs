//! Step 3 外语、计算机、岗位与其他, with the 山区县 choice and the 破格 experts.

use super::*;

#[component]
pub(super) fn ExtrasSection(ctx: FormCtx, assessment: Memo<Assessment>) -> impl IntoView {
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

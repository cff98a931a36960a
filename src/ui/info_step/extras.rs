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
            // All of them only add points (基本条件 table): folded until one is answered.
            <details class="fold" prop:open=move || draft.with_untracked(Draft::has_bonus_answers)>
            <summary>"加分项（选填）：职称外语、计算机、技术职务、单位规模、工资收入、山区县工作年限"</summary>
            {choice(ctx, &info_fields::FOREIGN_LANGUAGE, ForeignLanguage::ALL, ForeignLanguage::label,
                ctx.read(move |d| d.applicant.foreign_language), |d, v| d.applicant.foreign_language = v)}
            {input(ctx, &info_fields::COMPUTER_MODULES, Kind::Number, None,
                ctx.get(move |d| d.form.computer_modules.clone()),
                set(|d, v| { d.applicant.computer_modules = parse_count(&v).ok().flatten().unwrap_or(0); d.form.computer_modules = v; }))}
            {choice(ctx, &info_fields::TECH_POST, TechPost::ALL, TechPost::label,
                ctx.read(move |d| d.applicant.tech_post), |d, v| d.applicant.tech_post = v)}
            {choice(ctx, &info_fields::UNIT_SIZE,
                UnitSize::ALL, UnitSize::label,
                ctx.read(move |d| d.applicant.unit_size), |d, v| d.applicant.unit_size = v)}
            {checkbox(ctx, &info_fields::INCOME,
                ctx.read(move |d| d.applicant.income_over_120k), |d, v| d.applicant.income_over_120k = v)}
            {input(ctx, &info_fields::MOUNTAIN_YEARS, Kind::Number, None,
                ctx.get(move |d| d.form.mountain_years.clone()),
                set(|d, v| { d.applicant.mountain_years = parse_count(&v).ok().flatten().unwrap_or(0); d.form.mountain_years = v; }))}
            <div class="field">
                <label for=info_fields::MOUNTAIN_COUNTY.id>{info_fields::MOUNTAIN_COUNTY.label}<span class="optional">"（选填）"</span></label>
                <select id=info_fields::MOUNTAIN_COUNTY.id aria-describedby="mountain-county-error"
                    prop:value=move || draft.with(|d| d.applicant.mountain_county.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.applicant.mountain_county = v); }>
                    <option value="">"请选择"</option>
                    {counties}
                </select>
                <p class="error-text" id="mountain-county-error">{move || {
                    if !ctx.shows(info_fields::MOUNTAIN_COUNTY.id) { return String::new(); }
                    ctx.problems.with(|all| all.iter().filter(|p| p.field == info_fields::MOUNTAIN_COUNTY.id).map(|p| p.message.clone()).collect::<Vec<_>>().join("；"))
                }}</p>
            </div>
            </details>
            <Show when=is_exceptional>
                {input(ctx, &info_fields::EXPERT_RECOMMENDATIONS, Kind::Number, None,
                    ctx.get(move |d| d.form.expert_recommendations.clone()),
                    set(|d, v| { d.applicant.expert_recommendations = parse_count(&v).ok().flatten().unwrap_or(0); d.form.expert_recommendations = v; }))}
            </Show>
        </section>
    }
}

//! Step 3 现有职称、资格类型与聘任 and 职业技能: titles, qualifications, appointment, skill certificates and honours.

use super::*;

pub(super) const QUALIFICATIONS: ListSpec<Qualification> = ListSpec {
    add_id: "qualification-add",
    add_label: "添加资格证书",
    row: false,
    items: |d| &d.form.qualifications,
    items_mut: |d| &mut d.form.qualifications,
    legend: |_, i| format!("资格 {}", i + 1),
    remove_label: |i| format!("删除资格 {}", i + 1),
};

#[component]
pub(super) fn QualificationSection(ctx: FormCtx) -> impl IntoView {
    let draft = ctx.draft;
    let is_transfer = move || draft.with(|d| d.applicant.mode == ApplyMode::Transfer);
    let shows_qualifications = move || {
        draft.with(|d| {
            d.applicant.qualification_type.is_set()
                && d.applicant.qualification_type != QualificationType::NoQualification
        })
    };
    let count = Memo::new(move |_| draft.with(|d| d.form.qualifications.len()));
    // The first 资格证书 is the 现有职称 (Draft::follow_current_title): say where it came from.
    let from_title = move || draft.with(Draft::qualification_is_current_title);
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
            {choice(ctx, &info_fields::CURRENT_TITLE, TitleLevel::ALL, TitleLevel::label,
                ctx.read(move |d| d.applicant.current_title), |d, v| {
                    let before = std::mem::replace(&mut d.applicant.current_title, v);
                    let date = d.applicant.current_title_date.clone();
                    d.follow_current_title(before, &date);
                })}
            {input(ctx, &info_fields::CURRENT_TITLE_DATE, Kind::Date, None,
                ctx.get(move |d| d.applicant.current_title_date.clone()), set(|d, v| {
                    let before = std::mem::replace(&mut d.applicant.current_title_date, v);
                    d.follow_current_title(d.applicant.current_title, &before);
                }))}
            <Show when=is_transfer>
                {choice(ctx, &info_fields::OTHER_TITLE, TitleLevel::ALL, TitleLevel::label,
                    ctx.read(move |d| d.applicant.other_title), |d, v| d.applicant.other_title = v)}
                {input(ctx, &info_fields::OTHER_TITLE_DATE, Kind::Date, None,
                    ctx.get(move |d| d.applicant.other_title_date.clone()), set(|d, v| d.applicant.other_title_date = v))}
                {input(ctx, &info_fields::OTHER_TITLE_SPECIALTY, Kind::Text, None,
                    ctx.get(move |d| d.applicant.other_title_specialty.clone()), set(|d, v| d.applicant.other_title_specialty = v))}
            </Show>
            {choice(ctx, &info_fields::QUALIFICATION_TYPE,
                QualificationType::ALL, QualificationType::label,
                ctx.read(move |d| d.applicant.qualification_type), |d, v| {
                    d.applicant.qualification_type = v;
                    let date = d.applicant.current_title_date.clone();
                    d.follow_current_title(d.applicant.current_title, &date);
                })}
            <Show when=shows_qualifications>
                <Show when=from_title>
                    <p class="hint" data-qualification-from-title>
                        "第 1 个资格的名称和取得时间取自上面的现有职称，请补上发证机关（证书上盖章的单位）。"
                    </p>
                </Show>
                {entries(draft, QUALIFICATIONS, fields)}
                <Show when=move || count.get() < MAX_QUALIFICATIONS>
                    {add_button(draft, QUALIFICATIONS, |d| d.form.qualifications.push(Qualification::default()))}
                </Show>
            </Show>
            {choice(ctx, &info_fields::APPOINTMENT,
                Appointment::ALL, Appointment::label,
                ctx.read(move |d| d.applicant.appointment), |d, v| d.applicant.appointment = v)}
            <Show when=shows_appointment>
                {input(ctx, &info_fields::APPOINTMENT_TITLE, Kind::Text, None,
                    ctx.get(move |d| d.form.appointment_title.clone()), set(|d, v| d.form.appointment_title = v))}
                {input(ctx, &info_fields::APPOINTMENT_FROM, Kind::Date, None,
                    ctx.get(move |d| d.form.appointment_from.clone()), set(|d, v| d.form.appointment_from = v))}
                {input(ctx, &info_fields::APPOINTMENT_TO, Kind::Date, None,
                    ctx.get(move |d| d.form.appointment_to.clone()), set(|d, v| d.form.appointment_to = v))}
            </Show>
        </section>
    }
}

pub(super) const CERTIFICATES: ListSpec<SkillCertificate> = ListSpec {
    add_id: "skill-add",
    add_label: "添加一张技能等级证书",
    row: false,
    items: |d| &d.applicant.skill_certificates,
    items_mut: |d| &mut d.applicant.skill_certificates,
    legend: |_, i| format!("第 {} 张技能等级证书", i + 1),
    remove_label: |i| format!("删除第 {} 张技能等级证书", i + 1),
};

#[component]
pub(super) fn SkillSection(ctx: FormCtx) -> impl IntoView {
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
            {choice(ctx, &info_fields::HAS_SKILL,
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
            // Few applicants hold one: folded, and open whenever one is ticked.
            <details class="fold" prop:open=move || draft.with_untracked(|d| !d.applicant.honours.is_empty())>
                <summary>"技能荣誉（选填）：如浙江省技术能手、全国技术能手、省首席技师"</summary>
                <fieldset class="checkbox-group">
                    <legend>"有就勾选，并填取得时间"</legend>
                    {honours}
                </fieldset>
            </details>
        </section>
    }
}

//! Step 2 真实性保证书: the pledge text, 「本人已阅读并承诺」, the name typed again and the date.

use super::fields::{checkbox_field, input_field, set, ErrorSummary, FormCtx, Kind};
use super::today;
use crate::rules::draft::Draft;
use crate::rules::form_checks::pledge_problems;
use leptos::prelude::*;

pub fn pledge_ctx(draft: RwSignal<Draft>) -> FormCtx {
    let today = today();
    FormCtx::new(
        draft,
        Memo::new(move |_| draft.with(|d| pledge_problems(d, today))),
    )
}

#[component]
pub fn PledgeStep(ctx: FormCtx) -> impl IntoView {
    let draft = ctx.draft;
    let fill_today = move |_| draft.update(|d| d.pledge.date = today().iso());
    let registered_name =
        move || draft.with(|d| Some(d.basic.name.trim().to_string()).filter(|n| !n.is_empty()));
    view! {
        <ErrorSummary ctx=ctx/>
        <div class="notice notice--info">
            <p>"以下保证书由本工具为演练编写，并非平台原文；在本工具里勾选和签名不会提交到任何地方。"</p>
        </div>
        <article class="pledge" aria-labelledby="pledge-title">
            <h2 id="pledge-title">"专业技术职务任职资格申报真实性保证书（演练）"</h2>
            <p>"本人自愿申报温州市企业人员机电专业专业技术职务任职资格，郑重保证："</p>
            <ol>
                <li>"所填写的个人信息、学历、工作经历、业绩成果等全部申报内容真实、准确、完整；"</li>
                <li>"所上传的证书、证明、论文、合同等佐证材料均为原件的真实扫描件，没有伪造、变造或冒用他人成果；"</li>
                <li>"没有隐瞒任何应当报告的严重违法违纪行为。"</li>
            </ol>
            <p>
                "如有违反，本人愿意承担相应后果：依照评价条件第二十一条，伪造学历、资历证书，提供虚假业绩材料，或有严重违法违纪行为未如实报告的，一经查实，取消已取得的资格，并三年内不得申报。"
            </p>
        </article>
        <section class="form-section" aria-labelledby="pledge-sign-title">
            <h2 id="pledge-sign-title">"承诺"</h2>
            {checkbox_field(ctx, "pledge-agree", "本人已阅读并承诺",
                ctx.read(move |d| d.pledge.agreed), |d, v| d.pledge.agreed = v)}
            {input_field(ctx, "pledge-name", "承诺人姓名", Kind::Text, false,
                Some("签上本人姓名"), None,
                ctx.get(move |d| d.pledge.name.clone()), set(|d, v| d.pledge.name = v))}
            // The match is asked only once there is a name to match (step 3 may come later).
            {move || registered_name().map(|name| view! {
                <p class="hint" data-pledge-name-note>{format!("须与「填写申报信息」中的姓名「{name}」一致。")}</p>
            })}
            {input_field(ctx, "pledge-date", "承诺日期", Kind::Date, false, None, None,
                ctx.get(move |d| d.pledge.date.clone()), set(|d, v| d.pledge.date = v))}
            <button type="button" class="button button--secondary button--small" on:click=fill_today>
                "填入今天的日期"
            </button>
        </section>
    }
}

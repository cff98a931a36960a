//! 「提交以前和提交以后」: what the real portal needs before its six steps (registration, the 业绩档案
//! approved by the employer, the 评审计划) and after submitting (公示, the reviews, the 评审表 to
//! stamp), as the guide (三, 六) describes them. Static text; linked from the overview and step 6.

use crate::rules::progress::{Page, Step};
use leptos::prelude::*;

#[component]
pub fn Process() -> impl IntoView {
    let assessment = super::assessment();
    let plan = move || assessment.with(|a| a.plan.label());
    view! {
        <nav class="breadcrumbs" aria-label="位置"><a href=Page::Overview.hash()>"返回总览"</a></nav>
        <h1 id="main-heading" tabindex="-1">"提交以前和提交以后"</h1>
        <p class="lead">"本工具演练的是平台上个人申报的六步。真实申报时，前后还有下面这些事。以下按 2022 年度的申报指南（三、六）整理，具体以当年的通知为准。"</p>
        <section class="prose" aria-labelledby="before-title">
            <h2 id="before-title">"提交以前"</h2>
            <ol data-process-before>
                <li>"用人单位和你本人分别在平台上注册（单位首次登录要上传盖章的委托证明，审核通过会收到 12333 短信）。"</li>
                <li>"登录个人账号，在「我的业绩档案」里填好学历、工作经历、继续教育、年度考核和业绩，并上传证书。本工具第 3、4 步演练的就是这些内容。"</li>
                <li><strong>"业绩档案要先由用人单位登录审核通过，"</strong>"申报时才能在「选择相关业绩」里选到它；档案没有审核完，不能申报。"</li>
                <li>{move || format!("点「职称评审」，搜索「机电」，选择本年度的评审计划（本工具现在按「{}」核对），看清编号，千万不要选错。", plan())}</li>
                <li>"然后才是这六步：上传证件照、真实性保证书、填写申报信息、选择相关业绩、上传相关附件、预览确认提交。"</li>
            </ol>
        </section>
        <section class="prose" aria-labelledby="after-title">
            <h2 id="after-title">"提交以后"</h2>
            <ol data-process-after>
                <li><strong>"提交就等于开始公示："</strong>"用人单位公示 5 个工作日，之后单位登录平台点「通过」。"</li>
                <li>"接着依次审核：单位审核 → 县（市、区）人力社保局审核 → 评委会审核 → 市人力社保局复审（较慢，请耐心等待）。"</li>
                <li>"被退回时，在「我的申报记录」里查看原因，改好后重新提交（不需要重新公示，单位要再审核一次）。改了业绩档案的，重新申报时要先忽略之前提取的业绩，再重新提取一遍。"</li>
                <li>"全部通过后，在「我的申报记录」里点「导出评审表」，下载评审表（一式两份），到单位和本人社保所在地的人力社保局盖章，两份分开装订，送温州市机电技术协会（报送时间另行通知）。"</li>
                <li>"申报时间结束后，协会会建群通知后续事项：评审表报送时间、笔试和答辩时间。"</li>
            </ol>
        </section>
        <p><a href=Page::Step(Step::Preview).hash()>"返回「预览确认提交」"</a></p>
    }
}

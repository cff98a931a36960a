//! The evidence the applicant must upload, derived from what they entered: for each item why it
//! is needed, what the one PDF must contain and its minimum page count (READING.md "Evidence
//! formats"), including the step-5 attachments that a claim makes necessary.

use super::applicant::{
    Applicant, ApplyMode, Appointment, DegreeOrigin, ForeignLanguage, QualificationType, TechPost,
};
use super::date::CivilDate;
use super::eligibility::PortalAdvice;
use super::plan::Plan;
use super::rules_file::table;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Place {
    /// 我的业绩档案 (filled before applying; 必填 sections and optional ones).
    Archive,
    /// Step 5 上传相关附件 (其他佐证材料 / 上传破格表格).
    Attachments,
    /// Step 3, next to the 资格类型 / 聘任情况 answers.
    PortalAnswer,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvidenceItem {
    /// Stable id: `education.0`, `work.1`, `continuing_education`, `evaluation.2021`,
    /// `achievement.3`, `attachment.tax`…
    pub id: String,
    /// The portal section, e.g. 「教育经历」「获奖情况」「其他佐证材料」.
    pub section: &'static str,
    pub place: Place,
    pub title: String,
    /// Why it is needed (which entry or claim, which rule).
    pub why: String,
    /// The parts the one PDF must hold, in order.
    pub parts: Vec<&'static str>,
    /// At least one page per part.
    pub min_pages: u32,
    /// Format and content notes.
    pub notes: Vec<&'static str>,
}

impl EvidenceItem {
    /// What to provide, in the applicant's words (step 5): one document is 「…，一个 PDF 文件」;
    /// several are to be put into one PDF in this order.
    pub fn requirement(&self) -> String {
        match self.parts.as_slice() {
            [] => "一个 PDF 文件".to_string(),
            [one] if self.min_pages <= 1 => format!("{one}，一个 PDF 文件"),
            [one] => format!("{one}，一个 PDF 文件（至少 {} 页）", self.min_pages),
            parts => format!(
                "{}，按这个顺序放进一个 PDF 文件（至少 {} 页）",
                parts.join("、"),
                self.min_pages
            ),
        }
    }
}

fn item(
    id: String,
    section: &'static str,
    place: Place,
    title: String,
    why: String,
    parts: &[&'static str],
) -> EvidenceItem {
    EvidenceItem {
        id,
        section,
        place,
        title,
        why,
        parts: parts.to_vec(),
        min_pages: parts.len().max(1) as u32,
        // That it must be a PDF is in the requirement line (`requirement`); what the file is
        // checked for is behind 「详细检查结果」 in step 5.
        notes: Vec::new(),
    }
}

/// Every evidence item the applicant's entries and claims require. `advice` is the portal
/// advice from eligibility (for 资格类型 / 聘任情况); without it the applicant's answers are used.
pub fn required_evidence(
    a: &Applicant,
    plan: &Plan,
    advice: Option<&PortalAdvice>,
) -> Vec<EvidenceItem> {
    let mut out = Vec::new();
    education_items(a, &mut out);
    for (i, w) in a.work.iter().enumerate() {
        let unit = if w.unit.trim().is_empty() {
            "（单位未填）"
        } else {
            w.unit.trim()
        };
        let mut parts = vec!["劳动合同书（遗失的可用单位出具的工作证明代替）"];
        if !w.administrative_post.trim().is_empty() {
            parts.push("企业出具的行政任命文件");
        }
        let mut it = item(
            format!("work.{i}"),
            "工作经历",
            Place::Archive,
            format!("工作经历：{unit}"),
            if parts.len() > 1 {
                format!(
                    "有行政职务「{}」，须同时上传行政任命文件（指南五.3.(2)）",
                    w.administrative_post.trim()
                )
            } else {
                "工作经历为必填项（指南五.3.(2)）".into()
            },
            &parts,
        );
        it.notes
            .push("起止时间、工作单位须与劳动合同、社保缴纳记录一致");
        out.push(it);
    }
    if !a.work.is_empty() || !a.professional_start_date.trim().is_empty() {
        out.push(item(
            "attachment.social_insurance".into(),
            "工作经历",
            Place::Archive,
            "社保缴纳记录".into(),
            format!(
                "专业工作年限计算需提交相应年度的社保缴纳记录；申报截止日前须有 3 个月以上在温社保（{}二.4）",
                plan.notice
            ),
            &["社保缴纳记录（含在温州缴纳的月份）"],
        ));
    }
    let mut ce = if a.ce_card_short {
        item(
            "continuing_education".into(),
            "继续教育",
            Place::Archive,
            "继续教育佐证（学时卡不齐）".into(),
            "继续教育为必填项；一张学时卡的学时不齐时须统计表加两张学时卡（指南五.3.(3)⑧）".into(),
            &[
                "统计表（带本人姓名的截图）",
                "学时卡：机电专业人员",
                "学时卡：工程技术（工程一）",
            ],
        )
    } else {
        item(
            "continuing_education".into(),
            "继续教育",
            Place::Archive,
            "继续教育佐证".into(),
            "继续教育为必填项（指南五.3.(3)⑦）".into(),
            &["统计表（带本人姓名的截图）", "学时卡"],
        )
    };
    ce.notes.push("每年按一般公需、行业公需、专业科目各填一行，学习情况填「合格」，时间填年初到年底或「至今」；所有继续教育记录都上传这同一份 PDF");
    ce.notes.push("学时全部齐了再上传");
    out.push(ce);
    for year in &plan.evaluation_years {
        out.push(item(
            format!("evaluation.{year}"),
            "年度考核",
            Place::Archive,
            format!("{year} 年度考核表"),
            format!(
                "年度考核为必填项，需 {} 三年、一年一个表格（第五条，指南五.3.(4)）",
                years_text(&plan.evaluation_years)
            ),
            &["年度考核表（单位盖章；单位未开展考核的按模板出具考核证明）"],
        ));
    }
    achievement_items(a, &mut out);
    attachment_items(a, advice, &mut out);
    out
}

fn years_text(years: &[i32]) -> String {
    years
        .iter()
        .map(|y| y.to_string())
        .collect::<Vec<_>>()
        .join("、")
}

fn education_items(a: &Applicant, out: &mut Vec<EvidenceItem>) {
    for (i, e) in a
        .education
        .iter()
        .enumerate()
        .filter(|(_, e)| e.level.is_set())
    {
        let name = format!(
            "教育经历：{}{}",
            e.level.label(),
            if e.school.trim().is_empty() {
                String::new()
            } else {
                format!("（{}）", e.school.trim())
            }
        );
        let mut parts: Vec<&'static str>;
        let mut why = "教育经历为必填项（指南五.3.(1)）".to_string();
        if e.level.tier() >= 3 && !e.level.is_tech_school() {
            parts = match e.origin {
                DegreeOrigin::Foreign => vec![
                    "毕业证书（学位证书）",
                    "教育部留学服务中心《国外学历学位认证书》",
                ],
                DegreeOrigin::HkMacaoTaiwan => vec![
                    "毕业证书（学位证书）",
                    "教育部留学服务中心《港澳台学历学位认证书》",
                ],
                _ => vec![
                    "教育部学历证书电子注册备案表（不是在线验证报告）",
                    "毕业证书原件",
                ],
            };
            // Guide 五.3.(1)③: diplomas before 2001 have no 电子注册备案表; the 高校毕业生登记表
            // (or a 学信网 学历认证报告) takes its place.
            let before_2001 = CivilDate::parse(&e.graduation_date).is_ok_and(|d| d.year < 2001);
            if before_2001
                && e.origin != DegreeOrigin::Foreign
                && e.origin != DegreeOrigin::HkMacaoTaiwan
            {
                parts = vec![
                    "毕业证书原件",
                    "《高校毕业生登记表》扫描件（没有的在学信网做学历认证，上传《中国高等教育学历认证报告》）",
                ];
                why.push_str("；2001 年之前毕业的没有电子注册备案表，提供高校毕业生登记表代替");
            }
        } else {
            parts = vec!["毕业证书原件（遗失的请学校出具证明）"];
        }
        if e.degree_certificate {
            parts.push("学位证书");
        }
        out.push(item(
            format!("education.{i}"),
            "教育经历",
            Place::Archive,
            name,
            why,
            &parts,
        ));
    }
}

fn achievement_items(a: &Applicant, out: &mut Vec<EvidenceItem>) {
    let t = table();
    for (i, e) in a
        .achievements
        .iter()
        .enumerate()
        .filter(|(_, e)| e.selected)
    {
        let Some(row) = t.row(e.row.trim()) else {
            continue;
        };
        let title = if e.title.trim().is_empty() {
            row.label.clone()
        } else {
            format!("{}：{}", row.label, e.title.trim())
        };
        let (section, parts, note): (&'static str, Vec<&'static str>, Option<&'static str>) =
            match row.category.as_str() {
                "award" => ("获奖情况", vec!["获奖证书或获奖文件"], None),
                "research" if e.finished => (
                    "主持参与科研项目（基金）情况",
                    vec![
                        "项目合同或立项文件（须包含本人在项目中的排名）",
                        "立项单位出具的项目结题验收证明",
                    ],
                    None,
                ),
                "research" => (
                    "主持参与科研项目（基金）情况",
                    vec!["项目合同或立项文件（须包含本人在项目中的排名）"],
                    None,
                ),
                "paper" if row.id == "paper.monograph" => (
                    "著（译）作（教材）",
                    vec!["著作封面页", "目录页", "图书在版编目（CIP）数据页"],
                    None,
                ),
                "paper" if row.id == "paper.unpublished" => (
                    "论文",
                    vec!["项目研究报告或产品设计方案（经工作单位审核盖章）"],
                    Some("未公开发表的限 2 篇，需经工作单位审核盖章"),
                ),
                "paper" => (
                    "论文",
                    vec!["封面页", "目录页（标出本人姓名）", "文章页"],
                    Some("出版社论文录用证明不能作为有效依据"),
                ),
                "patent" => ("专利（著作权）情况", vec!["专利证书或著作权登记证书"], None),
                "standard" => (
                    "主持（参与）制定标准情况",
                    vec!["标准文本或标准公布文件"],
                    None,
                ),
                "product" => (
                    "成果被指示、采纳、运用和推广情况",
                    vec!["新产品鉴定（认定）证书或文件"],
                    None,
                ),
                "honour" | "skill_title" => ("获得荣誉称号情况", vec!["荣誉证书或授予文件"], None),
                "competition" => ("获奖情况", vec!["竞赛获奖证书或获奖文件"], None),
                // 学术技术兼职 needs no evidence (guide 五.3 非必填项 (1)).
                "part_time" => continue,
                "engineering" => (
                    "工程技术项目",
                    vec!["项目合同、任务书或验收文件（写明本人承担的工作）"],
                    None,
                ),
                "promotion" => (
                    "成果被指示、采纳、运用和推广情况",
                    vec!["单位出具的经济效益或推广应用证明"],
                    None,
                ),
                "certificate" => (
                    "资质证书",
                    vec!["资质证书"],
                    Some("没有期限的证书，结束日期填「长期有效」"),
                ),
                "reward" => ("奖惩情况", vec!["单位盖章的奖惩文件"], None),
                _ => (
                    "其他佐证材料",
                    vec!["能说明该项成果业绩或能力的佐证材料"],
                    Some("请在说明中写清内容，由评议专家认定 0–5 分"),
                ),
            };
        let mut it = item(
            format!("achievement.{i}"),
            section,
            Place::Archive,
            title,
            "选入本次申报的业绩须有佐证材料；业绩须与机电专业相关、任现职后取得（第十七条）".into(),
            &parts,
        );
        if let Some(note) = note {
            it.notes.push(note);
        }
        out.push(it);
    }
}

fn attachment_items(a: &Applicant, advice: Option<&PortalAdvice>, out: &mut Vec<EvidenceItem>) {
    let mut push = |id: &str,
                    section: &'static str,
                    place: Place,
                    title: &str,
                    why: String,
                    parts: &[&'static str]| {
        out.push(item(
            format!("attachment.{id}"),
            section,
            place,
            title.to_string(),
            why,
            parts,
        ));
    };
    if a.income_over_120k {
        push("tax", "其他佐证材料", Place::Attachments, "完税证明", "申报年收入 12 万以上（基本条件·工资薪金 2 分）须提供税务部门出具的个税完税证明（近一年的记录）".into(), &["个税完税证明（近一年）"]);
    }
    if a.mountain_years > 0 {
        push(
            "mountain",
            "其他佐证材料",
            Place::Attachments,
            "山区县工作证明",
            "申报山区县加分须由用人单位出具专项证明报告并盖公章（通知二.2）".into(),
            &["山区县从事专技工作年限专项证明（盖公章）"],
        );
    }
    let mode = advice.map(|ad| ad.mode).unwrap_or(a.mode);
    if mode == ApplyMode::Exceptional || a.mode == ApplyMode::Exceptional {
        push("exceptional", "上传破格表格", Place::Attachments, "破格申报机电专业工程师自评赋分表", "破格申报（第十条（四），通知四.3）：自评赋分，每项在备注中写明得分原因，由 2 名本专业或相近专业副高级以上专家署名推荐".into(), &["《破格申报机电专业工程师自评赋分表》（含 2 名专家署名）"]);
    }
    if mode == ApplyMode::SkilledTalent || a.mode == ApplyMode::SkilledTalent {
        push(
            "skill_certificate",
            "其他佐证材料",
            Place::Attachments,
            "技能证书",
            "申报方式为「技能人才」须上传个人的技能证书（指南五.4.(7)）".into(),
            &["职业技能等级证书（或技能荣誉证书）"],
        );
    }
    let appointment = advice.map(|ad| ad.appointment).unwrap_or(a.appointment);
    if appointment == Appointment::Yes {
        push("appointment", "专业技术职务聘任情况", Place::PortalAnswer, "聘书", "聘任情况为「有」须上传聘书（助理工程师申报工程师聘期 4 年、破格 3 年，转评 1 年；指南五.4.(4)）".into(), &["专业技术职务聘书"]);
    }
    let qualification = advice
        .map(|ad| ad.qualification_type)
        .unwrap_or(a.qualification_type);
    match qualification {
        QualificationType::TitleQualification => push(
            "qualification",
            "资格类型",
            Place::PortalAnswer,
            "专业技术职务任职资格证书",
            "资格类型为「专业技术职务任职资格」须上传相应的职称证书（指南五.4.(3)）".into(),
            &["职称证书（任职资格证书或文件）"],
        ),
        QualificationType::VocationalQualification => push(
            "qualification",
            "资格类型",
            Place::PortalAnswer,
            "职业资格证书",
            "资格类型为「职业资格」须上传相应的职业技能等级证书（指南五.4.(3)）".into(),
            &["职业技能等级证书"],
        ),
        _ => {
            if a.skill_certificates.iter().any(|c| c.level.rank() > 0) {
                push("skill_archive", "资质证书", Place::Archive, "职业技能等级证书", "技能等级计分（基本条件·技能等级）；资格类型为「无」时证书放在业绩档案的资质证书里（指南五.4.(3)）".into(), &["职业技能等级证书（结束时间选「长期有效」）"]);
            }
        }
    }
    match a.foreign_language {
        ForeignLanguage::TitleExamPass => push(
            "foreign",
            "职称外语",
            Place::PortalAnswer,
            "职称外语成绩合格证书",
            "申报外语计分须上传人力社保部门核发的职称外语成绩合格证书（指南五.4.(5)）".into(),
            &["职称外语成绩合格证书（证明）"],
        ),
        ForeignLanguage::Cet4 | ForeignLanguage::Cet6 => push(
            "foreign",
            "资质证书",
            Place::Archive,
            "大学英语等级证书",
            "申报外语计分须提供大学英语四、六级证书或成绩单".into(),
            &["大学英语等级证书或成绩单"],
        ),
        _ => {}
    }
    if a.computer_modules >= 3 {
        push(
            "computer",
            "职称计算机",
            Place::PortalAnswer,
            "职称计算机模块合格证书",
            format!(
                "申报计算机计分（{} 个模块）须上传相关模块成绩合格证书（指南五.4.(5)）",
                a.computer_modules
            ),
            &["计算机应用能力考试模块合格证书"],
        );
    }
    if matches!(a.tech_post, TechPost::UnitTechLead | TechPost::DeptTechLead) {
        push(
            "tech_post",
            "其他佐证材料",
            Place::Attachments,
            "技术职务任职文件",
            format!(
                "申报技术职务「{}」计分须提供单位出具的任职文件（量化评价标准·技术职务）",
                a.tech_post.label()
            ),
            &["单位出具的任职文件"],
        );
    }
}

#[cfg(test)]
#[path = "evidence_tests.rs"]
mod tests;

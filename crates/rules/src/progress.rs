//! The portal's six steps, their addresses in the app, and each step's status computed from the
//! draft (未开始 / 进行中 / 已完成 / 有问题).

use super::assess::Assessment;
use super::date::CivilDate;
use super::draft::Draft;
use super::form_checks::{has_invalid, has_missing, info_problems, pledge_problems, FormProblem};
use super::verdict::Status;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Photo,
    Pledge,
    Info,
    Achievements,
    Attachments,
    Preview,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Photo,
        Step::Pledge,
        Step::Info,
        Step::Achievements,
        Step::Attachments,
        Step::Preview,
    ];

    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn title(self) -> &'static str {
        match self {
            Step::Photo => "上传证件照",
            Step::Pledge => "真实性保证书",
            Step::Info => "填写申报信息",
            Step::Achievements => "选择相关业绩",
            Step::Attachments => "上传相关附件",
            Step::Preview => "预览确认提交",
        }
    }

    /// The step's part of the URL (`#/step/<slug>`): readable, and stable across releases so that
    /// bookmarks and help-session notes keep working.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Photo => "photo",
            Step::Pledge => "pledge",
            Step::Info => "info",
            Step::Achievements => "achievements",
            Step::Attachments => "attachments",
            Step::Preview => "preview",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn previous(self) -> Option<Step> {
        Step::ALL.get(self.number().checked_sub(2)?).copied()
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.number()).copied()
    }

    /// "第 3 步，共 6 步".
    pub fn position_words(self) -> String {
        format!("第 {} 步，共 {} 步", self.number(), Step::ALL.len())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepStatus {
    NotStarted,
    InProgress,
    Done,
    Problem,
}

impl StepStatus {
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "未开始",
            StepStatus::InProgress => "进行中",
            StepStatus::Done => "已完成",
            StepStatus::Problem => "有问题",
        }
    }

    /// For CSS classes and tests.
    pub fn key(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "not-started",
            StepStatus::InProgress => "in-progress",
            StepStatus::Done => "done",
            StepStatus::Problem => "problem",
        }
    }
}

/// A page the app can show: the overview, or one of the steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Overview,
    Step(Step),
    /// 「数据去哪儿了」: where the data is kept and how to check that nothing leaves.
    DataPrivacy,
    /// 申报人: the applicants kept in this browser (help sessions), to switch between.
    Applicants,
    /// 规则数据: the rules in use, and a check of a candidate rules file (for the association).
    Rules,
    /// 合成 PDF: one PDF from photos, scans and PDFs, for any material.
    Compose,
    /// 提交以前和提交以后: what the real portal needs before step 1 and after step 6.
    Process,
}

impl Page {
    /// Reads a location hash (`#/step/info`, `#/`, or nothing). Unknown addresses fall back to
    /// the overview rather than to an error page: an old bookmark must still open the app.
    pub fn from_hash(hash: &str) -> Page {
        let path = hash.split('?').next().unwrap_or_default();
        let path = path.trim_start_matches('#').trim_matches('/');
        match path.split_once('/') {
            Some(("step", slug)) => Step::from_slug(slug).map_or(Page::Overview, Page::Step),
            _ if path == "data" => Page::DataPrivacy,
            _ if path == "applicants" => Page::Applicants,
            _ if path == "rules" => Page::Rules,
            _ if path == "compose" => Page::Compose,
            _ if path == "process" => Page::Process,
            _ => Page::Overview,
        }
    }

    pub fn hash(self) -> String {
        match self {
            Page::Overview => "#/".to_string(),
            Page::Step(step) => format!("#/step/{}", step.slug()),
            Page::DataPrivacy => "#/data".to_string(),
            Page::Applicants => "#/applicants".to_string(),
            Page::Rules => "#/rules".to_string(),
            Page::Compose => "#/compose".to_string(),
            Page::Process => "#/process".to_string(),
        }
    }
}

/// The query part of a step address: which field to focus, and whether to offer the way back to
/// the preview (`#/step/info?focus=phone&back=preview`, from the preview's 修改 links).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditRequest {
    pub focus: Option<String>,
    pub back_to_preview: bool,
}

impl EditRequest {
    pub fn from_hash(hash: &str) -> EditRequest {
        let mut request = EditRequest::default();
        let Some((_, query)) = hash.split_once('?') else {
            return request;
        };
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("focus", field)) if !field.is_empty() => {
                    request.focus = Some(field.to_string())
                }
                Some(("back", "preview")) => request.back_to_preview = true,
                _ => {}
            }
        }
        request
    }

    /// The 修改 link of the preview: the step, the field, and the way back.
    pub fn link(step: Step, field: Option<&str>) -> String {
        let focus = field.map(|f| format!("focus={f}&")).unwrap_or_default();
        format!("{}?{focus}back=preview", Page::Step(step).hash())
    }
}

/// Every step's status, in portal order, each computed once: step 6's is derived from the other
/// five (the app shell computes this once per draft change; the overview and the 申报人 list's
/// 「3/6 步」 read it).
pub fn step_statuses(draft: &Draft, assessment: &Assessment, today: CivilDate) -> [StepStatus; 6] {
    let mut statuses = Step::ALL.map(|step| match step {
        Step::Preview => StepStatus::NotStarted,
        step => own_status(step, draft, assessment, today),
    });
    let preview = Step::Preview.number() - 1;
    statuses[preview] = preview_status(&statuses[..preview]);
    statuses
}

/// One step's status from the draft and its assessment (computed once by the caller).
pub fn step_status(
    step: Step,
    draft: &Draft,
    assessment: &Assessment,
    today: CivilDate,
) -> StepStatus {
    match step {
        Step::Preview => step_statuses(draft, assessment, today)[Step::Preview.number() - 1],
        step => own_status(step, draft, assessment, today),
    }
}

/// How many steps are 已完成 (the 申报人 list's 「3/6 步」).
pub fn steps_done(statuses: &[StepStatus; 6]) -> u32 {
    statuses.iter().filter(|s| **s == StepStatus::Done).count() as u32
}

/// Steps 1–5, from what they hold.
fn own_status(step: Step, draft: &Draft, assessment: &Assessment, today: CivilDate) -> StepStatus {
    match step {
        Step::Info => info_status(draft, assessment, today),
        Step::Photo => match &draft.photo {
            None => StepStatus::NotStarted,
            Some(photo) if photo.passes => StepStatus::Done,
            Some(_) => StepStatus::Problem,
        },
        Step::Pledge => pledge_status(draft, today),
        Step::Achievements => achievements_status(draft, assessment),
        Step::Attachments => attachments_status(draft, assessment),
        Step::Preview => StepStatus::NotStarted,
    }
}

/// Nothing is done on step 6 itself until the others are: it is 未开始, not 进行中, while any of
/// them is still being filled in (issue 16); 有问题 when one of them has a problem.
fn preview_status(others: &[StepStatus]) -> StepStatus {
    if others.contains(&StepStatus::Problem) {
        StepStatus::Problem
    } else if others.iter().all(|s| *s == StepStatus::Done) {
        StepStatus::Done
    } else {
        StepStatus::NotStarted
    }
}

fn info_status(draft: &Draft, assessment: &Assessment, today: CivilDate) -> StepStatus {
    let untouched = draft.basic == Default::default()
        && draft.applicant == Default::default()
        && draft.form == Default::default();
    if untouched {
        return StepStatus::NotStarted;
    }
    let advice = assessment.eligibility.advice.as_ref();
    status_of(&info_problems(draft, &assessment.plan, advice, today))
}

fn pledge_status(draft: &Draft, today: CivilDate) -> StepStatus {
    if draft.pledge == Default::default() {
        return StepStatus::NotStarted;
    }
    status_of(&pledge_problems(draft, today))
}

/// 上传相关附件: 有问题 while an attached file fails its checks, 已完成 once every required item
/// has a passing file.
fn attachments_status(draft: &Draft, assessment: &Assessment) -> StepStatus {
    if draft.attachments.is_empty() {
        return StepStatus::NotStarted;
    }
    if draft.attachments.values().any(|a| !a.passes) {
        return StepStatus::Problem;
    }
    if assessment
        .evidence
        .iter()
        .all(|item| draft.attachments.contains_key(&item.id))
    {
        StepStatus::Done
    } else {
        StepStatus::InProgress
    }
}

/// 业绩档案: 有问题 while a continuing-education year or an evaluation year falls short, 已完成
/// once both are met.
fn achievements_status(draft: &Draft, assessment: &Assessment) -> StepStatus {
    let a = &draft.applicant;
    if a.continuing_education.is_empty() && a.evaluations.is_empty() && a.achievements.is_empty() {
        return StepStatus::NotStarted;
    }
    let statuses = [
        assessment.continuing_education.verdict.status,
        assessment.evaluations.verdict.status,
    ];
    if statuses.contains(&Status::NotMet) {
        StepStatus::Problem
    } else if statuses.iter().all(|s| *s == Status::Met) {
        StepStatus::Done
    } else {
        StepStatus::InProgress
    }
}

fn status_of(problems: &[FormProblem]) -> StepStatus {
    if has_invalid(problems) {
        StepStatus::Problem
    } else if has_missing(problems) {
        StepStatus::InProgress
    } else {
        StepStatus::Done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status_now(step: Step, draft: &Draft, today: CivilDate) -> StepStatus {
        step_status(step, draft, &crate::assess::assess(&draft.applicant), today)
    }

    fn today() -> CivilDate {
        CivilDate::new(2026, 11, 26).unwrap()
    }

    #[test]
    fn steps_are_numbered_and_linked_in_portal_order() {
        let titles: Vec<_> = Step::ALL.iter().map(|s| s.title()).collect();
        assert_eq!(
            titles,
            [
                "上传证件照",
                "真实性保证书",
                "填写申报信息",
                "选择相关业绩",
                "上传相关附件",
                "预览确认提交"
            ]
        );
        assert_eq!(Step::Photo.previous(), None);
        assert_eq!(Step::Photo.next(), Some(Step::Pledge));
        assert_eq!(Step::Preview.next(), None);
        assert_eq!(Step::Preview.previous(), Some(Step::Attachments));
        assert_eq!(Step::Info.position_words(), "第 3 步，共 6 步");
    }

    #[test]
    fn every_page_survives_a_trip_through_its_url() {
        for step in Step::ALL {
            let page = Page::Step(step);
            assert_eq!(Page::from_hash(&page.hash()), page);
        }
        assert_eq!(Page::from_hash(""), Page::Overview);
        assert_eq!(Page::from_hash("#/"), Page::Overview);
        assert_eq!(Page::from_hash("#/step/nope"), Page::Overview);
        for page in [
            Page::DataPrivacy,
            Page::Applicants,
            Page::Rules,
            Page::Compose,
            Page::Process,
        ] {
            assert_eq!(Page::from_hash(&page.hash()), page);
        }
        assert_eq!(Page::from_hash("#step/info/"), Page::Step(Step::Info));
        assert_eq!(
            Page::from_hash("#/step/info?focus=phone&back=preview"),
            Page::Step(Step::Info)
        );
        let link = EditRequest::link(Step::Info, Some("phone"));
        assert_eq!(link, "#/step/info?focus=phone&back=preview");
        assert_eq!(
            EditRequest::from_hash(&link),
            EditRequest {
                focus: Some("phone".into()),
                back_to_preview: true
            }
        );
        assert_eq!(
            EditRequest::from_hash("#/step/info"),
            EditRequest::default()
        );
    }

    #[test]
    fn photo_status_follows_the_stored_verdict() {
        let mut draft = Draft::default();
        assert_eq!(
            status_now(Step::Photo, &draft, today()),
            StepStatus::NotStarted
        );
        let record = |passes| crate::draft::PhotoRecord {
            file_id: "id".into(),
            file_name: "a.jpg".into(),
            byte_size: 1,
            passes,
            generated: false,
        };
        draft.photo = Some(record(false));
        assert_eq!(
            status_now(Step::Photo, &draft, today()),
            StepStatus::Problem
        );
        draft.photo = Some(record(true));
        assert_eq!(status_now(Step::Photo, &draft, today()), StepStatus::Done);
    }

    #[test]
    fn info_status_follows_the_form() {
        let mut draft = Draft::default();
        assert_eq!(
            status_now(Step::Info, &draft, today()),
            StepStatus::NotStarted
        );
        draft.basic.name = "张三".into();
        assert_eq!(
            status_now(Step::Info, &draft, today()),
            StepStatus::InProgress
        );
        draft.basic.birth_date = "2001-02-29".into();
        assert_eq!(status_now(Step::Info, &draft, today()), StepStatus::Problem);
        assert_eq!(
            status_now(Step::Preview, &draft, today()),
            StepStatus::Problem
        );
        draft.basic.birth_date = "2001-02-28".into();
        assert_eq!(
            status_now(Step::Info, &draft, today()),
            StepStatus::InProgress
        );
        assert_eq!(
            status_now(Step::Preview, &draft, today()),
            StepStatus::NotStarted,
            "step 6 is not 进行中 because step 3 is"
        );
    }

    #[test]
    fn pledge_status_needs_all_three_parts() {
        let mut draft = Draft::default();
        assert_eq!(
            status_now(Step::Pledge, &draft, today()),
            StepStatus::NotStarted
        );
        draft.pledge.agreed = true;
        assert_eq!(
            status_now(Step::Pledge, &draft, today()),
            StepStatus::InProgress
        );
        draft.pledge.name = "张三".into();
        draft.pledge.date = "2026-11-20".into();
        assert_eq!(status_now(Step::Pledge, &draft, today()), StepStatus::Done);
        draft.basic.name = "李四".into();
        assert_eq!(
            status_now(Step::Pledge, &draft, today()),
            StepStatus::Problem
        );
    }

    #[test]
    fn all_statuses_at_once_agree_with_each_step_and_count_the_done_ones() {
        let mut draft = Draft::default();
        let check = |draft: &Draft, done: u32| {
            let assessment = crate::assess::assess(&draft.applicant);
            let all = step_statuses(draft, &assessment, today());
            for (i, step) in Step::ALL.into_iter().enumerate() {
                assert_eq!(
                    all[i],
                    step_status(step, draft, &assessment, today()),
                    "{step:?}"
                );
            }
            assert_eq!(steps_done(&all), done);
        };
        check(&draft, 0);
        draft.pledge.agreed = true;
        draft.pledge.name = "张三".into();
        draft.basic.name = "张三".into();
        draft.pledge.date = "2026-11-26".into();
        check(&draft, 1);
    }
}

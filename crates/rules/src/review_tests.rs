use super::*;
use crate::assess::assess;
use crate::draft::{AttachmentRecord, PhotoRecord};

fn today() -> CivilDate {
    CivilDate::new(2022, 9, 1).unwrap()
}

#[test]
fn an_empty_draft_lists_the_first_problems_of_every_step() {
    let draft = Draft::default();
    let problems = open_problems(&draft, &assess(&draft.applicant), today());
    let steps: Vec<Step> = problems.iter().map(|p| p.target.step).collect();
    for step in [Step::Photo, Step::Pledge, Step::Info, Step::Attachments] {
        assert!(steps.contains(&step), "{step:?} in {problems:#?}");
    }
    assert!(problems.iter().any(|p| p.message == "还没有上传证件照"));
    assert!(problems
        .iter()
        .any(|p| p.message.starts_with("填写申报信息还有")));
    assert!(problems
        .iter()
        .any(|p| p.message.starts_with("缺少佐证材料")));
}

#[test]
fn a_failing_photo_and_a_failing_attachment_are_named() {
    let mut draft = Draft {
        photo: Some(PhotoRecord {
            file_id: "x".into(),
            file_name: "照片.png".into(),
            byte_size: 1,
            passes: false,
            generated: false,
        }),
        ..Draft::default()
    };
    let assessment = assess(&draft.applicant);
    let first = assessment.evidence[0].id.clone();
    draft.attachments.insert(
        first,
        AttachmentRecord {
            file_id: "y".into(),
            file_name: "学时.jpg".into(),
            byte_size: 1,
            pages: 0,
            passes: false,
        },
    );
    let problems = open_problems(&draft, &assessment, today());
    assert!(problems
        .iter()
        .any(|p| p.message.contains("证件照「照片.png」不符合平台要求")));
    assert!(problems
        .iter()
        .any(|p| p.message.contains("佐证材料「学时.jpg」不符合要求")));
}

#[test]
fn continuing_education_shortfalls_reach_the_preview() {
    let mut draft = Draft::default();
    draft.applicant.continuing_education = vec![crate::applicant::ContinuingEducationYear {
        year: 2021,
        general_public: 18.0,
        industry_public: 12.0,
        professional: 55.0,
        ..Default::default()
    }];
    let problems = open_problems(&draft, &assess(&draft.applicant), today());
    let ce = problems
        .iter()
        .find(|p| p.message.contains("2021 年专业科目差 5 学时"))
        .expect("shortfall listed");
    assert_eq!(ce.target, at(Step::Achievements, "ce-title"));
}

#[test]
fn answers_say_未填写_for_empty_fields_and_point_at_them() {
    let mut draft = Draft::default();
    draft.basic.name = "张三".into();
    let sections = answer_sections(&draft, &assess(&draft.applicant));
    assert_eq!(sections.len(), 5);
    let info = &sections[2];
    let name = info.rows.iter().find(|r| r.label == "姓名").unwrap();
    assert_eq!(name.value, "张三");
    assert_eq!(name.target, at(Step::Info, "name"));
    let phone = info
        .rows
        .iter()
        .find(|r| r.label == "手机号码（选填）")
        .unwrap();
    assert_eq!(phone.value, "未填写");
    assert_eq!(sections[0].rows[0].value, "未填写");
}

#[test]
fn dates_are_shown_in_one_form_however_they_were_typed() {
    let mut draft = Draft::default();
    draft.basic.birth_date = "1998/3/12".into();
    draft.basic.work_start_date = "2016年7月1日".into();
    draft.pledge.date = "２０２６．１２．０７".into();
    draft.applicant.professional_start_date = "2016-7-1".into();
    draft.applicant.current_title = crate::choices::TitleLevel::Technician;
    draft.applicant.current_title_date = "2021.3.15".into();
    draft.applicant.work.push(Default::default());
    draft.applicant.work[0].unit = "某厂".into();
    draft.applicant.work[0].from = "2016/7/1".into();
    draft.applicant.work[0].to = "去年".into();
    let sections = answer_sections(&draft, &assess(&draft.applicant));
    let value = |step: usize, label: &str| {
        sections[step]
            .rows
            .iter()
            .find(|r| r.label == label)
            .unwrap_or_else(|| panic!("{label}"))
            .value
            .clone()
    };
    // (row, what the preview shows)
    for (step, label, shown) in [
        (2, "出生日期", "1998-03-12"),
        (2, "参加工作时间", "2016-07-01"),
        (1, "承诺日期", "2026-12-07"),
        (2, "现有职称", "技术员 2021-03-15"),
        (2, "工作经历 1", "某厂 · 2016-07-01 至 去年"),
    ] {
        assert_eq!(value(step, label), shown, "{label}");
    }
    assert_eq!(
        sections[2]
            .rows
            .iter()
            .find(|r| r.target == at(Step::Info, info_fields::PROFESSIONAL_START.id))
            .map(|r| r.value.clone()),
        Some("2016-07-01".to_string()),
        "从事专业技术工作起始日期 in one form; 「去年」 above, not a date, as typed"
    );
}

//! Property tests: no applicant, however strange, makes the core panic, and the totals never
//! exceed their caps.

use super::*;
use crate::applicant::*;
use crate::rules_file::table;
use crate::scoring::Section;
use crate::verdict::Status;
use proptest::prelude::*;

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        (1990i32..2030, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        "[0-9]{1,5}[-/.][0-9]{1,3}[-/.][0-9]{1,3}",
        ".{0,12}",
    ]
}

fn pick<T: Copy + std::fmt::Debug + 'static>(
    all: &'static [T],
    unset: T,
) -> impl Strategy<Value = T> {
    let mut values = all.to_vec();
    values.push(unset);
    prop::sample::select(values)
}

fn hours() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0..200.0f64,
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(-1.0)
    ]
}

fn year() -> impl Strategy<Value = i32> {
    prop_oneof![2010i32..2024, any::<i32>()]
}

prop_compose! {
    fn education()(level in pick(EducationLevel::ALL, EducationLevel::Unset), major in prop_oneof![Just("机械工程".to_string()), ".{0,8}"],
                   related in pick(YesNo::ALL, YesNo::Unknown), degree in any::<bool>(), graduated in date(),
                   origin in pick(DegreeOrigin::ALL, DegreeOrigin::Unknown)) -> Education {
        Education { level, school: String::new(), major, related, degree_certificate: degree, graduation_date: graduated, origin }
    }
}

prop_compose! {
    fn work()(from in date(), to in date(), kind in pick(WorkKind::ALL, WorkKind::Unknown), post in ".{0,4}") -> WorkPeriod {
        WorkPeriod { unit: "某公司".into(), from, to, kind, administrative_post: post }
    }
}

prop_compose! {
    fn achievement()(row in prop_oneof![prop::sample::select(table().rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>()), ".{0,10}"],
                     rank in prop_oneof![0u32..12, any::<u32>()], date in date(), group in prop_oneof![Just(String::new()), "[ab]"],
                     selected in any::<bool>(), related in pick(YesNo::ALL, YesNo::Unknown), stamped in any::<bool>(),
                     finished in any::<bool>()) -> Achievement {
        Achievement { row, title: String::new(), rank, date, group_key: group, selected, related, unit_stamped: stamped, finished, claim: String::new(), ..Achievement::default() }
    }
}

prop_compose! {
    fn certificate()(level in pick(SkillLevel::ALL, SkillLevel::Unknown), related in pick(YesNo::ALL, YesNo::Unknown),
                     date in date()) -> SkillCertificate {
        SkillCertificate { level, trade: String::new(), related, date }
    }
}

prop_compose! {
    fn honour()(honour in pick(SkillHonour::ALL, SkillHonour::Unknown), date in date()) -> HeldHonour {
        HeldHonour { honour, date }
    }
}

prop_compose! {
    fn people()(level in pick(Level::ALL, Level::Unset), mode in pick(ApplyMode::ALL, ApplyMode::Unset),
                education in prop::collection::vec(education(), 0..4), work in prop::collection::vec(work(), 0..4),
                start in date(), insurance in prop::option::of(any::<u32>()),
                current in pick(TitleLevel::ALL, TitleLevel::Unknown), current_date in date(),
                other in pick(TitleLevel::ALL, TitleLevel::Unknown), other_date in date()) -> Applicant {
        Applicant { level, mode, education, work, professional_start_date: start, wenzhou_insurance_months: insurance,
                    current_title: current, current_title_date: current_date, other_title: other, other_title_date: other_date,
                    ..Applicant::default() }
    }
}

prop_compose! {
    fn applicant()(base in people(), plan_year in prop_oneof![Just(0), 2020i32..2030, any::<i32>()],
                   certificates in prop::collection::vec(certificate(), 0..4),
                   has_skill in pick(YesNo::ALL, YesNo::Unknown),
                   honours in prop::collection::vec(honour(), 0..3),
                   answers in (pick(QualificationType::ALL, QualificationType::Unset), pick(Appointment::ALL, Appointment::Unset)),
                   extras in (pick(ForeignLanguage::ALL, ForeignLanguage::Unknown), any::<u32>(), pick(TechPost::ALL, TechPost::Unknown),
                              pick(UnitSize::ALL, UnitSize::Unknown), any::<bool>(), prop_oneof![0u32..10, any::<u32>()],
                              prop_oneof![Just("永嘉".to_string()), ".{0,4}"], any::<u32>()),
                   evaluations in prop::collection::vec((year(), pick(EvaluationGrade::ALL, EvaluationGrade::Unknown)), 0..6),
                   hours in prop::collection::vec((year(), hours(), hours(), hours()), 0..6),
                   achievements in prop::collection::vec(achievement(), 0..40)) -> Applicant {
        let (foreign, computer, post, size, income, mountain_years, county, experts) = extras;
        Applicant {
            plan_year,
            skill_certificates: certificates,
            has_skill_certificate: has_skill,
            honours,
            qualification_type: answers.0,
            appointment: answers.1,
            foreign_language: foreign,
            computer_modules: computer,
            tech_post: post,
            unit_size: size,
            income_over_120k: income,
            mountain_years,
            mountain_county: county,
            expert_recommendations: experts,
            evaluations: evaluations.into_iter().map(|(year, grade)| AnnualEvaluation { year, grade }).collect(),
            continuing_education: hours.into_iter().map(|(year, general_public, industry_public, professional)|
                ContinuingEducationYear { year, general_public, industry_public, professional, ..Default::default() }).collect(),
            achievements,
            ..base
        }
    }
}

fn category_sum(result: &Assessment, category: &str) -> f64 {
    let name = &table().category(category).unwrap().name;
    result
        .score
        .lines
        .iter()
        .filter(|l| l.achievement.is_some() && &l.item == name)
        .map(|l| l.points)
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_applicant_panics_and_totals_stay_within_caps(a in applicant()) {
        let result = assess(&a);
        let s = &result.score;
        prop_assert!(s.basic_total >= 0.0 && s.basic_total <= 20.0, "basic {}", s.basic_total);
        prop_assert!(s.achievements_total >= 0.0 && s.achievements_total <= 35.0, "achievements {}", s.achievements_total);
        prop_assert!(s.mountain_bonus >= 0.0 && s.mountain_bonus <= 3.0);
        prop_assert_eq!(s.self_score, s.basic_total + s.achievements_total + s.mountain_bonus);
        prop_assert!(category_sum(&result, "paper") <= 20.0);
        prop_assert!(category_sum(&result, "patent") <= 20.0);
        let basic: f64 = s.lines.iter().filter(|l| l.section == Section::Basic).map(|l| l.points).sum();
        prop_assert_eq!(basic, s.basic_total);
        let achieved: f64 = s.lines.iter().filter(|l| l.section == Section::Achievements).map(|l| l.points).sum();
        prop_assert_eq!(achieved, s.achievements_total);
        for line in &s.lines {
            prop_assert!(line.points.is_finite() && line.points >= 0.0);
            prop_assert!(line.counted || line.points == 0.0);
            prop_assert!(line.counted || line.reason.is_some(), "{} has no reason", line.item);
        }
        prop_assert_eq!(s.achievement_line(0).is_some(), !a.achievements.is_empty());
        for route in &result.eligibility.routes {
            prop_assert!(!route.verdict.messages.is_empty());
            prop_assert!(route.verdict.status != crate::verdict::Status::NotMet || !route.verdict.messages.is_empty());
        }
    }

    #[test]
    fn the_one_pass_pipeline_gives_what_each_stage_gives_on_its_own(a in applicant()) {
        let plan = crate::rules_file::plan_by_choice(a.plan_year);
        let result = assess_with_plan(&a, &plan);
        let score = crate::scoring::score(&a, &plan);
        prop_assert_eq!(&result.score, &score);
        prop_assert_eq!(&result.eligibility, &crate::eligibility::check(&a, &plan, &score));
        prop_assert_eq!(&result.continuing_education, &crate::education::check_continuing_education(&a, &plan));
        prop_assert_eq!(&result.evaluations, &crate::education::check_evaluations(&a, &plan));
    }

    #[test]
    fn the_order_of_skill_certificates_and_honours_changes_nothing(a in applicant()) {
        let mut reversed = a.clone();
        reversed.skill_certificates.reverse();
        reversed.honours.reverse();
        let (one, other) = (assess(&a), assess(&reversed));
        prop_assert_eq!(one.score.self_score, other.score.self_score);
        for (x, y) in one.eligibility.routes.iter().zip(&other.eligibility.routes) {
            prop_assert_eq!(x.verdict.status, y.verdict.status, "{}", x.verdict.id);
        }
        prop_assert_eq!(one.eligibility.status, other.eligibility.status);
    }

    #[test]
    fn a_qualification_after_the_cut_off_never_opens_a_route_nor_adds_points(
        a in applicant(), year in 2022i32..2030, level in pick(EducationLevel::ALL, EducationLevel::Unset),
        skill in pick(SkillLevel::ALL, SkillLevel::Unknown), honour in pick(SkillHonour::ALL, SkillHonour::Unknown),
    ) {
        let a = Applicant { plan_year: year, ..a };
        let before = assess(&a);
        let late = before.plan.achievements_cutoff.add_months(1).iso();
        let mut later = a.clone();
        later.education.push(Education { level, major: "机械工程".into(), related: YesNo::Yes, degree_certificate: true,
            graduation_date: late.clone(), ..Education::default() });
        later.skill_certificates.push(SkillCertificate { level: skill, trade: String::new(), related: YesNo::Yes, date: late.clone() });
        later.honours.push(HeldHonour { honour, date: late });
        let after = assess(&later);
        prop_assert_eq!(before.score.self_score, after.score.self_score);
        for (x, y) in before.eligibility.routes.iter().zip(&after.eligibility.routes) {
            prop_assert!(x.verdict.status == Status::Met || y.verdict.status != Status::Met,
                "{} opened by a late qualification: {:?}", x.verdict.id, y.verdict.messages);
        }
    }

    #[test]
    fn any_stored_text_either_fails_to_parse_or_assesses(text in ".{0,200}") {
        let read = read_as_stored(&text);
        prop_assert_eq!(read.is_ok(), serde_json::from_str::<Applicant>(&text).is_ok(), "{}", text);
        if let Ok(a) = read {
            let _ = assess(&a);
        }
    }

    /// The hand-written JSON (json.rs) writes a draft byte for byte as serde's derive did, and
    /// reads back what it wrote and what serde would have read.
    #[test]
    fn drafts_are_written_and_read_exactly_as_serde_did(a in applicant(), name in ".{0,8}", hours in hours()) {
        use crate::draft::{AttachmentRecord, Draft, PhotoRecord};
        use crate::json::{FromJson, ToJson};
        let mut draft = Draft { applicant: a, ..Draft::default() };
        draft.basic.name = name.clone();
        draft.form.qualifications.push(crate::form_fields::Qualification { name, ..Default::default() });
        draft.applicant.continuing_education.push(ContinuingEducationYear { professional: hours, ..Default::default() });
        draft.photo = Some(PhotoRecord { file_id: "a1".into(), file_name: "照片.jpg".into(), byte_size: 40_000, passes: true, generated: false });
        draft.attachments.insert("education".into(), AttachmentRecord { file_id: "b2".into(), file_name: "x\"y.pdf".into(), byte_size: 9, pages: 2, passes: false });
        // Hours come from parse_hours, which gives finite numbers only (JSON has no NaN).
        for y in &mut draft.applicant.continuing_education {
            for h in [&mut y.general_public, &mut y.industry_public, &mut y.professional] {
                if !h.is_finite() {
                    *h = 0.0;
                }
            }
        }
        let ours = draft.to_stored();
        prop_assert_eq!(&ours, &serde_json::to_string(&draft).unwrap());
        let value = crate::json_value::parse(&ours).unwrap();
        let back = Draft::from_json(&value).unwrap();
        let theirs = serde_json::from_str::<Draft>(&ours).unwrap();
        prop_assert_eq!(&back, &theirs);
        // serde_json's number parser may miss the last bit of a long decimal, as it always did:
        // what is read back is written again as serde would write it.
        prop_assert_eq!(back.to_json(), serde_json::to_string(&theirs).unwrap());
    }

    #[test]
    fn json_shaped_drafts_with_wrong_values_do_not_panic(
        level in ".{0,6}", rank in any::<i64>(), date in ".{0,12}", hours in any::<f64>(), year in any::<i64>()
    ) {
        let text = serde_json::json!({
            "level": level, "plan_year": year,
            "education": [{"level": "bachelor", "graduation_date": date}],
            "continuing_education": [{"year": year, "professional": if hours.is_finite() { hours } else { 0.0 }}],
            "achievements": [{"row": "paper.core", "rank": rank, "date": date}],
        }).to_string();
        let read = read_as_stored(&text);
        prop_assert_eq!(&read.clone().ok(), &serde_json::from_str::<Applicant>(&text).ok());
        if let Ok(a) = read {
            let _ = assess(&a);
        }
    }
}

/// An applicant read from stored text as the app reads it (json.rs).
fn read_as_stored(text: &str) -> Result<Applicant, String> {
    use crate::json::FromJson;
    let value = crate::json_value::parse(text).map_err(|e| e.to_string())?;
    Applicant::from_json(&value)
}

//! The one call the UI makes: every verdict, the score breakdown, the continuing-education and
//! evaluation checks and the evidence list for an applicant, against the plan they picked.

use super::applicant::Applicant;
use super::conditions::facts;
use super::education::{CeReport, EvaluationReport};
use super::eligibility::{decide, Eligibility};
use super::evidence::{required_evidence, EvidenceItem};
use super::plan::Plan;
use super::routes::{complete_exceptional, routes_with};
use super::rules_file::plan_by_choice;
use super::scoring::{score_from, ScoreBreakdown};
use super::seniority::seniority_basis;
use std::sync::atomic::{AtomicU32, Ordering};

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub plan: Plan,
    pub score: ScoreBreakdown,
    pub eligibility: Eligibility,
    pub continuing_education: CeReport,
    pub evaluations: EvaluationReport,
    pub evidence: Vec<EvidenceItem>,
}

/// Everything, against the plan the applicant picked (`plan_year` 0 = the latest plan).
pub fn assess(applicant: &Applicant) -> Assessment {
    assess_with_plan(applicant, &plan_by_choice(applicant.plan_year))
}

/// The pipeline, each stage once, each taking the earlier ones' values:
/// facts → routes → 资历 basis → score → 破格 with the score → eligibility → evidence.
pub fn assess_with_plan(applicant: &Applicant, plan: &Plan) -> Assessment {
    ASSESSMENTS.fetch_add(1, Ordering::Relaxed);
    let f = facts(applicant, plan);
    let mut routes = routes_with(applicant, &f, None);
    let basis = seniority_basis(applicant, &routes);
    let score = score_from(applicant, plan, &f, &basis);
    complete_exceptional(&mut routes, applicant, &f, &score);
    let eligibility = decide(applicant, plan, &f, routes, &score);
    let evidence = required_evidence(applicant, plan, eligibility.advice.as_ref());
    Assessment {
        plan: plan.clone(),
        continuing_education: f.continuing_education,
        evaluations: f.evaluations,
        score,
        eligibility,
        evidence,
    }
}

static ASSESSMENTS: AtomicU32 = AtomicU32::new(0);

/// How many assessments this program has computed: the shell shows it to the tests (one per
/// draft change, however many pages and panels read it).
pub fn assessments_made() -> u32 {
    ASSESSMENTS.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::Status;

    #[test]
    fn an_empty_applicant_gets_answers_everywhere() {
        let result = assess(&Applicant::default());
        assert_eq!(result.plan.year, 2022);
        assert_eq!(result.score.self_score, 0.0);
        assert!(!result.score.reaches_exceptional_threshold);
        assert_eq!(result.eligibility.status, Status::Missing);
        assert_eq!(result.continuing_education.verdict.status, Status::Missing);
        assert_eq!(result.evaluations.verdict.status, Status::Missing);
        for line in &result.score.lines {
            assert_eq!(line.points, 0.0, "{}", line.item);
            assert!(
                line.reason.is_some(),
                "{} says why it scores nothing",
                line.item
            );
        }
        assert_eq!(result.evidence.len(), 4);
    }

    #[test]
    fn a_later_plan_year_is_derived() {
        let a = Applicant {
            plan_year: 2023,
            ..Applicant::default()
        };
        let result = assess(&a);
        assert!(result.plan.derived);
        assert_eq!(
            result
                .evaluations
                .by_year
                .iter()
                .map(|(y, _)| *y)
                .collect::<Vec<_>>(),
            [2022, 2021, 2020]
        );
    }
}

#[cfg(test)]
#[path = "assess_properties.rs"]
mod properties;

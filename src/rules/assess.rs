//! The one call the UI makes: every verdict, the score breakdown, the continuing-education and
//! evaluation checks and the evidence list for an applicant, against the plan they picked.

use super::applicant::Applicant;
use super::education::{check_continuing_education, check_evaluations, CeReport, EvaluationReport};
use super::eligibility::{check, Eligibility};
use super::evidence::{required_evidence, EvidenceItem};
use super::plan::Plan;
use super::rules_file::plan_by_choice;
use super::scoring::{score, ScoreBreakdown};

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

pub fn assess_with_plan(applicant: &Applicant, plan: &Plan) -> Assessment {
    let score = score(applicant, plan);
    let eligibility = check(applicant, plan, &score);
    let evidence = required_evidence(applicant, plan, eligibility.advice.as_ref());
    Assessment {
        plan: plan.clone(),
        continuing_education: check_continuing_education(applicant, plan),
        evaluations: check_evaluations(applicant, plan),
        score,
        eligibility,
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::verdict::Status;

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

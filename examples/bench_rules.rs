//! Times the whole rules core for one applicant with 300 achievement entries: every verdict, the
//! score breakdown, the continuing-education and evaluation checks and the evidence list.
//! Run with `cargo run --release --example bench_rules`. Target: under 1 ms per run.

use std::hint::black_box;
use std::time::Instant;
use zhicheng_yanlian::rules::applicant::*;
use zhicheng_yanlian::rules::assess::assess;
use zhicheng_yanlian::rules::rules_file::table;

fn applicant() -> Applicant {
    let rows: Vec<&str> = table().rows.iter().map(|r| r.id.as_str()).collect();
    let achievements = (0..300)
        .map(|i| Achievement {
            row: rows[i % rows.len()].to_string(),
            title: format!("成果 {i}"),
            rank: (i % 10) as u32 + 1,
            date: format!("{}-{:02}-{:02}", 2017 + i % 6, i % 12 + 1, i % 28 + 1),
            group_key: if i % 7 == 0 {
                format!("g{}", i % 5)
            } else {
                String::new()
            },
            unit_stamped: i % 2 == 0,
            ..Achievement::default()
        })
        .collect();
    Applicant {
        level: Level::Engineer,
        mode: ApplyMode::Normal,
        education: vec![Education {
            level: EducationLevel::Bachelor,
            major: "机械设计制造及其自动化".into(),
            related: YesNo::Yes,
            degree_certificate: true,
            graduation_date: "2010-07-01".into(),
            ..Education::default()
        }],
        work: vec![WorkPeriod {
            unit: "温州某机械有限公司".into(),
            from: "2010-07-15".into(),
            kind: WorkKind::Professional,
            administrative_post: "技术部经理".into(),
            ..WorkPeriod::default()
        }],
        professional_start_date: "2010-07-15".into(),
        wenzhou_insurance_months: Some(120),
        current_title: TitleLevel::AssistantEngineer,
        current_title_date: "2016-12-20".into(),
        skill_certificates: vec![SkillCertificate {
            level: SkillLevel::Technician,
            date: "2015-01-01".into(),
            ..SkillCertificate::default()
        }],
        foreign_language: ForeignLanguage::Cet4,
        computer_modules: 4,
        tech_post: TechPost::DeptTechLead,
        unit_size: UnitSize::LargeMedium,
        income_over_120k: true,
        mountain_years: 3,
        mountain_county: "泰顺".into(),
        evaluations: (2015..=2021)
            .map(|year| AnnualEvaluation {
                year,
                grade: EvaluationGrade::Excellent,
            })
            .collect(),
        continuing_education: (2012..=2022)
            .map(|year| ContinuingEducationYear {
                year,
                general_public: 18.0,
                industry_public: 12.0,
                professional: 70.0,
                ..ContinuingEducationYear::default()
            })
            .collect(),
        achievements,
        ..Applicant::default()
    }
}

fn main() {
    let a = applicant();
    let first = assess(&a);
    println!(
        "300 条业绩：自评 {} 分（基本条件 {}，成果业绩 {}，山区县 {}），{} 条明细，{} 项佐证，资格结论：{}",
        first.score.self_score,
        first.score.basic_total,
        first.score.achievements_total,
        first.score.mountain_bonus,
        first.score.lines.len(),
        first.evidence.len(),
        first.eligibility.status.label()
    );
    for _ in 0..50 {
        black_box(assess(black_box(&a)));
    }
    let runs = 2000;
    let start = Instant::now();
    for _ in 0..runs {
        black_box(assess(black_box(&a)));
    }
    let mean = start.elapsed().as_secs_f64() / runs as f64;
    println!("mean time per run: {:.1} µs ({runs} runs)", mean * 1e6);
}

//! What the applicant holds for a round: the education entries, skill certificates and skill
//! honours obtained by the plan's achievements cut-off. READING.md (2026-12): a qualification dated
//! after that day counts neither for a route nor in the score, and the app says why; years held
//! are still counted to the 资历 cut-off. An entry without a usable date stays counted here (the
//! form asks for the date; a rule that needs the date itself says so).

use super::applicant::{Applicant, ApplyMode, Education, HeldHonour, SkillCertificate, TitleLevel};
use super::date::CivilDate;
use super::plan::Plan;

/// The entries that count for the round and the ones dated after the cut-off, computed once.
pub struct Held<'a> {
    pub cutoff: CivilDate,
    pub education: Vec<&'a Education>,
    pub late_education: Vec<(&'a Education, CivilDate)>,
    pub certificates: Vec<&'a SkillCertificate>,
    pub late_certificates: Vec<(&'a SkillCertificate, CivilDate)>,
    pub honours: Vec<&'a HeldHonour>,
    pub late_honours: Vec<(&'a HeldHonour, CivilDate)>,
}

/// The date a qualification was obtained, when it is after `cutoff`.
fn after(text: &str, cutoff: CivilDate) -> Option<CivilDate> {
    CivilDate::parse(text).ok().filter(|date| *date > cutoff)
}

/// Splits `items` into those that count and those dated after `cutoff`.
fn split<T>(
    items: &[T],
    date: impl Fn(&T) -> &str,
    cutoff: CivilDate,
) -> (Vec<&T>, Vec<(&T, CivilDate)>) {
    let mut counted = Vec::new();
    let mut late = Vec::new();
    for item in items {
        match after(date(item), cutoff) {
            Some(on) => late.push((item, on)),
            None => counted.push(item),
        }
    }
    (counted, late)
}

pub fn held<'a>(a: &'a Applicant, plan: &Plan) -> Held<'a> {
    let cutoff = plan.achievements_cutoff;
    let (education, late_education) = split(
        &a.education,
        |e: &Education| e.graduation_date.as_str(),
        cutoff,
    );
    let (certificates, late_certificates) = split(
        &a.skill_certificates,
        |c: &SkillCertificate| c.date.as_str(),
        cutoff,
    );
    let (honours, late_honours) = split(&a.honours, |h: &HeldHonour| h.date.as_str(), cutoff);
    Held {
        cutoff,
        education,
        late_education,
        certificates,
        late_certificates,
        honours,
        late_honours,
    }
}

/// 「学历取得于 2022-08-01，晚于本年度业绩截止日 2022-07-31，本次不计」
pub fn late_message(what: &str, on: CivilDate, cutoff: CivilDate) -> String {
    format!(
        "{what}取得于 {}，晚于本年度业绩截止日 {}，本次不计",
        on.iso(),
        cutoff.iso()
    )
}

/// Since when achievements count (第十七条: 任现职后取得): the date the current title was
/// obtained; `Ok(None)` when no title is held (or none is given); `Err` with the reason when a
/// title is given without a usable date, so that no achievement can be confirmed.
///
/// 任现职 is the title held now, of any specialty: for a 转（兼）评 applicant that is the title of the
/// other specialty they hold (READING.md, 2026-12), for everyone else the 机电 title.
pub fn current_title_since(a: &Applicant) -> Result<Option<CivilDate>, String> {
    let (title, date) = match (a.mode, a.other_title) {
        (ApplyMode::Transfer, t) if t != TitleLevel::NoTitle && t != TitleLevel::Unknown => {
            (t, &a.other_title_date)
        }
        _ => (a.current_title, &a.current_title_date),
    };
    let date = CivilDate::parse(date);
    match title {
        TitleLevel::NoTitle | TitleLevel::Unknown => Ok(date.ok()),
        title => date.map(Some).map_err(|_| {
            format!(
                "未填写取得现有职称（{}）的有效日期，无法确认此项是否为任现职后取得（第十七条）",
                title.label()
            )
        }),
    }
}

#[cfg(test)]
#[path = "held_tests.rs"]
mod tests;

//! The fields of step 4's yearly entries, 继续教育 and 年度考核: each part's id and label, defined
//! once for the form and the preview's 修改 links, and how a continuing-education year's hours
//! are read and written.

use super::applicant::ContinuingEducationYear;

/// One part of a continuing-education year, in the order of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CePart {
    Year,
    General,
    Industry,
    Professional,
    Organiser,
    Passed,
}

impl CePart {
    pub const ALL: [CePart; 6] = [
        CePart::Year,
        CePart::General,
        CePart::Industry,
        CePart::Professional,
        CePart::Organiser,
        CePart::Passed,
    ];

    fn suffix(self) -> &'static str {
        match self {
            CePart::Year => "year",
            CePart::General => "general",
            CePart::Industry => "industry",
            CePart::Professional => "professional",
            CePart::Organiser => "organiser",
            CePart::Passed => "passed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CePart::Year => "年份",
            CePart::General => "一般公需学时",
            CePart::Industry => "行业公需学时",
            CePart::Professional => "专业科目学时",
            CePart::Organiser => "组织单位",
            CePart::Passed => "学习情况合格",
        }
    }

    /// The input's id for entry `index` of the list.
    pub fn id(self, index: usize) -> String {
        format!("ce-{index}-{}", self.suffix())
    }

    /// The hours of an hours part (`None` for the others).
    pub fn hours(self, y: &ContinuingEducationYear) -> Option<f64> {
        match self {
            CePart::General => Some(y.general_public),
            CePart::Industry => Some(y.industry_public),
            CePart::Professional => Some(y.professional),
            _ => None,
        }
    }

    pub fn put_hours(self, y: &mut ContinuingEducationYear, hours: f64) {
        match self {
            CePart::General => y.general_public = hours,
            CePart::Industry => y.industry_public = hours,
            CePart::Professional => y.professional = hours,
            _ => {}
        }
    }
}

/// One part of an annual evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvalPart {
    Year,
    Grade,
}

impl EvalPart {
    pub fn label(self) -> &'static str {
        match self {
            EvalPart::Year => "考核年度",
            EvalPart::Grade => "考核结果",
        }
    }

    pub fn id(self, index: usize) -> String {
        match self {
            EvalPart::Year => format!("eval-{index}-year"),
            EvalPart::Grade => format!("eval-{index}-grade"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_distinct_and_hours_read_back() {
        let ids: Vec<String> = CePart::ALL.iter().map(|p| p.id(3)).collect();
        for (i, id) in ids.iter().enumerate() {
            assert!(id.starts_with("ce-3-"), "{id}");
            assert!(!ids[i + 1..].contains(id), "{id} twice");
        }
        assert_eq!(CePart::General.id(0), "ce-0-general");
        assert_eq!(EvalPart::Grade.id(2), "eval-2-grade");
        let mut y = ContinuingEducationYear::default();
        for (n, part) in [CePart::General, CePart::Industry, CePart::Professional]
            .into_iter()
            .enumerate()
        {
            part.put_hours(&mut y, 10.5 + n as f64);
            assert_eq!(part.hours(&y), Some(10.5 + n as f64), "{part:?}");
        }
        assert_eq!(CePart::Organiser.hours(&y), None);
        CePart::Year.put_hours(&mut y, 99.0);
        assert_eq!(y.year, 0, "only hours parts take hours");
    }
}

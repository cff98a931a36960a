//! The fields of step 4's yearly entries, 继续教育 and 年度考核: each part's id and label, defined
//! once for the form and the preview's 修改 links, and how a continuing-education year's hours
//! are read and written.

use super::applicant::ContinuingEducationYear;

/// One of the portal's three rows of a continuing-education year, by 课程类型.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CeRow {
    General,
    Industry,
    Professional,
}

impl CeRow {
    /// In the portal's order.
    pub const ALL: [CeRow; 3] = [CeRow::General, CeRow::Industry, CeRow::Professional];

    /// The row's 课程类型, as the portal names it.
    pub fn course_type(self) -> &'static str {
        match self {
            CeRow::General => "一般公需科目",
            CeRow::Industry => "行业公需科目",
            CeRow::Professional => "专业科目",
        }
    }

    /// The row's 学时 part.
    pub fn hours(self) -> CePart {
        match self {
            CeRow::General => CePart::General,
            CeRow::Industry => CePart::Industry,
            CeRow::Professional => CePart::Professional,
        }
    }
}

/// One part of a continuing-education year, in the order of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CePart {
    Year,
    /// A row's 起止时间.
    Period(CeRow),
    /// A row's 培训项目.
    Project(CeRow),
    General,
    Industry,
    Professional,
    Organiser,
    Passed,
}

impl CePart {
    pub const ALL: [CePart; 12] = [
        CePart::Year,
        CePart::Period(CeRow::General),
        CePart::Project(CeRow::General),
        CePart::General,
        CePart::Period(CeRow::Industry),
        CePart::Project(CeRow::Industry),
        CePart::Industry,
        CePart::Period(CeRow::Professional),
        CePart::Project(CeRow::Professional),
        CePart::Professional,
        CePart::Organiser,
        CePart::Passed,
    ];

    fn suffix(self) -> &'static str {
        match self {
            CePart::Year => "year",
            CePart::Period(CeRow::General) => "general-period",
            CePart::Project(CeRow::General) => "general-project",
            CePart::Period(CeRow::Industry) => "industry-period",
            CePart::Project(CeRow::Industry) => "industry-project",
            CePart::Period(CeRow::Professional) => "professional-period",
            CePart::Project(CeRow::Professional) => "professional-project",
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
            CePart::Period(_) => "起止时间",
            CePart::Project(_) => "培训项目",
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

    /// The text of a 起止时间 or 培训项目 part (`None` for the others).
    pub fn text(self, y: &ContinuingEducationYear) -> Option<&str> {
        Some(match self {
            CePart::Period(CeRow::General) => &y.general_period,
            CePart::Project(CeRow::General) => &y.general_project,
            CePart::Period(CeRow::Industry) => &y.industry_period,
            CePart::Project(CeRow::Industry) => &y.industry_project,
            CePart::Period(CeRow::Professional) => &y.professional_period,
            CePart::Project(CeRow::Professional) => &y.professional_project,
            _ => return None,
        })
    }

    pub fn put_text(self, y: &mut ContinuingEducationYear, text: String) {
        let slot = match self {
            CePart::Period(CeRow::General) => &mut y.general_period,
            CePart::Project(CeRow::General) => &mut y.general_project,
            CePart::Period(CeRow::Industry) => &mut y.industry_period,
            CePart::Project(CeRow::Industry) => &mut y.industry_project,
            CePart::Period(CeRow::Professional) => &mut y.professional_period,
            CePart::Project(CeRow::Professional) => &mut y.professional_project,
            _ => return,
        };
        *slot = text;
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

    #[test]
    fn each_row_keeps_its_own_period_and_project() {
        let mut y = ContinuingEducationYear::default();
        for row in CeRow::ALL {
            CePart::Period(row).put_text(&mut y, format!("{}起止", row.course_type()));
            CePart::Project(row).put_text(&mut y, format!("{}项目", row.course_type()));
        }
        for row in CeRow::ALL {
            let period = format!("{}起止", row.course_type());
            let project = format!("{}项目", row.course_type());
            assert_eq!(CePart::Period(row).text(&y), Some(period.as_str()));
            assert_eq!(CePart::Project(row).text(&y), Some(project.as_str()));
        }
        assert_eq!(y.industry_project, "行业公需科目项目");
        assert_eq!(CePart::Organiser.text(&y), None);
        CePart::Year.put_text(&mut y, "x".into());
        assert_eq!(y.year, 0, "only text parts take text");
        // The portal's order: year, then per row 起止时间, 培训项目, 学时.
        assert_eq!(
            CePart::ALL[1..4],
            [
                CePart::Period(CeRow::General),
                CePart::Project(CeRow::General),
                CeRow::General.hours()
            ]
        );
    }
}

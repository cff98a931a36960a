use crate::rules_file::table;

#[test]
fn the_table_parses_and_every_ladder_lands_on_its_last_number() {
    let t = table();
    assert_eq!(t.rows.len(), 56);
    assert_eq!(t.caps.basic, 20.0);
    assert_eq!(t.caps.achievements, 35.0);
    assert_eq!(t.caps.exceptional_threshold, 25.0);
    let mut ids: Vec<&str> = t.rows.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), t.rows.len(), "row ids are unique");
    for row in &t.rows {
        assert!(t.category(&row.category).is_some(), "{}", row.id);
        let kinds = [
            !row.ladder.is_empty(),
            row.points.is_some(),
            row.no_points.is_some(),
        ];
        assert_eq!(
            kinds.iter().filter(|k| **k).count(),
            1,
            "{}: one kind",
            row.id
        );
        let mut next = 1;
        for s in &row.ladder {
            assert_eq!(s.from, next, "{}: ranks are contiguous from 1", row.id);
            assert!(s.to >= s.from);
            assert_eq!(
                s.top - s.step * (s.to - s.from) as f64,
                s.bottom,
                "{}",
                row.id
            );
            assert!(s.bottom > 0.0);
            next = s.to + 1;
        }
    }
    let inferred: Vec<&str> = t
        .rows
        .iter()
        .filter(|r| r.inferred)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(inferred, ["award.city.first", "award.city.second"]);
    assert_eq!(t.category("paper").and_then(|c| c.subtotal_cap), Some(20.0));
    assert_eq!(
        t.category("patent").and_then(|c| c.subtotal_cap),
        Some(20.0)
    );
    assert_eq!(
        t.row("standard.enterprise").and_then(|r| r.count_limit),
        Some(3)
    );
    assert_eq!(
        t.row("paper.unpublished").and_then(|r| r.count_limit),
        Some(2)
    );
    assert_eq!(t.rows_of("patent").count(), 3);
}

#[test]
fn ladders_follow_the_reading_examples() {
    let t = table();
    let ladder = |id: &str| -> Vec<f64> {
        let row = t.row(id).unwrap();
        (1..=row.last_rank())
            .filter_map(|r| row.points_for_rank(r))
            .collect()
    };
    assert_eq!(
        ladder("research.city"),
        [10.0, 8.5, 7.0, 5.5, 4.0, 2.5, 1.0]
    );
    assert_eq!(
        ladder("patent.invention"),
        [12.0, 10.0, 8.0, 7.0, 5.5, 4.0, 2.5, 1.0]
    );
    assert_eq!(ladder("standard.enterprise"), [6.0, 4.0, 3.0, 2.0, 1.0]);
    assert_eq!(ladder("patent.software"), [7.0, 5.0, 4.0, 3.0, 2.0, 1.0]);
    assert_eq!(
        t.row("patent.utility").unwrap().ranks_label(),
        "第1名、第2-5名"
    );
    assert_eq!(t.row("patent.invention").unwrap().points_for_rank(9), None);
    assert_eq!(t.row("patent.invention").unwrap().points_for_rank(0), None);
}

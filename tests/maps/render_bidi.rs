//! Right-to-left labels (issue 11): Hebrew and Arabic names drawn with their words in the right
//! order in the PNG (and so the PDF, drawn from the same parsed SVG), checked against a
//! reference image through the CLI. The SVG keeps the text in logical order.

use crate::common::reference::compare_with_reference;
use crate::common::{incimap, stderr};

#[test]
fn hebrew_and_arabic_labels_read_right_to_left() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x.csv"),
        "date,place,title,lon,lat,killed\n\
2019-10-13,Suluk,מחנה אל הול,39.13,36.6,3\n\
2019-10-13,Hasakah,سجن الحسكة المركزي,40.75,36.5,5\n",
    )
    .unwrap();
    let out = incimap(
        &[
            "map",
            "x.csv",
            "--label",
            "title",
            "--format",
            "svg,png,pdf",
            "--width",
            "600",
            "--height",
            "400",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let svg = std::fs::read_to_string(dir.path().join("output/map.svg")).unwrap();
    assert!(
        svg.contains(">מחנה אל הול<"),
        "the SVG keeps the logical order"
    );
    let png = std::fs::read(dir.path().join("output/map.png")).unwrap();
    compare_with_reference("rtl-labels-600x400", &png);
}

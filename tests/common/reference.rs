//! Reference images compared pixel by pixel (in the style of resvg's tests). When a render
//! differs, an expected | actual | difference strip is written to `tests/output/`
//! (git-ignored). Regenerate the references with `INCIMAP_BLESS=1 cargo test`.

use std::path::PathBuf;

use resvg::tiny_skia::Pixmap;

/// Compares `png` with `tests/reference/NAME.png` (at most 0.2 % of the pixels may differ).
pub fn compare_with_reference(name: &str, png: &[u8]) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let reference = root.join("tests/reference").join(format!("{name}.png"));
    if std::env::var("INCIMAP_BLESS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(reference.parent().unwrap()).unwrap();
        std::fs::write(&reference, png).unwrap();
        return;
    }
    let expected = std::fs::read(&reference).unwrap_or_else(|_| {
        panic!(
            "no reference image {}: run with INCIMAP_BLESS=1",
            reference.display()
        )
    });
    let expected = Pixmap::decode_png(&expected).unwrap();
    let actual = Pixmap::decode_png(png).unwrap();
    assert_eq!(
        (expected.width(), expected.height()),
        (actual.width(), actual.height()),
        "{name}: size differs"
    );
    let (w, h) = (actual.width(), actual.height());
    let mut diff = Pixmap::new(w, h).unwrap();
    let mut differing = 0usize;
    for (k, (a, b)) in expected.pixels().iter().zip(actual.pixels()).enumerate() {
        let delta = [
            a.red().abs_diff(b.red()),
            a.green().abs_diff(b.green()),
            a.blue().abs_diff(b.blue()),
            a.alpha().abs_diff(b.alpha()),
        ];
        let off = delta.iter().any(|d| *d > 16);
        differing += usize::from(off);
        let colour = if off {
            [255, 0, 0, 255]
        } else {
            [255, 255, 255, 255]
        };
        diff.data_mut()[k * 4..k * 4 + 4].copy_from_slice(&colour);
    }
    let share = differing as f64 / f64::from(w * h);
    if share > 0.002 {
        let mut strip = Pixmap::new(w * 3, h).unwrap();
        for (i, img) in [&expected, &actual, &diff].into_iter().enumerate() {
            strip.draw_pixmap(
                (i as u32 * w) as i32,
                0,
                img.as_ref(),
                &Default::default(),
                Default::default(),
                None,
            );
        }
        let out = root.join("tests/output");
        std::fs::create_dir_all(&out).unwrap();
        let path = out.join(format!("{name}-expected-actual-diff.png"));
        strip.save_png(&path).unwrap();
        panic!(
            "{name}: {:.3}% of pixels differ from the reference; see {}",
            share * 100.0,
            path.display()
        );
    }
}

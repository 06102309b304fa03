//! Stage 3, render: the locator inset drawn — sea, land, the mapped country, borders and the
//! main map's extent in red, clipped to the inset's box and outlined.

use crate::render::scene::Inset;
use crate::render::theme::Theme;

use super::doc::{num, SvgDoc};

pub(super) fn draw_inset(doc: &mut SvgDoc, inset: &Inset, theme: &Theme, unit: f64) {
    let rect = inset.rect;
    doc.open_group("locator", "");
    doc.raw(&format!(
        "<defs><clipPath id=\"locator-clip\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath></defs>",
        num(rect.x),
        num(rect.y),
        num(rect.w),
        num(rect.h)
    ));
    doc.open_group("locator-map", "clip-path=\"url(#locator-clip)\"");
    doc.rect(
        rect.x,
        rect.y,
        rect.w,
        rect.h,
        &format!("fill=\"{}\"", theme.sea),
    );
    doc.path(
        &inset.land,
        true,
        &format!("fill=\"{}\" fill-rule=\"evenodd\"", theme.land),
    );
    if let Some(focus) = &inset.focus {
        doc.path(
            focus,
            true,
            &format!("fill=\"{}\" fill-rule=\"evenodd\"", theme.land_focus),
        );
    }
    doc.path(
        &inset.borders,
        false,
        &format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"",
            theme.border,
            num(0.7 * unit)
        ),
    );
    doc.path(
        std::slice::from_ref(&inset.outline),
        true,
        &format!(
            "fill=\"none\" stroke=\"#d62728\" stroke-width=\"{}\"",
            num(2.0 * unit)
        ),
    );
    doc.close_group();
    doc.rect(
        rect.x,
        rect.y,
        rect.w,
        rect.h,
        &format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"1\"",
            theme.frame
        ),
    );
    doc.close_group();
}

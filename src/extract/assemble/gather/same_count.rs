//! Which count already gathered a new figure joins: the same count told again ("3
//! fatalities" after "three officers died"), one more claim about it by another source, one
//! more part of a breakdown still open, or none (a count of its own).

use super::Gathered;
use crate::extract::figures::{FigureMention, PartOf};
use crate::extract::incidents::Reading;
use crate::model::Measure;

/// Which gathered count a figure joins, if any.
pub(super) fn gathered_for(
    by_measure: &[(Measure, Gathered)],
    f: &FigureMention,
    measure: &Measure,
) -> Option<usize> {
    // Deaths and injuries on different sides are separate counts (civilians, fighters,
    // soldiers); other measures merge every claim (the escapees described two ways).
    let casualty = matches!(measure, Measure::Killed | Measure::Injured);
    let first = by_measure.iter().position(|(m, g)| {
        m == measure && (g.side.is_none() || !casualty || f.part_of != PartOf::None)
    });
    // ("Two women and a man were killed. 3 fatalities.": a count that names no one is not
    // one of the people joined by "and", but their total.)
    let in_chain = |i: usize| {
        by_measure[i].1.joined_to.is_some()
            || by_measure.iter().any(|(_, g)| g.joined_to == Some(i))
    };
    // ("10 women and 12 children were killed ... 23 civilians, another source said": another
    // source's count of other people than one joined by "and" is no second claim about it.)
    let other_people_elsewhere = |i: usize| {
        let g = &by_measure[i].1;
        let source = f.claim.source.as_deref();
        g.total_subjects.first().cloned().flatten() != f.subject
            && g.sources().iter().all(|s| *s != source)
    };
    // ("Twelve were killed ... The body of one victim was found outside": one person named
    // after a larger count is one of those counted, no rival claim that there was one.)
    // (Not a share, "one of the men": of the people counted in its own sentence.)
    let one_of_more = |g: &Gathered| {
        f.claim.value == 1
            && f.subject.is_some()
            && !f.share
            && g.least_total().is_some_and(|t| t > 1)
    };
    let same_side = (0..by_measure.len()).find(|&i| {
        let (m, g) = &by_measure[i];
        m == measure
            && (!casualty || g.side == f.side || g.side.is_none() && f.side.is_none())
            && !(in_chain(i) && (f.subject.is_none() || other_people_elsewhere(i)))
            && !one_of_more(g)
    });
    // "dozens were wounded, AFP said ... According to doctors, at least fifty people were
    // wounded": the only count of the measure, one of the two saying no side, counted again
    // by another named source (not a second count beside it, to be added to it).
    let mut of_measure = (0..by_measure.len()).filter(|&i| by_measure[i].0 == *measure);
    let sideless_again = match (of_measure.next(), of_measure.next()) {
        (Some(i), None) if casualty && by_measure[i].1.side.is_none() != f.side.is_none() => {
            let (g, source) = (&by_measure[i].1, f.claim.source.as_deref());
            let rival = source.is_some() && g.sources().iter().all(|s| s.is_some() && *s != source);
            (rival && !in_chain(i) && g.parts.is_empty()).then_some(i)
        }
        _ => None,
    };
    // "Three officers died. 3 fatalities.": the same count again, once without a side.
    let restated = by_measure.iter().position(|(m, g)| {
        m == measure
            && (g.side.is_none() || f.side.is_none())
            && g.totals.iter().any(|c| c.value == f.claim.value)
    });
    let open_breakdown = by_measure
        .iter()
        .position(|(m, g)| m == measure && g.breakdown_fits(f.claim.value));
    match f.part_of {
        PartOf::None if f.subject.is_some() && open_breakdown.is_some() => open_breakdown,
        PartOf::None => restated.or(same_side).or(sideless_again),
        _ => first.or(same_side),
    }
}

/// True when one subject is the other with words before it ("policemen", "mobile
/// policemen"): the same people, one told more narrowly.
pub(super) fn narrower_or_wider(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.len() > short.len()
        && long.ends_with(short)
        && long[..long.len() - short.len()].ends_with([' ', '-'])
}

/// True when figure `fi` of sentence `si` is the first of counts joined by "and" with the
/// same measure ("five men" in "five men and five women had been killed"): with the counts
/// joined to it, other people than a count told before by another source ("12 bodies were
/// found"), whose total is one more claim beside it, not a claim about the first of them.
pub(super) fn opens_joined(readings: &[Reading], si: usize, fi: usize) -> bool {
    let f = &readings[si].figures[fi];
    f.part_of == PartOf::None
        && f.subject.is_some()
        && readings[si].figures.get(fi + 1).is_some_and(|next| {
            next.joined && next.measure == f.measure && next.part_of == PartOf::None
        })
}

/// True when figure `fi` of sentence `si` is a count with a subject joined by "and" to the
/// count before it, with the same measure and no breakdown cue ("40 soldiers and 8 police").
pub(super) fn joined_to_same_measure(readings: &[Reading], si: usize, fi: usize) -> bool {
    let figures = &readings[si].figures;
    let f = &figures[fi];
    f.joined
        && f.part_of == PartOf::None
        && f.subject.is_some()
        && fi > 0
        && figures[fi - 1].measure == f.measure
        && figures[fi - 1].part_of == PartOf::None
}

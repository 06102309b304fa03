//! Totals a breakdown implies or checks: counts of other people joined by "and" add up to a
//! total the text never states, and the parts of a stated total are checked against it.

use crate::model::{group_thousands, Figure};

/// The check of a figure's breakdown, in words: "killed: the parts add up: 84 + 45 + 7 =
/// 136", a partial breakdown, or parts that sum to MORE than the total.
pub(super) fn breakdown_note(fig: &Figure) -> Option<String> {
    let (sum, ok) = fig.breakdown_check()?;
    let measure = &fig.measure;
    let terms: Vec<String> = fig
        .parts
        .iter()
        .filter_map(|p| p.best)
        .map(group_thousands)
        .collect();
    let terms = terms.join(" + ");
    let total = fig.best.map(group_thousands).unwrap_or_default();
    let sum_text = group_thousands(sum);
    Some(if ok {
        format!("{measure}: the parts add up: {terms} = {total}")
    } else if Some(sum) < fig.best {
        format!(
            "{measure}: the parts ({terms}) sum to {sum_text}, less than the total {total}: \
             a partial breakdown"
        )
    } else {
        format!(
            "{measure}: the parts ({terms}) sum to {sum_text}, MORE than the total {total}: \
             the figures do not add up"
        )
    })
}

/// "12 militants and 3 soldiers were killed": counts of other people joined by "and", with no
/// total of their own in the incident, are the parts of a total the text implies (15 killed).
/// `joined_to[i]` is the figure that figure `i` is joined to; `more[i]` is true when figure
/// `i` is said to be more than it ("five were killed ... three more died": 8 killed).
pub(super) fn joined_totals(
    figures: Vec<Figure>,
    joined_to: &[Option<usize>],
    more: &[bool],
) -> Vec<Figure> {
    // The first figure of each chain of joined figures.
    let head = |mut i: usize| {
        while let Some(j) = joined_to.get(i).copied().flatten() {
            i = j;
        }
        i
    };
    let heads: Vec<usize> = (0..figures.len()).map(head).collect();
    let chain_from = |i: usize| -> Vec<usize> {
        (i..figures.len())
            .filter(|&k| heads[k] == heads[i])
            .collect()
    };
    // ("killing one. 11 prisoners were also killed": the first count may name no one; the
    // counts joined to it say whom they count, or that they are more.)
    let chained = |chain: &[usize]| {
        chain.len() >= 2
            && chain.iter().all(|&k| figures[k].parts.is_empty())
            && chain[1..]
                .iter()
                .all(|&k| figures[k].subject.is_some() || more.get(k) == Some(&true))
    };
    let mut slots: Vec<Option<Figure>> = vec![None; figures.len()];
    let mut taken = vec![false; figures.len()];
    // ("Six died. ... Two police and four civilians were killed": the one count that names no
    // one, told before the people joined by "and", is their total, where it was told.)
    for i in (0..figures.len()).filter(|&i| heads[i] == i) {
        let chain = chain_from(i);
        // (Of two chains, the first takes it.)
        let stated =
            stated_total(&figures, &chain).filter(|&t| t < i && !taken[t] && chained(&chain));
        if let Some(t) = stated {
            let parts: Vec<Figure> = chain.iter().map(|&k| figures[k].clone()).collect();
            for &k in chain.iter().chain([&t]) {
                taken[k] = true;
            }
            slots[t] = Some(figures[t].clone().with_parts(parts));
        }
    }
    for i in 0..figures.len() {
        if taken[i] {
            continue;
        }
        let chain = chain_from(i);
        let measure = &figures[i].measure;
        let has_total = figures
            .iter()
            .enumerate()
            .any(|(k, f)| !chain.contains(&k) && &f.measure == measure && f.subject.is_none());
        // ("Two women and a man were killed. 3 fatalities.": or told after them.)
        let stated = stated_total(&figures, &chain).filter(|&t| chained(&chain) && !taken[t]);
        let figure = if let Some(t) = stated {
            taken[t] = true;
            let parts: Vec<Figure> = chain.iter().map(|&k| figures[k].clone()).collect();
            figures[t].clone().with_parts(parts)
        } else if chained(&chain) && !has_total {
            summed(&figures, &chain)
        } else {
            taken[i] = true;
            slots[i] = Some(figures[i].clone());
            continue;
        };
        for &k in &chain {
            taken[k] = true;
        }
        slots[i] = Some(figure);
    }
    slots.into_iter().flatten().collect()
}

/// The one figure outside `chain` of the chain's measure that names no one and has no parts:
/// the total the text states for the people the chain joins. (Not one below the least the
/// chain adds up to: "19 villagers were killed ... six militants were killed ... a toll of
/// 11" counts other people, not all of them.)
fn stated_total(figures: &[Figure], chain: &[usize]) -> Option<usize> {
    let measure = &figures[*chain.first()?].measure;
    let least: u64 = chain
        .iter()
        .filter_map(|&k| figures[k].low.or(figures[k].best))
        .fold(0, u64::saturating_add);
    let mut totals = (0..figures.len()).filter(|&t| {
        !chain.contains(&t)
            && &figures[t].measure == measure
            && figures[t].subject.is_none()
            && figures[t].parts.is_empty()
    });
    let total = totals.next().filter(|_| totals.next().is_none())?;
    let most = figures[total].high.or(figures[total].best);
    most.is_none_or(|v| v >= least).then_some(total)
}

/// The total the counts of `chain` add up to, with them as its parts.
fn summed(figures: &[Figure], chain: &[usize]) -> Figure {
    let parts: Vec<Figure> = chain.iter().map(|&k| figures[k].clone()).collect();
    let sum = |pick: fn(&Figure) -> Option<u64>| {
        parts
            .iter()
            .map(pick)
            .try_fold(0u64, |acc, v| v.map(|v| acc.saturating_add(v)))
    };
    let values = (sum(|f| f.low), sum(|f| f.best), sum(|f| f.high));
    let measure = figures[chain[0]].measure.clone();
    let mut total = Figure::from_claims(measure, None, Vec::new()).with_parts(parts);
    (total.low, total.best, total.high) = values;
    total
}

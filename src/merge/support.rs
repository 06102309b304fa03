//! Stage merge: what the reports say beyond place, date and type. The same count supports a
//! merge, so do close large tolls and a shared actor; counts that cannot both be true of one
//! event veto it.

use crate::model::{Incident, Qualifier};

use super::Judgement;

/// Two tolls of the same measure further apart than this factor are not one event.
const TOLL_RATIO: u64 = 20;

/// Words that name whoever was counted without narrowing the count: "12 people killed",
/// "dozens of civilians", "wounding 30 others" count the whole toll, "12 children" a part.
const WHOLE_TOLL_WORDS: [&str; 9] = [
    "people",
    "person",
    "persons",
    "individuals",
    "civilians",
    "civilian",
    "others",
    "citizens",
    "residents",
];

/// True when a figure counts the whole toll of its measure: no subject, or one that only
/// says "people" (after "of" or "other": "hundreds of people", "20 other persons").
pub fn whole_toll(subject: Option<&str>) -> bool {
    let Some(subject) = subject else {
        return true;
    };
    let folded = subject.trim().to_lowercase();
    let bare = folded
        .strip_prefix("of ")
        .or_else(|| folded.strip_prefix("other "))
        .unwrap_or(&folded)
        .trim();
    WHOLE_TOLL_WORDS.contains(&bare)
}

/// The smallest count two reports may share as a sign of one event: one or two dead in a
/// town on one day are common enough to coincide between unrelated events.
pub const SHARED_COUNT_MIN: u64 = 3;

/// Every count of measure `m` a report gives (no subset: "12 children" is not "12 killed")
/// that is large enough to tell events apart (at least [`SHARED_COUNT_MIN`]).
fn values(i: &Incident, m: &crate::model::Measure) -> Vec<u64> {
    i.figures
        .iter()
        .filter(|f| &f.measure == m && whole_toll(f.subject.as_deref()))
        .flat_map(|f| f.claims.iter().map(|c| c.value).chain(f.best))
        .filter(|v| *v >= SHARED_COUNT_MIN)
        .collect()
}

/// The counts of a report that someone counted: every whole-toll claim but a vague word's
/// ("hundreds" is read as 100, "dozens" as 12: conventional readings that coincide across
/// unrelated events), and a figure's best estimate when it has no claims (a table's value).
fn counted_values(i: &Incident) -> Vec<(&crate::model::Measure, u64)> {
    i.figures
        .iter()
        .filter(|f| whole_toll(f.subject.as_deref()))
        .flat_map(|f| {
            let claimed = f
                .claims
                .iter()
                .filter(|c| c.qualifier != Qualifier::Vague)
                .map(|c| c.value);
            let best = f.claims.is_empty().then_some(f.best).flatten();
            claimed.chain(best).map(move |v| (&f.measure, v))
        })
        .filter(|(_, v)| *v >= SHARED_COUNT_MIN)
        .collect()
}

/// Evidence that two reports count one event, not only one kind of event: a count of one
/// measure that both give, or close large tolls (see [`close_tolls`]), vague words left out.
/// What it found, for the explanation.
pub fn distinctive_count(a: &Incident, b: &Incident) -> Option<String> {
    let theirs = counted_values(b);
    let ours = counted_values(a);
    if let Some((m, v)) = ours.iter().find(|c| theirs.contains(c)) {
        return Some(format!("{v} {m}"));
    }
    ours.iter()
        .filter(|(_, x)| *x >= CLOSE_TOLL_MIN)
        .find_map(|(m, x)| {
            theirs
                .iter()
                .find(|(n, y)| n == m && *y >= CLOSE_TOLL_MIN && close(*x, *y))
                .map(|(_, y)| format!("{x} / {y} {m}"))
        })
}

/// Within a quarter of each other.
fn close(x: u64, y: u64) -> bool {
    x.max(y).saturating_mul(4) <= x.min(y).saturating_mul(5)
}

/// True when both reports count one measure of the same people (whole tolls, see
/// [`whole_toll`], or the same words: "14 traders" twice) in numbers of at least
/// [`SHARED_COUNT_MIN`], equal or not: "30 killed" and "at least 12 killed" are two outlets'
/// counts of one attack, "one man killed" twice is the daily toll of a busy town.
pub fn comparable_counts(a: &Incident, b: &Incident) -> bool {
    let whom = |f: &crate::model::Figure| -> Option<String> {
        (!whole_toll(f.subject.as_deref())).then(|| {
            f.subject
                .as_deref()
                .unwrap_or_default()
                .trim()
                .to_lowercase()
        })
    };
    let large = |f: &crate::model::Figure| {
        f.claims
            .iter()
            .map(|c| c.value)
            .chain(f.best)
            .any(|v| v >= SHARED_COUNT_MIN)
    };
    a.figures.iter().filter(|f| large(f)).any(|fa| {
        b.figures
            .iter()
            .any(|fb| fb.measure == fa.measure && whom(fb) == whom(fa) && large(fb))
    })
}

/// The largest count of one measure that both reports give, if any.
pub fn largest_shared_count(a: &Incident, b: &Incident) -> Option<u64> {
    a.figures
        .iter()
        .flat_map(|f| {
            let theirs = values(b, &f.measure);
            values(a, &f.measure)
                .into_iter()
                .filter(move |v| theirs.contains(v))
        })
        .max()
}

/// Figures: the same count of the same measure supports a merge. Between two coded table rows
/// (final tolls, not a first report's early count), headline totals of one measure more than
/// twenty-fold apart (5 against 200 killed) veto it, unless some other count of that measure
/// is shared. Returns whether a count is shared.
pub fn figures(a: &Incident, b: &Incident, tables: bool, j: &mut Judgement) -> bool {
    let mut shared = false;
    let mut measures: Vec<&crate::model::Measure> = a.figures.iter().map(|f| &f.measure).collect();
    measures.sort();
    measures.dedup();
    for m in measures {
        let (va, vb) = (values(a, m), values(b, m));
        if let Some(v) = va.iter().find(|v| vb.contains(v)) {
            if !shared {
                j.score += 10;
                j.alike.push(format!("both report {v} {m}"));
            }
            shared = true;
            continue;
        }
        // "No one was killed" against "two were killed": two events, not one told twice. A
        // report says no one only when none of its claims of that measure counts anyone (a
        // stray zero beside "as many as 200" is no such statement).
        let says_none = |i: &Incident| {
            let mut of_m = i.figures.iter().filter(|f| &f.measure == m).peekable();
            of_m.peek().is_some()
                && of_m.all(|f| {
                    f.best.unwrap_or(0) == 0
                        && f.high.unwrap_or(0) == 0
                        && f.claims.iter().all(|c| c.value == 0)
                })
        };
        let says_some = |i: &Incident| {
            i.figures.iter().filter(|f| &f.measure == m).any(|f| {
                f.best.unwrap_or(0) > 0
                    || f.high.unwrap_or(0) > 0
                    || f.claims.iter().any(|c| c.value > 0)
            })
        };
        if (says_none(a) && says_some(b)) || (says_none(b) && says_some(a)) {
            j.apart.push(format!(
                "one report says no one was {m}, the other counts some"
            ));
        }
        let headline = |i: &Incident| i.figure(m).and_then(|f| f.best).filter(|v| *v > 0);
        if let (true, Some(x), Some(y)) = (tables, headline(a), headline(b)) {
            if x.min(y).saturating_mul(TOLL_RATIO) < x.max(y) {
                j.apart
                    .push(format!("{m} {x} / {y}: more than {TOLL_RATIO}-fold apart"));
            }
        }
    }
    shared
}

/// Tolls this large or larger are rare enough in one town on one day that two reports
/// counting about the same number describe one event.
pub const CLOSE_TOLL_MIN: u64 = 20;

/// Close tolls: some count of one measure in each report, both at least [`CLOSE_TOLL_MIN`]
/// and within a quarter of each other (112 and 130 killed): outlets that disagree on a large
/// toll. Supports a merge where an identical count would (a district and its town on one
/// day); it never outweighs what sets two reports apart. Returns whether such tolls exist.
pub fn close_tolls(a: &Incident, b: &Incident, j: &mut Judgement) -> bool {
    let counts = |i: &Incident| -> Vec<(crate::model::Measure, u64)> {
        i.figures
            .iter()
            .filter(|f| whole_toll(f.subject.as_deref()))
            .flat_map(|f| {
                f.claims
                    .iter()
                    .map(|c| c.value)
                    .chain(f.best)
                    .map(move |v| (f.measure.clone(), v))
            })
            .filter(|(_, v)| *v >= CLOSE_TOLL_MIN)
            .collect()
    };
    let theirs = counts(b);
    for (m, x) in counts(a) {
        let near = theirs.iter().find(|(n, y)| *n == m && close(x, *y));
        if let Some((_, y)) = near {
            j.score += 6;
            j.alike.push(format!("close tolls ({x} / {y} {m})"));
            return true;
        }
    }
    false
}

fn fold_actor(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Actors: a shared actor supports a merge (names differ too much between readers to veto).
/// Returns whether one is shared.
pub fn actors(a: &Incident, b: &Incident, j: &mut Judgement) -> bool {
    let theirs: Vec<String> = b.actors.iter().map(|n| fold_actor(n)).collect();
    if let Some(name) = a
        .actors
        .iter()
        .find(|n| !fold_actor(n).is_empty() && theirs.contains(&fold_actor(n)))
    {
        j.score += 5;
        j.alike.push(format!("shared actor ({name})"));
        return true;
    }
    false
}

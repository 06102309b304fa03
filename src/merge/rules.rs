//! Stage merge: are two reports the same event? Place, date and event type must be
//! compatible (the place rule is `place_rule.rs`); shared figures and actors support a merge,
//! a wildly different toll vetoes it.
//!
//! Every rule returns what the two reports share (`alike`) or what sets them apart (`apart`):
//! a pair merges only when nothing sets it apart, and the reasons are the explanation.

use crate::model::{DatePrecision, DateSpan, EventType, Incident, OriginKind, Reported};

use super::admin::province_support;
use super::place_rule::{district, facility, place};
use super::support::{
    actors, close_tolls, comparable_counts, distinctive_count, figures, largest_shared_count,
};
use super::{Judgement, MergeMode};

/// Spans longer than this (a year, an undated record) never merge: "sometime in 2019" says
/// nothing about which event it was.
pub const MAX_SPAN_DAYS: i64 = 31;
/// Dates this far apart are still compared (and a kept-apart pair explained).
pub const NEAR_MISS_DAYS: i64 = 7;

/// A span of at most this many days (a day, or "overnight" over two days) is dated to the
/// day: only such reports get the slack of an adjacent day or a reporting lag.
pub const DAY_LEVEL_DAYS: i64 = 1;

/// A span of more than a week that is not a calendar month ("since the 3rd", "in the last
/// fifteen days") dates a running total over a period, not one event: it says nothing about
/// which event of the period a report of a day or a week describes.
pub fn period(span: &crate::model::DateSpan) -> bool {
    let length = span.end.days_since_epoch() - span.start.days_since_epoch();
    let calendar_month = span.start.day == 1
        && (span.start.year, span.start.month) == (span.end.year, span.end.month)
        && span.end.add_days(1).day == 1;
    length > 7 && !calendar_month
}

/// A span of more than a week that is no [`period`] (a calendar month: "in April", "last
/// month") says in which month an event was, not which of the month's events of a town it
/// was: such a report merges only on what identifies the event (see [`month_support`]).
pub fn month_only(span: &crate::model::DateSpan) -> bool {
    let length = span.end.days_since_epoch() - span.start.days_since_epoch();
    length > 7 && !period(span)
}

/// A report dated only to a month and another report: one event only when they give a
/// count of one measure in common or close large tolls, vague words ("hundreds", "dozens")
/// left out, or name the same site. A later article that recalls "an attack in August
/// that killed hundreds" in a city is no report of one particular attack of that August.
pub fn month_support(x: &Incident, y: &Incident, same_site: bool, j: &mut Judgement) {
    let wide = [x, y].into_iter().find(|i| month_only(&i.date));
    let Some(wide) = wide else {
        return;
    };
    if same_site {
        return;
    }
    match distinctive_count(x, y) {
        Some(count) => j.alike.push(format!(
            "dated to a month, with a count in common ({count})"
        )),
        None => j.apart.push(format!(
            "dated only to a month ({}), and no count in common but a vague word's",
            wide.date.label()
        )),
    }
}

/// Days a report may lag the event: an article that names no day is dated by its
/// publication day, and the event it reports may be that day or up to this many days before.
pub const REPORT_LAG_DAYS: i64 = 2;

/// True when a report is an article dated only by its publication day (no day in its text):
/// extraction dates its event to that day or the day before
/// ([`DateSpan::of_undated_report`]). (An article whose text names the day it appeared on is
/// dated to that one day: the day is named.)
pub fn dated_by_publication(r: &Reported) -> bool {
    r.origin.kind == OriginKind::Article
        && r.incident.sources.iter().any(|s| {
            s.published.is_some_and(|p| {
                p.precision == DatePrecision::Day
                    && r.incident.date == DateSpan::of_undated_report(&p)
            })
        })
}

/// Date: the spans overlap, or touch (adjacent days), or an article dated only by its
/// publication day reports an event up to [`REPORT_LAG_DAYS`] earlier (a report two days later
/// about "Thursday's attack"); the slack applies to day-dated reports only (see
/// [`DAY_LEVEL_DAYS`]). Dates that do not overlap need a shared figure, close large tolls or
/// the same named site as well. Spans longer than a month never merge. Returns true when the dates do
/// not overlap but may still be one event.
pub fn date(a: &Reported, b: &Reported, j: &mut Judgement) -> bool {
    let (x, y) = (&a.incident.date, &b.incident.date);
    let days = |s: &crate::model::DateSpan| s.end.days_since_epoch() - s.start.days_since_epoch();
    if days(x) >= MAX_SPAN_DAYS || days(y) >= MAX_SPAN_DAYS {
        j.apart.push("a date vaguer than a month".into());
        return false;
    }
    let gap = x.start.max(y.start).days_since_epoch() - x.end.min(y.end).days_since_epoch();
    let (lx, ly) = (x.label(), y.label());
    if x == y {
        j.score += 20;
        j.alike.push(format!("same date ({lx})"));
    } else if gap <= 0 {
        j.score += 15;
        j.alike.push(format!("overlapping dates ({lx} / {ly})"));
    } else if days(x) > DAY_LEVEL_DAYS || days(y) > DAY_LEVEL_DAYS {
        // A vague span (a week, a fortnight, a month) already covers the days its event may
        // lie on: an event the day after it is outside it, not a slip of one day.
        j.apart.push(format!(
            "{gap} day(s) apart ({lx} / {ly}); the slack of a day is for day-dated reports"
        ));
    } else if gap == 1 {
        j.score += 8;
        j.alike.push(format!("adjacent days ({lx} / {ly})"));
        return true;
    } else {
        // The later report may be the lagging one.
        let (later, earlier) = if x.start > y.start { (a, b) } else { (b, a) };
        if gap <= REPORT_LAG_DAYS && dated_by_publication(later) {
            j.score += 4;
            j.alike.push(format!(
                "reported {} without naming the day, {gap} days after {}",
                later.incident.date.label(),
                earlier.incident.date.label()
            ));
            return true;
        }
        j.apart.push(format!("{gap} days apart ({lx} / {ly})"));
    }
    false
}

/// The families of ACLED event types that one event may be coded as by different readers.
fn family(t: EventType) -> u8 {
    match t {
        EventType::Battles
        | EventType::ExplosionsRemoteViolence
        | EventType::ViolenceAgainstCivilians => 0,
        EventType::Protests | EventType::Riots => 1,
        EventType::StrategicDevelopments => 2,
    }
}

/// Event type: the same type, or one family (a strike on a market may be coded as remote
/// violence or as violence against civilians); an unknown type neither helps nor vetoes.
pub fn event_type(a: &Incident, b: &Incident, shared_figure: bool, j: &mut Judgement) {
    let (Some(x), Some(y)) = (a.event_type, b.event_type) else {
        return;
    };
    if x == y {
        j.score += 10;
        j.alike.push(format!("same event type ({x})"));
    } else if family(x) == family(y) {
        j.score += 5;
        j.alike.push(format!("compatible event types ({x} / {y})"));
    } else if family(x).max(family(y)) == 2 && family(x).min(family(y)) == 0 && shared_figure {
        j.alike
            .push(format!("event types {x} / {y}, with a shared figure"));
    } else {
        j.apart.push(format!("event types differ ({x} / {y})"));
    }
}

/// Whether the mode lets the two reports merge at all, and if not, why.
pub fn eligible(a: &Reported, b: &Reported, mode: MergeMode) -> Result<(), String> {
    match mode {
        MergeMode::None => return Err("merging is off (merge mode None)".into()),
        MergeMode::Articles
            if a.origin.kind != OriginKind::Article || b.origin.kind != OriginKind::Article =>
        {
            return Err("a table row (tables merge only in merge mode All)".into())
        }
        _ => {}
    }
    if a.origin.file == b.origin.file {
        return Err("same document (its reader kept them apart)".into());
    }
    if a.origin.dataset.is_some() && a.origin.dataset == b.origin.dataset {
        return Err("same data set (its coders already de-duplicate their rows)".into());
    }
    Ok(())
}

/// The whole verdict on a pair.
pub fn judge(a: &Reported, b: &Reported, mode: MergeMode) -> Judgement {
    let mut j = Judgement::default();
    if let Err(why) = eligible(a, b, mode) {
        j.apart.push(why);
        return j;
    }
    j.eligible = true;
    let (x, y) = (&a.incident, &b.incident);
    place(&x.place, &y.place, largest_shared_count(x, y), &mut j);
    let apart_days = date(a, b, &mut j);
    let tables = a.origin.kind == OriginKind::Table && b.origin.kind == OriginKind::Table;
    let shared = figures(x, y, tables, &mut j);
    let same_site = facility(&x.place).is_some() && facility(&x.place) == facility(&y.place);
    event_type(x, y, shared, &mut j);
    actors(x, y, &mut j);
    // "Shelling in Foo (A)" and "shelling in A": one article names a district of the town,
    // the other only the town. A town holds many events a day; a shared count must say so.
    // (A table's third-level division is a coding habit, not a statement of the text.)
    let articles = a.origin.kind == OriginKind::Article && b.origin.kind == OriginKind::Article;
    let one_district = articles && district(&x.place).is_some() != district(&y.place).is_some();
    let close = !shared && close_tolls(x, y, &mut j);
    let district_veto = one_district && !(shared || same_site || close);
    if district_veto {
        j.apart.push(format!(
            "a district of the town and the town ({} / {}), and no figure in common",
            x.place.display_name(),
            y.place.display_name()
        ));
    }
    // Short reports of a busy town: the same town, day and kind of event is not yet one
    // event. Reports of one event told twice count the same thing in numbers large enough to
    // tell events apart (12 and 30 killed: the disagreement the merge keeps); one dead in
    // each, or a count in one and none in the other, is what two unrelated events of a town's
    // day also give. A shared site or district must otherwise say so; a shared actor (the
    // police, an armed group active every day) does not.
    let same_measure = comparable_counts(x, y);
    let same_district = district(&x.place).is_some() && district(&x.place) == district(&y.place);
    if articles && !(same_measure || shared || same_site || same_district) {
        j.apart.push(
            "nothing in common but place, day and kind (no count of the same thing large enough to tell events apart, no site)"
                .into(),
        );
    }
    if apart_days && !(shared || same_site || close) {
        j.apart.push(
            "dates that do not overlap, and no figure, close toll or named site in common".into(),
        );
    }
    if j.province {
        province_support(x, y, apart_days, close, &mut j);
    }
    month_support(x, y, same_site, &mut j);
    let (px, py) = (period(&x.date), period(&y.date));
    if (px || py) && x.date != y.date && !(shared || same_site) {
        j.apart.push(format!(
            "a running total over a period ({}), and no count in common",
            if px { x.date.label() } else { y.date.label() }
        ));
    }
    if district_veto && j.apart.len() == 1 {
        j.bridge = district(&x.place).or_else(|| district(&y.place));
    }
    j
}

//! The gazetteer commands: `incimap geocode NAME…` (each name's candidates, printed as text
//! or JSON) and `incimap gazetteer build` (a `.gaz` index from GeoNames dumps, with what was
//! skipped).

use std::fs::File;
use std::io::{BufReader, Write};
use std::path::Path;

use serde_json::{json, Value};

use super::printable::printable;
use incimap::gazetteer::{build_from_geonames, Candidate, Context, Gazetteer, Resolution};
use incimap::{Error, Result};

/// The credit printed under every look-up.
pub const GEONAMES_CREDIT: &str =
    "Place data: GeoNames (geonames.org), CC BY 4.0; world regions: Natural Earth.";

/// `incimap geocode NAME... [--country CC] [--limit N] [--json]`: prints the candidates of
/// each name (lon/lat, id, admin1, country, population, score, reason) or "not found" with
/// suggestions, then the GeoNames credit. Returns how many names were not found.
pub fn geocode_command(
    gazetteer: &Gazetteer,
    names: &[String],
    country: Option<&str>,
    limit: usize,
    json: bool,
    out: &mut impl Write,
) -> Result<usize> {
    let context = Context::country(country);
    let limit = limit.max(1);
    let mut not_found = 0;
    let mut results = Vec::new();
    let io = |e: std::io::Error| Error::Write {
        path: "<stdout>".into(),
        source: e,
    };
    for name in names {
        let resolution = gazetteer.resolve_limit(name, &context, limit);
        if matches!(resolution, Resolution::NotFound { .. }) {
            not_found += 1;
        }
        if json {
            results.push(json_result(name, &resolution));
        } else {
            // The name as typed is echoed: its control characters are shown, not run.
            let mut text = Vec::new();
            write_text(&mut text, name, &resolution).map_err(io)?;
            let text = String::from_utf8_lossy(&text);
            out.write_all(printable(&text).as_bytes()).map_err(io)?;
        }
    }
    if json {
        let doc = json!({ "results": results, "credit": GEONAMES_CREDIT });
        let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        writeln!(out, "{text}").map_err(io)?;
    } else {
        writeln!(out, "{GEONAMES_CREDIT}").map_err(io)?;
    }
    Ok(not_found)
}

fn candidates<'a, 'g>(resolution: &'a Resolution<'g>) -> Vec<&'a Candidate<'g>> {
    match resolution {
        Resolution::Found { best, alternatives } => {
            std::iter::once(best).chain(alternatives).collect()
        }
        Resolution::NotFound { .. } => Vec::new(),
    }
}

fn write_text(
    out: &mut impl Write,
    name: &str,
    resolution: &Resolution<'_>,
) -> std::io::Result<()> {
    writeln!(out, "{name}")?;
    if let Resolution::NotFound { suggestions } = resolution {
        if suggestions.is_empty() {
            writeln!(out, "  not found")?;
        } else {
            writeln!(
                out,
                "  not found; did you mean: {}?",
                suggestions.join(", ")
            )?;
        }
    }
    for (i, c) in candidates(resolution).iter().enumerate() {
        let e = c.entry;
        writeln!(
            out,
            "  {}. {}  {}  {}{}  lon {:.5} lat {:.5}  {}{}  pop {}  score {:.2}",
            i + 1,
            e.name,
            e.id,
            e.country_code,
            e.admin1
                .as_deref()
                .map(|a| format!(", {a}"))
                .unwrap_or_default(),
            e.lon,
            e.lat,
            e.kind.as_str(),
            e.feature_code
                .as_deref()
                .map(|f| format!(" {f}"))
                .unwrap_or_default(),
            e.population,
            c.score
        )?;
        writeln!(out, "     {}", c.reason)?;
    }
    Ok(())
}

fn json_result(name: &str, resolution: &Resolution<'_>) -> Value {
    let suggestions = match resolution {
        Resolution::NotFound { suggestions } => suggestions.clone(),
        Resolution::Found { .. } => Vec::new(),
    };
    let candidates: Vec<Value> = candidates(resolution)
        .iter()
        .map(|c| {
            let e = c.entry;
            json!({
                "id": e.id,
                "name": e.name,
                "country": e.country_code,
                "admin1": e.admin1,
                "admin1_code": e.admin1_code,
                "lon": e.lon,
                "lat": e.lat,
                "kind": e.kind.as_str(),
                "feature_code": e.feature_code,
                "precision": e.precision.as_str(),
                "population": e.population,
                "score": (c.score * 1000.0).round() / 1000.0,
                "reason": c.reason,
            })
        })
        .collect();
    json!({
        "query": name,
        "found": !candidates.is_empty(),
        "candidates": candidates,
        "suggestions": suggestions,
    })
}

/// `incimap gazetteer build --geonames FILE [--alternate-names FILE] -o OUT`: builds a `.gaz`
/// index from GeoNames dumps, writes it to `output` and prints what it did (with the first
/// skipped rows and the GeoNames credit).
pub fn build_command(
    geonames: &Path,
    alternate_names: Option<&Path>,
    output: &Path,
    out: &mut impl Write,
) -> Result<u64> {
    let open = |path: &Path| {
        File::open(path)
            .map(BufReader::new)
            .map_err(|source| Error::Read {
                path: path.to_path_buf(),
                source,
            })
    };
    let alt = alternate_names.map(open).transpose()?;
    let (bytes, report) = build_from_geonames(open(geonames)?, alt)?;
    incimap::export::write_atomically(output, &bytes)?;
    let io = |e: std::io::Error| Error::Write {
        path: "<stdout>".into(),
        source: e,
    };
    writeln!(
        out,
        "{}: {} records, {} names ({} alternate names added) from {} rows; {} rows skipped",
        output.display(),
        report.records,
        report.names,
        report.alternate_names,
        report.rows,
        report.skipped_count
    )
    .map_err(io)?;
    for e in &report.skipped {
        writeln!(out, "  skipped {}", printable(&e.to_string())).map_err(io)?;
    }
    writeln!(out, "{GEONAMES_CREDIT}").map_err(io)?;
    Ok(report.skipped_count as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two GeoNames rows of made-up towns and one row too short to read.
    const DUMP: &str = "900001\tNorth Weir\tNorth Weir\tNorthweir\t36.2\t40.2\tP\tPPL\tSY\t\t01\t\t\t\t1200\t\t\tAsia/Damascus\t2023-01-01\n\
900002\tSouth Weir\tSouth Weir\t\t36.1\t40.3\tP\tPPL\tSY\t\t01\t\t\t\t800\t\t\tAsia/Damascus\t2023-01-01\n\
too short\n";

    #[test]
    fn the_geocode_command_prints_candidates_and_credits_geonames() {
        let g = Gazetteer::builtin();
        let names = vec!["Hasakah".to_string(), "Xqzzyville".to_string()];
        let mut out = Vec::new();
        let missing = geocode_command(g, &names, Some("sy"), 3, false, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(missing, 1);
        assert!(
            text.contains("1. Al Ḩasakah  geonames:173811  SY"),
            "{text}"
        );
        assert!(text.contains("lon 40.74772 lat 36.50237"), "{text}");
        assert!(text.contains("not found"), "{text}");
        assert!(text.trim_end().ends_with(GEONAMES_CREDIT), "{text}");
        let mut out = Vec::new();
        geocode_command(g, &names[..1], None, 2, true, &mut out).unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            doc["results"][0]["candidates"].as_array().map(Vec::len),
            Some(2)
        );
        assert_eq!(doc["results"][0]["candidates"][0]["id"], "geonames:173811");
        assert!(doc["credit"].as_str().unwrap().contains("GeoNames"));
    }

    #[test]
    fn the_build_command_writes_a_gaz_file() {
        let dir = tempfile::tempdir().unwrap();
        let dump = dir.path().join("SY.txt");
        std::fs::write(&dump, DUMP).unwrap();
        let output = dir.path().join("sy.gaz");
        let mut out = Vec::new();
        build_command(&dump, None, &output, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("2 records"), "{text}");
        assert!(text.contains("1 rows skipped"), "{text}");
        assert!(text.contains("GeoNames"), "{text}");
        assert_eq!(Gazetteer::load(&output).unwrap().len(), 2);
        assert!(build_command(
            &dir.path().join("missing.txt"),
            None,
            &output,
            &mut Vec::new()
        )
        .is_err());
    }
}

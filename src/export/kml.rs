//! Stage 3, export: incidents → KML 2.2 for Google Earth (and GDAL's KML/LIBKML drivers).
//!
//! One Placemark per located incident: `name` (the title), a `description` balloon in HTML
//! (date, place, event type, every figure with its range and each claim with who made it,
//! the breakdown, the sources), a `TimeSpan` (so Google Earth's time slider works), typed
//! `ExtendedData` (`SchemaData` against a `Schema` declaring `id`, dates, place, taxonomy and
//! the `<measure>`/`_low`/`_high` integers, so GIS clients get typed fields) and a `Point`.
//! Styles: one per event type, so that a reader tells battles from protests at a glance.

use std::fmt::Write as _;

use super::stream::{RecordFormat, Summary};
use crate::model::properties::{figures_text, round6};
use crate::model::{EventType, Figure, Incident, Measure};

/// The string fields of the schema, in order.
const TEXT_FIELDS: [&str; 14] = [
    "id",
    "date_start",
    "date_end",
    "date_precision",
    "place",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "geo_precision",
    "event_type",
    "sub_event_type",
    "actors",
    "figures_text",
];

/// KML colors (aabbggrr) per event type: the map's palette.
const STYLES: [(&str, &str); 7] = [
    ("Battles", "ff2f2fd6"),
    ("Explosions/Remote violence", "ff1e7ff5"),
    ("Violence against civilians", "ff8c1e8c"),
    ("Protests", "ffb48c1e"),
    ("Riots", "ff1ec8f0"),
    ("Strategic developments", "ff5a8c3c"),
    ("other", "ff808080"),
];

/// The streaming KML format.
pub struct KmlFormat {
    pub measures: Vec<Measure>,
}

impl KmlFormat {
    pub fn new(summary: &Summary) -> KmlFormat {
        KmlFormat {
            measures: summary.measure_columns(),
        }
    }
}

/// XML text escaping (element content and attribute values); characters XML 1.0 does not
/// allow at all become U+FFFD.
pub fn xml_escape(text: &str, out: &mut String) {
    crate::xml_chars::escape_markup(text, out, "&apos;", |c| Some(crate::xml_chars::xml_char(c)));
}

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    xml_escape(text, &mut out);
    out
}

fn style_id(event: Option<EventType>) -> &'static str {
    match event {
        Some(EventType::Battles) => "battles",
        Some(EventType::ExplosionsRemoteViolence) => "explosions",
        Some(EventType::ViolenceAgainstCivilians) => "civilians",
        Some(EventType::Protests) => "protests",
        Some(EventType::Riots) => "riots",
        Some(EventType::StrategicDevelopments) => "strategic",
        None => "other",
    }
}

/// The balloon: an HTML fragment (escaped as XML text, not CDATA, so no content can end it).
fn balloon(incident: &Incident) -> String {
    let mut html = String::new();
    let place = &incident.place;
    let _ = write!(
        html,
        "<p><b>{}</b><br/>{} · {}",
        esc(&incident.title),
        incident.date.label(),
        esc(place.display_name())
    );
    if let Some(cc) = &place.country_code {
        let _ = write!(html, ", {}", esc(cc));
    }
    if let Some(t) = incident
        .sub_event_type
        .map(|s| s.as_str())
        .or(incident.event_type.map(|e| e.as_str()))
    {
        let _ = write!(html, "<br/>{}", esc(t));
    }
    html.push_str("</p>");
    if !incident.figures.is_empty() {
        html.push_str("<ul>");
        for figure in &incident.figures {
            figure_item(figure, &mut html);
        }
        html.push_str("</ul>");
    }
    if !incident.description.is_empty() {
        let _ = write!(html, "<p>{}</p>", esc(&incident.description));
    }
    let outlets: Vec<String> = incident
        .sources
        .iter()
        .filter_map(|s| s.outlet.clone().or(s.title.clone()).or(s.location.clone()))
        .collect();
    if !outlets.is_empty() {
        let _ = write!(html, "<p>Sources: {}</p>", esc(&outlets.join("; ")));
    }
    html
}

fn figure_item(figure: &Figure, html: &mut String) {
    let range = figure.range_label().unwrap_or_else(|| "?".into());
    let _ = write!(
        html,
        "<li><b>{} {}</b>",
        esc(&range),
        esc(figure.measure.as_str())
    );
    if let Some(subject) = &figure.subject {
        let _ = write!(html, " ({})", esc(subject));
    }
    for claim in &figure.claims {
        let who = claim.source.as_deref().unwrap_or("unattributed");
        let _ = write!(
            html,
            "<br/>{} according to {}",
            esc(&claim.short_label()),
            esc(who)
        );
        if let Some(text) = &claim.text {
            let _ = write!(html, ": “{}”", esc(text));
        }
    }
    if !figure.parts.is_empty() {
        html.push_str("<ul>");
        for part in &figure.parts {
            figure_item(part, html);
        }
        html.push_str("</ul>");
    }
    html.push_str("</li>");
}

impl RecordFormat for KmlFormat {
    fn header(&self, out: &mut Vec<u8>) {
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n  <name>incimap incidents</name>\n",
        );
        let _ = writeln!(
            s,
            "  <description>{}</description>",
            esc(crate::DATA_CREDITS)
        );
        for (name, color) in STYLES {
            let id = style_id(name.parse().ok());
            let _ = writeln!(
                s,
                "  <Style id=\"{id}\"><IconStyle><color>{color}</color><Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href></Icon></IconStyle></Style>"
            );
        }
        s.push_str("  <Schema name=\"incident\" id=\"incident\">\n");
        for field in TEXT_FIELDS {
            let _ = writeln!(s, "    <SimpleField name=\"{field}\" type=\"string\"/>");
        }
        for measure in &self.measures {
            let name = esc(measure.as_str());
            for suffix in ["", "_low", "_high"] {
                let _ = writeln!(s, "    <SimpleField name=\"{name}{suffix}\" type=\"int\"/>");
            }
        }
        s.push_str("  </Schema>\n  <Folder>\n    <name>incidents</name>\n");
        out.extend_from_slice(s.as_bytes());
    }

    fn record(&self, incident: &Incident, out: &mut Vec<u8>) {
        let Some((lon, lat)) = incident.place.lon_lat() else {
            return;
        };
        let place = &incident.place;
        let mut s = String::with_capacity(2048);
        let _ = write!(
            s,
            "    <Placemark>\n      <name>{}</name>\n      <description>{}</description>\n      <TimeSpan><begin>{}</begin><end>{}</end></TimeSpan>\n      <styleUrl>#{}</styleUrl>\n      <ExtendedData><SchemaData schemaUrl=\"#incident\">\n",
            esc(&incident.title),
            esc(&balloon(incident)),
            incident.date.start,
            incident.date.end,
            style_id(incident.event_type),
        );
        let values = [
            incident.id.clone(),
            incident.date.start.to_string(),
            incident.date.end.to_string(),
            incident.date.precision.as_str().to_string(),
            place.name.clone(),
            place.country_code.clone().unwrap_or_default(),
            place.admin1.clone().unwrap_or_default(),
            place.admin2.clone().unwrap_or_default(),
            place.admin3.clone().unwrap_or_default(),
            place.precision.as_str().to_string(),
            incident
                .event_type
                .map(|e| e.as_str().to_string())
                .unwrap_or_default(),
            incident
                .sub_event_type
                .map(|e| e.as_str().to_string())
                .unwrap_or_default(),
            incident.actors.join("; "),
            figures_text(incident, &self.measures),
        ];
        for (field, value) in TEXT_FIELDS.iter().zip(values) {
            if !value.is_empty() {
                let _ = writeln!(
                    s,
                    "        <SimpleData name=\"{field}\">{}</SimpleData>",
                    esc(&value)
                );
            }
        }
        for measure in &self.measures {
            let Some(fig) = incident.figure(measure) else {
                continue;
            };
            let name = esc(measure.as_str());
            for (suffix, value) in [("", fig.best), ("_low", fig.low), ("_high", fig.high)] {
                if let Some(v) = value {
                    let _ = writeln!(
                        s,
                        "        <SimpleData name=\"{name}{suffix}\">{v}</SimpleData>"
                    );
                }
            }
        }
        let _ = write!(
            s,
            "      </SchemaData></ExtendedData>\n      <Point><coordinates>{},{}</coordinates></Point>\n    </Placemark>\n",
            round6(lon),
            round6(lat)
        );
        out.extend_from_slice(s.as_bytes());
    }

    fn footer(&self, _any: bool, _written: &Summary, out: &mut Vec<u8>) {
        out.extend_from_slice(b"  </Folder>\n</Document>\n</kml>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::example_incidents;

    #[test]
    fn placemarks_carry_a_balloon_with_claims_and_typed_data() {
        let mut incident = example_incidents().incidents.remove(0);
        incident.place.lon = Some(38.86228);
        incident.place.lat = Some(36.3855);
        incident.title = "A <b> & \"c\" ]]>".into();
        let mut summary = Summary::default();
        summary.add(&incident);
        let format = KmlFormat::new(&summary);
        let mut out = Vec::new();
        format.header(&mut out);
        format.record(&incident, &mut out);
        format.footer(true, &summary, &mut out);
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("<SimpleField name=\"escaped_high\" type=\"int\"/>"),
            "{text}"
        );
        assert!(
            text.contains("<name>A &lt;b&gt; &amp; &quot;c&quot; ]]&gt;</name>"),
            "{text}"
        );
        assert!(text.contains("according to Kurdish authorities"), "{text}");
        assert!(
            text.contains("<coordinates>38.86228,36.3855</coordinates>"),
            "{text}"
        );
        assert!(
            text.contains("<SimpleData name=\"escaped_high\">700</SimpleData>"),
            "{text}"
        );
    }
}

//! Stage 3, render (HTML): the page itself — the vendored Leaflet (see
//! `assets/web/leaflet/PROVENANCE.md`), the page's own script and style from `assets/web/`,
//! and the data, in one file, under a Content-Security-Policy that allows no network at all
//! (`default-src 'none'`; the two inline scripts and two inline styles are allowed by their
//! SHA-256, nothing else runs).

use sha2::{Digest, Sha256};

use crate::render::Lang;

const LEAFLET_JS: &str = include_str!("../../../assets/web/leaflet/leaflet.js");
const LEAFLET_CSS: &str = include_str!("../../../assets/web/leaflet/leaflet.css");
/// The page's script: its four parts in one function scope.
const MAP_JS: &str = concat!(
    "(function () {\n'use strict';\n",
    include_str!("../../../assets/web/js/1-page.js"),
    include_str!("../../../assets/web/js/2-symbols.js"),
    include_str!("../../../assets/web/js/3-popups.js"),
    include_str!("../../../assets/web/js/4-controls.js"),
    "})();\n"
);
/// The script of a page of the static map's groups: the same four parts, and a fifth that
/// says what the symbols are and lists each group's largest incidents in its popup.
const GROUPS_JS: &str = concat!(
    "(function () {\n'use strict';\n",
    include_str!("../../../assets/web/js/1-page.js"),
    include_str!("../../../assets/web/js/2-symbols.js"),
    include_str!("../../../assets/web/js/3-popups.js"),
    include_str!("../../../assets/web/js/4-controls.js"),
    include_str!("../../../assets/web/js/5-groups.js"),
    "})();\n"
);
const MAP_CSS: &str = include_str!("../../../assets/web/map.css");
const BODY: &str = include_str!("../../../assets/web/body.html");

/// Which script a page runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Incidents drawn one by one, grouped on screen when many are in view.
    Incidents,
    /// The static map's groups, one symbol each.
    Groups,
}

impl Script {
    fn code(self) -> &'static str {
        match self {
            Script::Incidents => MAP_JS,
            Script::Groups => GROUPS_JS,
        }
    }
}

/// An embedded text as the browser sees it: an HTML parser turns CR LF into LF before the
/// Content-Security-Policy hash is taken (Leaflet's CSS ships with CR LF line ends).
fn as_parsed(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The page up to its data: the head with the policy, title and styles, and the body's
/// markup. `capacity`: the bytes the data will take, about.
pub fn start(title: &str, lang: Lang, capacity: usize, script: Script) -> String {
    let csp = content_security_policy(script);
    let lang = match lang {
        Lang::En => "en",
        Lang::Nl => "nl",
    };
    let mut out = String::with_capacity(capacity + LEAFLET_JS.len() + script.code().len() + 65_536);
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(lang);
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    out.push_str(&csp);
    out.push_str("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
    out.push_str(&escape_text(title));
    out.push_str("</title>\n<style>");
    out.push_str(&as_parsed(LEAFLET_CSS));
    out.push_str("</style>\n<style>");
    out.push_str(&as_parsed(MAP_CSS));
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(BODY);
    out
}

/// Opens a data element; what follows must be safe to embed (see [`super::json`]).
pub fn open_data(out: &mut String, id: &str) {
    out.push_str("<script type=\"application/json\" id=\"");
    out.push_str(id);
    out.push_str("\">");
}

pub fn close_data(out: &mut String) {
    out.push_str("</script>\n");
}

/// Leaflet, the page's script, and the end of the page.
pub fn finish(out: &mut String, script: Script) {
    out.push_str("<script>");
    out.push_str(&as_parsed(LEAFLET_JS));
    out.push_str("</script>\n<script>");
    out.push_str(&as_parsed(script.code()));
    out.push_str("</script>\n</body>\n</html>\n");
}

/// No source of anything but the page's own inline scripts and styles, named by hash: no
/// fetch, image, font, frame, form or base URL can reach a network.
pub fn content_security_policy(script: Script) -> String {
    format!(
        "default-src 'none'; script-src {} {}; style-src {} {}; img-src 'none'; \
         connect-src 'none'; font-src 'none'; media-src 'none'; object-src 'none'; \
         frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'",
        hash_source(LEAFLET_JS),
        hash_source(script.code()),
        hash_source(LEAFLET_CSS),
        hash_source(MAP_CSS)
    )
}

fn hash_source(text: &str) -> String {
    format!(
        "'sha256-{}'",
        base64(&Sha256::digest(as_parsed(text).as_bytes()))
    )
}

/// Standard base64 with padding (RFC 4648).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Text for an HTML element's content.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::xml_chars::escape_markup(text, &mut out, "&#39;", Some);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn the_embedded_code_cannot_end_its_element_early() {
        for code in [LEAFLET_JS, MAP_JS, GROUPS_JS] {
            assert!(!code.to_ascii_lowercase().contains("</script"));
            assert!(!code.contains("<!--"));
        }
        for style in [LEAFLET_CSS, MAP_CSS] {
            assert!(!style.to_ascii_lowercase().contains("</style"));
        }
    }

    #[test]
    fn the_policy_allows_no_network() {
        let csp = content_security_policy(Script::Groups);
        assert!(csp.starts_with("default-src 'none';"));
        assert!(!csp.contains("http") && !csp.contains('*') && !csp.contains("'self'"));
        assert!(!csp.contains("unsafe"));
        assert_eq!(csp.matches("'sha256-").count(), 4);
    }

    #[test]
    fn titles_are_text() {
        assert_eq!(
            escape_text("<script>&\"'"),
            "&lt;script&gt;&amp;&quot;&#39;"
        );
    }
}

//! Stage 1, ingest/extract: the consonant skeleton of a place name, which romanisations of
//! one Arabic, Pashto or Amharic name share: vowels, the glides written for long vowels and
//! an `h` after a consonant aside ("Seraqeb" and Saraqib are both `s r k b`).

use crate::gazetteer::fold;

/// The consonants of a folded name, in order, each once: vowels (and the glides `w` and
/// `y`, written for long vowels) are what romanisations disagree on, and so is an `h` after
/// a consonant or at the end ("kh", "sh", "-ah").
pub(in crate::extract) fn consonants(name: &str) -> Vec<u8> {
    let folded = fold(name);
    let letters: Vec<u8> = folded.bytes().filter(u8::is_ascii_lowercase).collect();
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'w' | b'y');
    let mut out: Vec<u8> = Vec::with_capacity(letters.len());
    for (k, &b) in letters.iter().enumerate() {
        let after_consonant = k > 0 && !vowel(letters[k - 1]);
        let last = k + 1 == letters.len();
        if vowel(b) || b == b'h' && (after_consonant || last) || out.last() == Some(&b) {
            continue;
        }
        out.push(b);
    }
    out
}

/// True when two consonant skeletons are equal, or (from four consonants on) one letter
/// apart: "Seraqeb" and Saraqib, not "Al Qaryat" and Gharyan.
pub(in crate::extract) fn same_consonants(a: &[u8], b: &[u8]) -> bool {
    if a == b {
        return true;
    }
    if a.len().max(b.len()) < 4 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        // One letter replaced.
        short[head + 1..] == long[head + 1..]
    } else {
        // One letter more in the longer.
        short[head..] == long[head + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::{consonants, same_consonants};

    fn same(a: &str, b: &str) -> bool {
        same_consonants(&consonants(a), &consonants(b))
    }

    #[test]
    fn romanisations_of_one_name_share_their_consonants() {
        assert!(same("Seraqeb", "Saraqib"));
        assert!(same("Quamishli", "Qamishli"));
        assert!(same("Daret Izza", "Dārat ‘Izzah"));
        assert!(same("Tikriet", "Tikrīt"));
        // The article written into the word: one consonant more.
        assert!(same("Maaret Alnouman", "Ma‘arrat an Nu‘mān"));
    }

    #[test]
    fn other_names_do_not() {
        assert!(!same("Al Qaryat", "Gharyan"));
        assert!(!same("Novozvanivka", "Novohannivka"));
        // Short names must agree in every consonant.
        assert!(!same("Man", "Mao"));
        assert!(!same("Kadin", "Kallin"));
    }
}

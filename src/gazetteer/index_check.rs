//! A `.gaz` index from outside checked through and through before it is used. Its fst
//! checksum only says that the bytes are those the checksum was computed over: bytes made to
//! fit a checksum (as a fuzzer does within seconds) can still hold node addresses that point
//! anywhere, and the fst crate panics on them during a look-up. So the whole fst is walked
//! once at load, every key and value, with a panic turned into an error: look-ups (exact or
//! fuzzy) only ever follow transitions this walk has followed.

use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};

use fst::Streamer;

/// Walks every key of `map`; an error when the walk cannot be completed.
pub fn walk_whole_fst(map: &fst::Map<Cow<'static, [u8]>>) -> Result<(), String> {
    let walk = || {
        let mut stream = map.stream();
        let mut keys = 0usize;
        while stream.next().is_some() {
            keys += 1;
        }
        keys
    };
    // The walk runs once, at load, before any other thread uses the gazetteer: the panic
    // message is kept off the user's terminal while it runs.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let walked = catch_unwind(AssertUnwindSafe(walk));
    std::panic::set_hook(hook);
    match walked {
        Ok(keys) if keys == map.len() => Ok(()),
        Ok(keys) => Err(format!(
            "corrupt gazetteer index: {keys} keys found, {} announced",
            map.len()
        )),
        Err(_) => Err("corrupt gazetteer index: its name index cannot be walked".into()),
    }
}

//! Stage 3, render: the points of a map read while streaming, kept on disk rather than in
//! memory (16 bytes a point in an anonymous temporary file), and the exact order statistics
//! the fitted extent needs of them (the median point, the distance within which 98 % lie)
//! found in a few sequential reads with a fixed amount of memory.
//!
//! [`PointSpool::nth_smallest`] is a radix selection over the values' bits in the order of
//! `f64::total_cmp`: each read counts the values that share the prefix found so far by their
//! next 16 bits, and keeps the bucket holding the n-th; once that bucket is small enough its
//! values are read into memory and sorted. The result is the very value a full sort would
//! put at index n.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};

/// The error of the temporary file of the map's points.
pub(super) fn spool_error(source: std::io::Error) -> crate::error::Error {
    crate::error::Error::Write {
        path: "<temporary file of the map's points>".into(),
        source,
    }
}

/// Bits resolved per read.
const RADIX_BITS: u32 = 16;
/// A bucket this small is sorted in memory.
const SORT_IN_MEMORY: u64 = 1 << 20;

/// Points (lon, lat) in the order they were pushed, on disk.
pub(crate) struct PointSpool {
    out: BufWriter<File>,
    len: u64,
}

impl PointSpool {
    pub fn new() -> std::io::Result<PointSpool> {
        Ok(PointSpool {
            out: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
            len: 0,
        })
    }

    pub fn push(&mut self, (lon, lat): (f64, f64)) -> std::io::Result<()> {
        self.out.write_all(&lon.to_le_bytes())?;
        self.out.write_all(&lat.to_le_bytes())?;
        self.len += 1;
        Ok(())
    }

    /// Hands every point to `visit`, in the order pushed.
    pub fn for_each(&mut self, visit: &mut dyn FnMut((f64, f64))) -> std::io::Result<()> {
        self.out.flush()?;
        let file = self.out.get_mut();
        file.seek(SeekFrom::Start(0))?;
        let mut reader = BufReader::with_capacity(1 << 16, &*file);
        let mut record = [0u8; 16];
        for _ in 0..self.len {
            reader.read_exact(&mut record)?;
            let (lon, lat) = record.split_at(8);
            let lon = f64::from_le_bytes(lon.try_into().unwrap_or_default());
            let lat = f64::from_le_bytes(lat.try_into().unwrap_or_default());
            visit((lon, lat));
        }
        drop(reader);
        file.seek(SeekFrom::End(0))?;
        Ok(())
    }

    /// The value at index `n` of `value` of every point sorted by `f64::total_cmp` (`None`
    /// when `n` is out of range).
    pub fn nth_smallest(
        &mut self,
        n: u64,
        value: &dyn Fn((f64, f64)) -> f64,
    ) -> std::io::Result<Option<f64>> {
        self.select(n, value, SORT_IN_MEMORY)
    }

    /// [`PointSpool::nth_smallest`], sorting a bucket in memory once it holds at most
    /// `sort_in_memory` values.
    fn select(
        &mut self,
        n: u64,
        value: &dyn Fn((f64, f64)) -> f64,
        sort_in_memory: u64,
    ) -> std::io::Result<Option<f64>> {
        if n >= self.len {
            return Ok(None);
        }
        let mut rank = n;
        // The top `known` bits of the key are `prefix`.
        let (mut prefix, mut known) = (0u64, 0u32);
        loop {
            let width = RADIX_BITS.min(64 - known);
            let shift = 64 - known - width;
            let mut counts = vec![0u64; 1 << width];
            self.for_each(&mut |p| {
                let key = order_key(value(p));
                if shares_prefix(key, prefix, known) {
                    counts[((key >> shift) & ((1 << width) - 1)) as usize] += 1;
                }
            })?;
            let mut bucket = 0usize;
            while rank >= counts[bucket] {
                rank -= counts[bucket];
                bucket += 1;
            }
            prefix = (prefix << width) | bucket as u64;
            known += width;
            if known == 64 {
                return Ok(Some(from_order_key(prefix)));
            }
            if counts[bucket] <= sort_in_memory {
                let mut keys = Vec::with_capacity(counts[bucket] as usize);
                self.for_each(&mut |p| {
                    let key = order_key(value(p));
                    if shares_prefix(key, prefix, known) {
                        keys.push(key);
                    }
                })?;
                keys.sort_unstable();
                return Ok(keys.get(rank as usize).map(|&k| from_order_key(k)));
            }
        }
    }
}

fn shares_prefix(key: u64, prefix: u64, known: u32) -> bool {
    known == 0 || key >> (64 - known) == prefix
}

/// A key whose unsigned order is `f64::total_cmp`'s order.
fn order_key(value: f64) -> u64 {
    let bits = value.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

fn from_order_key(key: u64) -> f64 {
    let bits = if key >> 63 == 1 {
        key & !(1 << 63)
    } else {
        !key
    };
    f64::from_bits(bits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_equals_a_full_sort() {
        let mut spool = PointSpool::new().unwrap();
        let mut values = Vec::new();
        // Negative, zero of both signs, repeated values, tiny and huge magnitudes.
        let mut x = 0.123_f64;
        for k in 0..3000 {
            x = (x * 997.0 + 0.37).fract();
            let v = match k % 7 {
                0 => -x * 180.0,
                1 => 0.0,
                2 => -0.0,
                3 => 42.5,
                4 => x * 1e-300,
                _ => x * 90.0,
            };
            values.push(v);
            spool.push((v, -v)).unwrap();
        }
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        for n in [0, 1, 999, 1500, 2999] {
            let lon = spool.nth_smallest(n, &|(lon, _)| lon).unwrap().unwrap();
            assert_eq!(lon.to_bits(), sorted[n as usize].to_bits(), "index {n}");
            // Down to the last bit, one read per 16 bits.
            for small in [0, 3] {
                let lon = spool.select(n, &|(lon, _)| lon, small).unwrap().unwrap();
                assert_eq!(lon.to_bits(), sorted[n as usize].to_bits(), "index {n}");
            }
        }
        let mut by_lat: Vec<f64> = values.iter().map(|v| -v).collect();
        by_lat.sort_by(f64::total_cmp);
        let lat = spool.nth_smallest(1500, &|(_, lat)| lat).unwrap().unwrap();
        assert_eq!(lat.to_bits(), by_lat[1500].to_bits());
        assert_eq!(spool.nth_smallest(3000, &|(lon, _)| lon).unwrap(), None);
        // Points pushed after reading are kept in order.
        spool.push((7.0, 8.0)).unwrap();
        let mut last = None;
        spool.for_each(&mut |p| last = Some(p)).unwrap();
        assert_eq!(last, Some((7.0, 8.0)));
    }

    #[test]
    fn order_keys_sort_as_total_cmp() {
        let values = [
            f64::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            1e-310,
            3.0,
            f64::INFINITY,
        ];
        for pair in values.windows(2) {
            assert!(order_key(pair[0]) < order_key(pair[1]), "{pair:?}");
        }
        for v in values {
            assert_eq!(from_order_key(order_key(v)).to_bits(), v.to_bits());
        }
    }
}

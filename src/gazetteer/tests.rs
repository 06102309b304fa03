//! Gazetteer unit tests on the built-in world gazetteer (the table test is in
//! tests/gazetteer_table.rs).

use super::*;

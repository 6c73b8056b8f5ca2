//! # The BTT runtime fuzzer
//!
//! Searches for broken guarantees on its own: it runs the native BTT runtime from the dev
//! preset (with a two-block chain day, so that vesting months, staking terms, mining eras and
//! referenda pass within a few hundred blocks), dispatches sequences of calls from a set of
//! funded accounts and from every governed origin, builds real blocks around them, and
//! checks the chain's invariants after every call and every block ([`invariants`]).
//!
//! An input is a byte string: a sequence of [`Step`]s, each `(blocks, origin, call)` — the
//! blocks to build first (a time jump when large), the origin as one byte ([`actors`]) and
//! a SCALE-encoded `RuntimeCall`, decoded with a depth limit. [`process_input`] runs one;
//! a failing input is saved as a file and replayed by the test suite (`fuzz/regressions`).
//! [`generator`] writes inputs from a seed, knowing the runtime's calls and the edge values
//! of their arguments.
//!
//! `tests/fuzz.rs` runs it under `cargo test` with a time budget; `tests/try_runtime.rs`
//! runs the runtime-upgrade checks on a state the fuzzer has filled. See `README.md`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test tooling: a failure is a finding

pub mod actors;
pub mod attacks;
pub mod chain;
pub mod generator;
pub mod invariants;

pub use chain::{process_input, Chain, Failure, Stats, Step};

// This file is part of the BTT chain. SPDX-License-Identifier: Apache-2.0

//! Weights of `pallet_btt_validators`. Provisional until `scripts/benchmark.sh
//! pallet_btt_validators` regenerates this file from the pallet's benchmarks.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use polkadot_sdk::frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// The weight of every call of `pallet_btt_validators`.
pub trait WeightInfo {
	/// Weight of `add_validator`.
	fn add_validator() -> Weight;
	/// Weight of `remove_validator` in a set of `v` validators (each one's keys are read).
	fn remove_validator(v: u32, ) -> Weight;
}

/// Weights measured on the reference machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_validator() -> Weight {
		Weight::from_parts(40_000_000, 3_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	// The per-validator key read is hand-set, pending a benchmark run.
	fn remove_validator(v: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 3_000)
			.saturating_add(Weight::from_parts(3_000_000, 2_600).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

// For tests: the same, with RocksDB's database weights.
impl WeightInfo for () {
	fn add_validator() -> Weight {
		Weight::from_parts(40_000_000, 3_000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	// The per-validator key read is hand-set, pending a benchmark run.
	fn remove_validator(v: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 3_000)
			.saturating_add(Weight::from_parts(3_000_000, 2_600).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}

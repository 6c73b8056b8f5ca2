// This file is part of the BTT chain. SPDX-License-Identifier: Apache-2.0

//! Weights of `pallet_btt_governance`. Provisional until `scripts/benchmark.sh
//! pallet_btt_governance` regenerates this file from the pallet's benchmarks.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use polkadot_sdk::frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// The weight of every call and hook of `pallet_btt_governance`.
pub trait WeightInfo {
	/// Weight of `refresh_boost`.
	fn refresh_boost() -> Weight;
	/// Weight of `boost_vote`.
	fn boost_vote() -> Weight;
	/// Weight of `withdraw_boost`.
	fn withdraw_boost() -> Weight;
	/// Weight of `on_initialize`.
	fn on_initialize() -> Weight;
}

/// Weights measured on the reference machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	// Hand-set, pending a benchmark run: the boost record, the voter's stake positions and
	// the referendum read; the referendum and the record written.
	fn refresh_boost() -> Weight {
		Weight::from_parts(50_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn boost_vote() -> Weight {
		Weight::from_parts(60_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn withdraw_boost() -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn on_initialize() -> Weight {
		Weight::from_parts(5_000_000, 1_500)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
}

// For tests: the same, with RocksDB's database weights.
impl WeightInfo for () {
	fn refresh_boost() -> Weight {
		Weight::from_parts(50_000_000, 8_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn boost_vote() -> Weight {
		Weight::from_parts(60_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn withdraw_boost() -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn on_initialize() -> Weight {
		Weight::from_parts(5_000_000, 1_500)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
}

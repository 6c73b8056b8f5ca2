// This file is part of the BTT chain. SPDX-License-Identifier: Apache-2.0

//! Weights of `pallet_btt_staking`.
//!
//! Placeholder until `scripts/benchmark.sh pallet_btt_staking` overwrites it with measured
//! weights.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use polkadot_sdk::frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// The weight of every call of `pallet_btt_staking`.
pub trait WeightInfo {
	/// Weight of `stake`.
	fn stake() -> Weight;
	/// Weight of `close`.
	fn close() -> Weight;
	/// Weight of `claim_fee_share`.
	fn claim_fee_share() -> Weight;
	/// Weight of `set_term`.
	fn set_term() -> Weight;
}

/// Weights for `pallet_btt_staking` on the BTT runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn stake() -> Weight {
		Weight::from_parts(150_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn close() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn claim_fee_share() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn set_term() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn stake() -> Weight {
		Weight::from_parts(150_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn close() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn claim_fee_share() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn set_term() -> Weight {
		Weight::from_parts(10_000_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}

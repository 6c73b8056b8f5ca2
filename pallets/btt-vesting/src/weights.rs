//! Provisional weights of `pallet_btt_vesting`: replaced by the output of
//! `scripts/benchmark.sh pallet_btt_vesting` (see `.maintain/weight-template.hbs`).

#![allow(missing_docs)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// The weight of every call of `pallet_btt_vesting`.
pub trait WeightInfo {
	fn claim(s: u32) -> Weight;
}

/// Weights with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn claim(s: u32) -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
}

impl WeightInfo for () {
	fn claim(s: u32) -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
}

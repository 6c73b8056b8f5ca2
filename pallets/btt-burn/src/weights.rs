//! Provisional weights of `pallet_btt_burn`: replaced by the output of
//! `scripts/benchmark.sh` (see `.maintain/weight-template.hbs`).

#![allow(missing_docs)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// The weight of every call of `pallet_btt_burn`.
pub trait WeightInfo {
	fn burn() -> Weight;
	fn pay() -> Weight;
	fn set_category_rate() -> Weight;
	fn execute_milestone_burn() -> Weight;
	fn set_milestone_source() -> Weight;
	fn set_fee_split() -> Weight;
}

/// Weights with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn burn() -> Weight {
		Weight::from_parts(60_000_000, 3_600).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	fn pay() -> Weight {
		Weight::from_parts(120_000_000, 6_200).saturating_add(T::DbWeight::get().reads_writes(5, 5))
	}
	fn set_category_rate() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1))
	}
	fn execute_milestone_burn() -> Weight {
		Weight::from_parts(70_000_000, 3_600).saturating_add(T::DbWeight::get().reads_writes(5, 4))
	}
	fn set_milestone_source() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_fee_split() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1))
	}
}

impl WeightInfo for () {
	fn burn() -> Weight {
		Weight::from_parts(60_000_000, 3_600)
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn pay() -> Weight {
		Weight::from_parts(120_000_000, 6_200)
			.saturating_add(RocksDbWeight::get().reads_writes(5, 5))
	}
	fn set_category_rate() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(RocksDbWeight::get().writes(1))
	}
	fn execute_milestone_burn() -> Weight {
		Weight::from_parts(70_000_000, 3_600)
			.saturating_add(RocksDbWeight::get().reads_writes(5, 4))
	}
	fn set_milestone_source() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_fee_split() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(RocksDbWeight::get().writes(1))
	}
}

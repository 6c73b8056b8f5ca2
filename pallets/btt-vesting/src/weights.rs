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
	fn approve_milestones() -> Weight;
	fn claim_tranches() -> Weight;
	fn release_ecosystem() -> Weight;
	fn set_programme() -> Weight;
	fn remove_programme() -> Weight;
	fn programme_spend() -> Weight;
	fn release_reserve() -> Weight;
}

/// Weights with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn claim(s: u32) -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	fn approve_milestones() -> Weight {
		Weight::from_parts(15_000_000, 3_500).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn claim_tranches() -> Weight {
		Weight::from_parts(70_000_000, 6_200).saturating_add(T::DbWeight::get().reads_writes(5, 4))
	}
	fn release_ecosystem() -> Weight {
		Weight::from_parts(80_000_000, 6200).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn set_programme() -> Weight {
		Weight::from_parts(20_000_000, 3600).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn remove_programme() -> Weight {
		Weight::from_parts(20_000_000, 3600).saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
	fn programme_spend() -> Weight {
		Weight::from_parts(90_000_000, 6200).saturating_add(T::DbWeight::get().reads_writes(5, 5))
	}
	fn release_reserve() -> Weight {
		Weight::from_parts(70_000_000, 6200).saturating_add(T::DbWeight::get().reads_writes(3, 2))
	}
}

impl WeightInfo for () {
	fn claim(s: u32) -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn approve_milestones() -> Weight {
		Weight::from_parts(15_000_000, 3_500)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn claim_tranches() -> Weight {
		Weight::from_parts(70_000_000, 6_200)
			.saturating_add(RocksDbWeight::get().reads_writes(5, 4))
	}
	fn release_ecosystem() -> Weight {
		Weight::from_parts(80_000_000, 6200).saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn set_programme() -> Weight {
		Weight::from_parts(20_000_000, 3600).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn remove_programme() -> Weight {
		Weight::from_parts(20_000_000, 3600).saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}
	fn programme_spend() -> Weight {
		Weight::from_parts(90_000_000, 6200).saturating_add(RocksDbWeight::get().reads_writes(5, 5))
	}
	fn release_reserve() -> Weight {
		Weight::from_parts(70_000_000, 6200).saturating_add(RocksDbWeight::get().reads_writes(3, 2))
	}
}

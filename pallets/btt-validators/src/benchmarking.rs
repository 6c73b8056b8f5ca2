//! Benchmarks of the validator set's calls, at its largest.

use super::*;
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use polkadot_sdk::{
	frame_benchmarking,
	sp_runtime::traits::{StaticLookup, TrailingZeroInput},
};

/// Gives `who` session keys (all-zero keys: only their presence matters here).
fn register_keys<T: Config>(who: &T::AccountId) -> Result<(), BenchmarkError> {
	let keys = T::Keys::decode(&mut TrailingZeroInput::zeroes())
		.map_err(|_| BenchmarkError::Stop("session keys do not decode from zeroes"))?;
	pallet_session::NextKeys::<T>::insert(who, keys);
	Ok(())
}

/// Fills the set with `count` validators, each with session keys.
fn fill_set<T: Config>(count: u32) -> Result<(), BenchmarkError> {
	let validators: alloc::vec::Vec<T::AccountId> =
		(0..count).map(|i| account("validator", i, 0)).collect();
	for validator in &validators {
		register_keys::<T>(validator)?;
	}
	Validators::<T>::put(
		ValidatorsOf::<T>::try_from(validators)
			.map_err(|_| BenchmarkError::Stop("more than MaxValidators"))?,
	);
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Adds the last validator the set can hold (the membership check reads every one).
	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		fill_set::<T>(T::MaxValidators::get().saturating_sub(1))?;
		let who: T::AccountId = account("joiner", 0, 0);
		register_keys::<T>(&who)?;
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let lookup = T::Lookup::unlookup(who.clone());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, lookup);

		assert!(Validators::<T>::get().contains(&who));
		Ok(())
	}

	/// Removes the last validator of a set of `v`, every one with keys: the search reads
	/// every validator and the keys check reads every remaining one's keys.
	#[benchmark]
	fn remove_validator(
		v: Linear<{ T::MinValidators::get().saturating_add(1) }, { T::MaxValidators::get() }>,
	) -> Result<(), BenchmarkError> {
		fill_set::<T>(v)?;
		let who: T::AccountId = account("validator", v.saturating_sub(1), 0);
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let lookup = T::Lookup::unlookup(who.clone());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, lookup);

		assert!(!Validators::<T>::get().contains(&who));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
